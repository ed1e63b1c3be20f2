import { createHash, createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Clock } from '../platform/clock.ts';
import type { Database, Executor } from '../platform/db/database.ts';
import { appendAuditEvent, type Actor } from '../platform/audit/service.ts';
import { detectPii } from '../domain/pii/detect.ts';
import { rotReasons, DEFAULT_STALE_YEARS, type RotReason } from '../domain/rot.ts';
import { nearDuplicateGroups, parseSimhash, simhash, simhashHex } from '../domain/simhash.ts';
import { walk, type WalkEntry } from './walk/walk.ts';
import { extractText } from './extract/index.ts';
import { discoveryScans, discoverySources, inventoryFiles, inventoryFindings } from './inventory/schema.ts';

/** Files larger than this are hashed (streamed) but not read for text in this version. */
export const MAX_EXTRACT_BYTES = 64 * 1024 * 1024;

export interface ScanOptions {
  source: string;
  root: string;
  /** Key for the HMAC of finding values (kept outside the database). */
  findingKey: Buffer;
  staleYears?: number;
  exclude?: RegExp;
  batchSize?: number;
  onProgress?: (p: ScanProgress) => void;
  /** Hands batches to other processes (the job queue) instead of processing them here. */
  dispatch?: (batch: ScanBatch) => Promise<void>;
  /** Waits until every dispatched batch of the scan is done. */
  drain?: (scanId: number) => Promise<void>;
}

export interface ScanProgress {
  files: number;
  bytes: number;
  processed: number;
  errors: number;
}

export interface ScanSummary extends ScanProgress {
  scanId: number;
  resumed: boolean;
  gone: number;
  duplicates: number;
  nearDuplicates: number;
}

type FileRow = typeof inventoryFiles.$inferInsert;
type FindingRow = typeof inventoryFindings.$inferInsert;

/**
 * Scans a folder tree into the inventory. Work is committed a batch at a time, so a scan killed at any moment (even
 * kill -9) continues where it stopped when run again: files already recorded in this scan are skipped, unchanged
 * files (size, mtime and inode) are only marked seen, and the copies, near copies and vanished files are worked out
 * at the end from what is stored — so the result is the same as one uninterrupted scan.
 */
export async function runScan(
  deps: { db: Database; clock: Clock },
  actor: Actor,
  options: ScanOptions,
): Promise<ScanSummary> {
  const root = path.resolve(options.root);
  const sourceId = await ensureSource(deps.db, options.source, root);
  const { scanId, resumed } = await openScan(deps, actor, sourceId, options.source);
  await deps.db.orm
    .update(discoveryScans)
    .set({ keyCheck: keyCheck(options.findingKey) })
    .where(eq(discoveryScans.id, scanId));
  const progress: ScanProgress = { files: 0, bytes: 0, processed: 0, errors: 0 };
  const batchSize = options.batchSize ?? 200;
  let batch: WalkEntry[] = [];
  const flush = async () => {
    if (!batch.length) return;
    if (options.dispatch)
      await options.dispatch({
        sourceId,
        scanId,
        entries: batch.map(toBatchEntry),
        staleYears: options.staleYears,
      });
    else await processBatch(deps, sourceId, scanId, batch, options);
    batch = [];
    await deps.db.orm
      .update(discoveryScans)
      .set({ filesSeen: progress.files, bytesSeen: progress.bytes })
      .where(eq(discoveryScans.id, scanId));
    const [counts] = await deps.db.orm.select().from(discoveryScans).where(eq(discoveryScans.id, scanId));
    options.onProgress?.({ ...progress, processed: counts!.filesProcessed, errors: counts!.errors });
  };
  for await (const entry of walk([root], { exclude: options.exclude })) {
    progress.files += 1;
    if (entry.kind === 'file') progress.bytes += entry.size;
    batch.push(entry);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  await options.drain?.(scanId);
  const [counts] = await deps.db.orm.select().from(discoveryScans).where(eq(discoveryScans.id, scanId));
  progress.processed = counts!.filesProcessed;
  progress.errors = counts!.errors;
  const finished = await finishScan(deps, actor, sourceId, scanId, progress);
  return { scanId, resumed, ...progress, ...finished };
}

/** A digest of the finding key, safe to store: lets workers check they hash with the same key. */
export function keyCheck(key: Buffer): string {
  return createHmac('sha256', key).update('custodian finding key check').digest('hex').slice(0, 16);
}

/** A batch of work as it travels on the job queue to another process. */
export interface ScanBatch {
  sourceId: number;
  scanId: number;
  entries: BatchEntry[];
  staleYears?: number;
}

export type BatchEntry =
  | { kind: 'file'; path: string; size: number; mtimeMs: number; inode: string }
  | { kind: 'error'; path: string; error: string };

function toBatchEntry(e: WalkEntry): BatchEntry {
  return e.kind === 'file'
    ? { kind: 'file', path: e.path, size: e.size, mtimeMs: e.mtime.getTime(), inode: e.inode }
    : e;
}

/** Processes a batch taken from the job queue, as a worker process does. */
export async function processQueuedBatch(
  deps: { db: Database; clock: Clock },
  batch: ScanBatch,
  findingKey: Buffer,
) {
  const [scan] = await deps.db.orm
    .select({ keyCheck: discoveryScans.keyCheck })
    .from(discoveryScans)
    .where(eq(discoveryScans.id, batch.scanId));
  if (scan?.keyCheck && scan.keyCheck !== keyCheck(findingKey)) {
    throw new Error(
      'This worker’s CUSTODIAN_FINDING_KEY differs from the scan’s: set the same key on every machine',
    );
  }
  const entries: WalkEntry[] = batch.entries.map((e) =>
    e.kind === 'file'
      ? { kind: 'file', path: e.path, size: e.size, mtime: new Date(e.mtimeMs), inode: e.inode }
      : e,
  );
  return processBatch(deps, batch.sourceId, batch.scanId, entries, {
    findingKey,
    staleYears: batch.staleYears,
  });
}

async function ensureSource(db: Database, name: string, root: string): Promise<number> {
  const [existing] = await db.orm.select().from(discoverySources).where(eq(discoverySources.name, name));
  if (existing) {
    if (existing.rootPath !== root)
      throw new Error(`The source "${name}" scans ${existing.rootPath}, not ${root}`);
    return existing.id;
  }
  const [row] = await db.orm
    .insert(discoverySources)
    .values({ name, rootPath: root })
    .onConflictDoNothing()
    .returning({ id: discoverySources.id });
  if (row) return row.id;
  return ensureSource(db, name, root);
}

async function openScan(deps: { db: Database; clock: Clock }, actor: Actor, sourceId: number, name: string) {
  const [running] = await deps.db.orm
    .select()
    .from(discoveryScans)
    .where(and(eq(discoveryScans.sourceId, sourceId), eq(discoveryScans.status, 'running')))
    .orderBy(asc(discoveryScans.id))
    .limit(1);
  if (running) return { scanId: running.id, resumed: true };
  return deps.db.orm.transaction(async (tx) => {
    const [row] = await tx
      .insert(discoveryScans)
      .values({ sourceId, status: 'running', startedAt: deps.clock.now() })
      .returning({ id: discoveryScans.id });
    await appendAuditEvent(tx, deps.clock, actor, {
      action: 'discovery.scan-started',
      entityType: 'discovery-source',
      entityId: sourceId,
      details: { source: name, scanId: row!.id },
    });
    return { scanId: row!.id, resumed: false };
  });
}

async function processBatch(
  deps: { db: Database; clock: Clock },
  sourceId: number,
  scanId: number,
  entries: WalkEntry[],
  options: Pick<ScanOptions, 'findingKey' | 'staleYears'>,
) {
  const paths = entries.map((e) => e.path);
  const known = new Map(
    (
      await deps.db.orm
        .select()
        .from(inventoryFiles)
        .where(and(eq(inventoryFiles.sourceId, sourceId), inArray(inventoryFiles.path, paths)))
    ).map((r) => [r.path, r]),
  );
  const seenOnly: string[] = [];
  const rows: FileRow[] = [];
  const findings: FindingRow[] = [];
  let errors = 0;
  for (const entry of entries) {
    const before = known.get(entry.path);
    if (before?.lastSeenScan === scanId) continue; // done before an interruption
    // Unchanged and fully read before (a transient failure leaves no digest, so it is read again).
    if (
      entry.kind === 'file' &&
      before &&
      before.sha256 &&
      before.size === entry.size &&
      before.mtime.getTime() === entry.mtime.getTime() &&
      before.inode === entry.inode
    ) {
      seenOnly.push(entry.path);
      continue;
    }
    const result = await inspect(entry, sourceId, scanId, options, deps.clock.now());
    if (result.row.error) errors += 1;
    rows.push(result.row);
    findings.push(...result.findings);
  }
  await deps.db.orm.transaction(async (tx) => {
    if (seenOnly.length) {
      await tx
        .update(inventoryFiles)
        .set({ lastSeenScan: scanId, gone: false })
        .where(and(eq(inventoryFiles.sourceId, sourceId), inArray(inventoryFiles.path, seenOnly)));
    }
    if (rows.length) {
      await tx.delete(inventoryFindings).where(
        and(
          eq(inventoryFindings.sourceId, sourceId),
          inArray(
            inventoryFindings.path,
            rows.map((r) => r.path),
          ),
        ),
      );
      await upsertFiles(tx, rows);
      for (let i = 0; i < findings.length; i += 1000)
        await tx.insert(inventoryFindings).values(findings.slice(i, i + 1000));
    }
    await tx
      .update(discoveryScans)
      .set({
        filesProcessed: sql`${discoveryScans.filesProcessed} + ${rows.length}`,
        errors: sql`${discoveryScans.errors} + ${errors}`,
      })
      .where(eq(discoveryScans.id, scanId));
  });
  return { processed: rows.length, errors };
}

async function upsertFiles(tx: Executor, rows: FileRow[]) {
  await tx
    .insert(inventoryFiles)
    .values(rows)
    .onConflictDoUpdate({
      target: [inventoryFiles.sourceId, inventoryFiles.path],
      set: {
        size: sql`excluded.size`,
        mtime: sql`excluded.mtime`,
        inode: sql`excluded.inode`,
        sha256: sql`excluded.sha256`,
        mime: sql`excluded.mime`,
        simhash: sql`excluded.simhash`,
        rot: sql`excluded.rot`,
        piiCounts: sql`excluded.pii_counts`,
        error: sql`excluded.error`,
        lastSeenScan: sql`excluded.last_seen_scan`,
        gone: false,
        duplicateOf: null,
        nearDuplicateGroup: null,
      },
    });
}

/** One file: its digest, type, text, findings and intrinsic ROT reasons; errors recorded, never thrown. */
async function inspect(
  entry: WalkEntry,
  sourceId: number,
  scanId: number,
  options: Pick<ScanOptions, 'findingKey' | 'staleYears'>,
  now: Date,
): Promise<{ row: FileRow; findings: FindingRow[] }> {
  const base = { sourceId, path: entry.path, lastSeenScan: scanId, rot: [] as RotReason[], piiCounts: {} };
  if (entry.kind === 'error')
    return { row: { ...base, size: 0, mtime: new Date(0), inode: '', error: entry.error }, findings: [] };
  const facts = { size: entry.size, mtime: entry.mtime, inode: entry.inode };
  const rot = rotReasons(
    { name: path.basename(entry.path), size: entry.size, modified: entry.mtime },
    { staleYears: options.staleYears ?? DEFAULT_STALE_YEARS, now },
  );
  let sha256: string;
  let bytes: Buffer | undefined;
  try {
    ({ sha256, bytes } = await hashFile(entry.path, entry.size <= MAX_EXTRACT_BYTES));
    const after = await fs.promises.stat(entry.path);
    if (after.size !== entry.size || after.mtime.getTime() !== entry.mtime.getTime()) {
      return {
        row: {
          ...base,
          ...facts,
          rot,
          error: 'changed while being read; it will be read again on the next scan',
        },
        findings: [],
      };
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'vanished during the scan'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : (error as Error).message;
    return { row: { ...base, ...facts, rot, error: reason }, findings: [] };
  }
  if (!bytes)
    return {
      row: {
        ...base,
        ...facts,
        rot,
        sha256,
        error: `larger than ${MAX_EXTRACT_BYTES / 1024 / 1024} MB: hashed, not read for text`,
      },
      findings: [],
    };
  const extraction = await extractText(bytes, entry.path);
  const texts = collectTexts(extraction);
  const found = texts.flatMap(({ text, page }) => detectPii(text).map((f) => ({ ...f, page })));
  const counts: Record<string, number> = {};
  for (const f of found) counts[f.type] = (counts[f.type] ?? 0) + 1;
  const hash = simhash(texts.map((t) => t.text).join('\n'));
  if (extraction.mime === 'message/rfc822') {
    const subject = /^Subject: (.*)$/m.exec(extraction.pages[0] ?? '')?.[1];
    if (subject)
      rot.push(...rotReasons({ name: '', size: 1, modified: now, subject }, { staleYears: 1000, now }));
  }
  return {
    row: {
      ...base,
      ...facts,
      sha256,
      mime: extraction.mime,
      simhash: hash ? simhashHex(hash) : null,
      rot,
      piiCounts: counts,
      error: extraction.error ?? null,
    },
    findings: found.map((f, ordinal) => ({
      sourceId,
      path: entry.path,
      ordinal,
      type: f.type,
      start: f.start,
      end: f.end,
      page: f.page,
      confidence: f.confidence,
      masked: f.masked,
      valueHmac: createHmac('sha256', options.findingKey).update(`${f.type}:${f.normalised}`).digest('hex'),
    })),
  };
}

/** Every text inside an extraction (pages, and files inside archives and e-mails), with page numbers where paged. */
function collectTexts(e: Awaited<ReturnType<typeof extractText>>): { text: string; page: number | null }[] {
  const own = e.pages.map((text, i) => ({ text, page: e.pages.length > 1 ? i + 1 : null }));
  return [
    ...own,
    ...(e.children ?? []).flatMap((c) => collectTexts(c.extraction).map((t) => ({ ...t, page: null }))),
  ];
}

/** SHA-256 of a file streamed in chunks (bounded memory), keeping the bytes only when asked. */
async function hashFile(file: string, keep: boolean): Promise<{ sha256: string; bytes?: Buffer }> {
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    hash.update(chunk as Buffer);
    if (keep) chunks.push(chunk as Buffer);
  }
  return { sha256: hash.digest('hex'), bytes: keep ? Buffer.concat(chunks) : undefined };
}

/** Marks what has gone, works out copies and near copies across the source, and closes the scan. */
async function finishScan(
  deps: { db: Database; clock: Clock },
  actor: Actor,
  sourceId: number,
  scanId: number,
  progress: ScanProgress,
) {
  const gone = await deps.db.orm
    .update(inventoryFiles)
    .set({ gone: true })
    .where(
      and(
        eq(inventoryFiles.sourceId, sourceId),
        ne(inventoryFiles.lastSeenScan, scanId),
        eq(inventoryFiles.gone, false),
      ),
    )
    .returning({ path: inventoryFiles.path });
  const files = await deps.db.orm
    .select({
      path: inventoryFiles.path,
      sha256: inventoryFiles.sha256,
      size: inventoryFiles.size,
      simhash: inventoryFiles.simhash,
      rot: inventoryFiles.rot,
      duplicateOf: inventoryFiles.duplicateOf,
      near: inventoryFiles.nearDuplicateGroup,
    })
    .from(inventoryFiles)
    .where(and(eq(inventoryFiles.sourceId, sourceId), eq(inventoryFiles.gone, false)))
    .orderBy(asc(inventoryFiles.path));
  // The first path (in order) holding a digest is the original; later ones are its copies.
  const original = new Map<string, string>();
  const duplicateOf = files.map((f) => {
    if (!f.sha256 || f.size === 0) return null;
    const first = original.get(f.sha256);
    if (!first) original.set(f.sha256, f.path);
    return first ?? null;
  });
  const groups = nearDuplicateGroups(files.map((f) => (f.simhash ? parseSimhash(f.simhash) : undefined)));
  const groupNumbers = new Map<number, number>();
  const near = groups.map((g) =>
    g === undefined ? null : (groupNumbers.get(g) ?? groupNumbers.set(g, groupNumbers.size + 1).get(g)!),
  );
  const firstInGroup = new Set<number>();
  let duplicates = 0;
  let nearDuplicates = 0;
  const changes: { path: string; duplicateOf: string | null; near: number | null; rot: RotReason[] }[] = [];
  files.forEach((f, i) => {
    const intrinsic = (f.rot as RotReason[]).filter((r) => r !== 'duplicate' && r !== 'near-duplicate');
    const rot: RotReason[] = [...intrinsic];
    if (duplicateOf[i]) {
      rot.push('duplicate');
      duplicates += 1;
    } else if (near[i] !== null) {
      if (firstInGroup.has(near[i]!)) {
        rot.push('near-duplicate');
        nearDuplicates += 1;
      } else firstInGroup.add(near[i]!);
    }
    if (
      f.duplicateOf !== duplicateOf[i] ||
      f.near !== near[i] ||
      JSON.stringify(f.rot) !== JSON.stringify(rot)
    )
      changes.push({ path: f.path, duplicateOf: duplicateOf[i]!, near: near[i]!, rot });
  });
  await deps.db.orm.transaction(async (tx) => {
    for (const c of changes) {
      await tx
        .update(inventoryFiles)
        .set({ duplicateOf: c.duplicateOf, nearDuplicateGroup: c.near, rot: c.rot })
        .where(and(eq(inventoryFiles.sourceId, sourceId), eq(inventoryFiles.path, c.path)));
    }
    await tx
      .update(discoveryScans)
      .set({
        status: 'completed',
        finishedAt: deps.clock.now(),
        filesSeen: progress.files,
        bytesSeen: progress.bytes,
        errors: progress.errors,
      })
      .where(eq(discoveryScans.id, scanId));
    await appendAuditEvent(tx, deps.clock, actor, {
      action: 'discovery.scan-completed',
      entityType: 'discovery-source',
      entityId: sourceId,
      details: {
        scanId,
        files: progress.files,
        errors: progress.errors,
        gone: gone.length,
        duplicates,
        nearDuplicates,
      },
    });
  });
  return { gone: gone.length, duplicates, nearDuplicates };
}
