import { createHmac } from 'node:crypto';
import path from 'node:path';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db/database.ts';
import { withBulkTransaction } from '../platform/db/bulk.ts';
import { appendAuditEvent, type Actor } from '../platform/audit/service.ts';
import type { RotReason } from '../domain/rot.ts';
import { nearDuplicateGroups, parseSimhash } from '../domain/simhash.ts';
import { walk, type WalkEntry } from './walk/walk.ts';
import type { FileEntry, Inspection } from './inspect/inspect.ts';
import { createInspector, type Inspector } from './inspect/pool.ts';
import { discoveryScans, discoverySources, inventoryFiles, inventoryFindings } from './inventory/schema.ts';

/** Batches being read or written at once by a scan that reads files itself. */
const MAX_BATCHES_IN_FLIGHT = 4;

export interface ScanOptions {
  source: string;
  root: string;
  /** Key for the HMAC of finding values (kept outside the database); its digest marks the scan. */
  findingKey: Buffer;
  /** Reads files (in threads); without one, the scan starts its own with the defaults. */
  inspector?: Inspector;
  staleYears?: number;
  /** Texts whose SimHashes differ in at most this many bits are near copies (DOMAIN.md: 3). */
  nearThreshold?: number;
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
  const serial = serialiser();
  const ownInspector =
    options.dispatch || options.inspector ? undefined : createInspector({ findingKey: options.findingKey });
  const inspector = options.inspector ?? ownInspector;
  const handle = (entries: FileEntry[]) => {
    if (options.dispatch || !inspector)
      return options.dispatch?.({ sourceId, scanId, entries, staleYears: options.staleYears });
    return processBatch(deps, { sourceId, scanId, staleYears: options.staleYears }, entries, {
      inspector,
      serial,
    });
  };
  // Several batches in flight, so the threads never wait for a slow file at the end of one batch or for a write.
  const inFlight = new Set<Promise<unknown>>();
  const flush = async (entries: FileEntry[], seen: { files: number; bytes: number }) => {
    await handle(entries);
    const counts = await serial(async () => {
      await deps.db.orm
        .update(discoveryScans)
        .set({ filesSeen: seen.files, bytesSeen: seen.bytes })
        .where(eq(discoveryScans.id, scanId));
      return (await deps.db.orm.select().from(discoveryScans).where(eq(discoveryScans.id, scanId)))[0]!;
    });
    options.onProgress?.({ ...progress, processed: counts.filesProcessed, errors: counts.errors });
  };
  const send = async (entries: FileEntry[]) => {
    const work = flush(entries, { files: progress.files, bytes: progress.bytes });
    inFlight.add(work);
    void work.then(
      () => inFlight.delete(work),
      () => undefined,
    );
    if (inFlight.size >= MAX_BATCHES_IN_FLIGHT) await Promise.race(inFlight);
  };
  try {
    let batch: FileEntry[] = [];
    for await (const entry of walk([root], { exclude: options.exclude })) {
      progress.files += 1;
      if (entry.kind === 'file') progress.bytes += entry.size;
      batch.push(toFileEntry(entry));
      if (batch.length >= batchSize) {
        await send(batch);
        batch = [];
      }
    }
    if (batch.length) await send(batch);
    await Promise.all(inFlight);
  } finally {
    await Promise.allSettled(inFlight);
    await ownInspector?.close();
  }
  await options.drain?.(scanId);
  const [counts] = await deps.db.orm.select().from(discoveryScans).where(eq(discoveryScans.id, scanId));
  progress.processed = counts!.filesProcessed;
  progress.errors = counts!.errors;
  const finished = await finishScan(
    deps,
    actor,
    { sourceId, scanId, nearThreshold: options.nearThreshold },
    progress,
  );
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
  entries: FileEntry[];
  staleYears?: number;
}

function toFileEntry(e: WalkEntry): FileEntry {
  return e.kind === 'file'
    ? { kind: 'file', path: e.path, size: e.size, mtimeMs: e.mtime.getTime(), inode: e.inode }
    : e;
}

/** Runs database work one piece at a time, in order (the embedded database has one connection). */
function serialiser() {
  let chain: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const result = chain.then(work);
    chain = result.catch(() => undefined);
    return result;
  };
}
type Serial = ReturnType<typeof serialiser>;

/** Processes a batch taken from the job queue, as a worker process does. */
export async function processQueuedBatch(
  deps: { db: Database; clock: Clock },
  batch: ScanBatch,
  findingKey: Buffer,
  inspector: Inspector,
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
  return processBatch(deps, batch, batch.entries, { inspector, serial: serialiser() });
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
  scan: { sourceId: number; scanId: number; staleYears?: number },
  entries: FileEntry[],
  work: { inspector: Inspector; serial: Serial },
) {
  const { sourceId, scanId } = scan;
  const paths = entries.map((e) => e.path);
  const known = new Map(
    (
      await work.serial(() =>
        deps.db.orm
          .select()
          .from(inventoryFiles)
          .where(and(eq(inventoryFiles.sourceId, sourceId), inArray(inventoryFiles.path, paths))),
      )
    ).map((r) => [r.path, r]),
  );
  const seenOnly: string[] = [];
  const toRead: FileEntry[] = [];
  for (const entry of entries) {
    const before = known.get(entry.path);
    if (before?.lastSeenScan === scanId) continue; // done before an interruption
    // Unchanged and fully read before (a transient failure leaves no digest, so it is read again).
    if (
      entry.kind === 'file' &&
      before &&
      before.sha256 &&
      before.size === entry.size &&
      before.mtime.getTime() === entry.mtimeMs &&
      before.inode === entry.inode
    )
      seenOnly.push(entry.path);
    else toRead.push(entry);
  }
  const nowMs = deps.clock.now().getTime();
  const results = await Promise.all(
    toRead.map((entry) =>
      work.inspector.inspect({ entry, sourceId, scanId, staleYears: scan.staleYears, nowMs }),
    ),
  );
  const errors = results.filter((r) => r.row.error).length;
  await work.serial(() => writeBatch(deps.db, scan, seenOnly, results, errors));
  return { processed: results.length, errors };
}

/** One transaction per batch: what a killed scan leaves behind is whole batches, never half of one. */
function writeBatch(
  db: Database,
  scan: { sourceId: number; scanId: number },
  seenOnly: string[],
  results: Inspection[],
  errors: number,
) {
  const { sourceId, scanId } = scan;
  const rows = results.map((r) => r.row);
  return withBulkTransaction(db, async (tx, bulk) => {
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
      await bulk.upsert(inventoryFiles, rows, {
        target: [inventoryFiles.sourceId, inventoryFiles.path],
        reset: { gone: false, duplicateOf: null, nearDuplicateGroup: null },
      });
      await bulk.insert(
        inventoryFindings,
        results.flatMap((r) => r.findings),
      );
    }
    await tx
      .update(discoveryScans)
      .set({
        filesProcessed: sql`${discoveryScans.filesProcessed} + ${rows.length}`,
        errors: sql`${discoveryScans.errors} + ${errors}`,
      })
      .where(eq(discoveryScans.id, scanId));
  });
}

/** Marks what has gone, works out copies and near copies across the source, and closes the scan. */
async function finishScan(
  deps: { db: Database; clock: Clock },
  actor: Actor,
  scan: { sourceId: number; scanId: number; nearThreshold?: number },
  progress: ScanProgress,
) {
  const { sourceId, scanId } = scan;
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
  const groups = nearDuplicateGroups(
    files.map((f) => (f.simhash ? parseSimhash(f.simhash) : undefined)),
    scan.nearThreshold,
  );
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
