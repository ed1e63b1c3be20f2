import { createHmac } from 'node:crypto';
import path from 'node:path';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Clock } from '../platform/clock.ts';
import { ValidationError } from '../platform/errors.ts';
import type { Database } from '../platform/db/database.ts';
import { appendAuditEvent, type Actor } from '../platform/audit/service.ts';
import { DEFAULT_STALE_YEARS } from '../domain/discovery/rot.ts';
import { linkedGroups } from '../domain/discovery/simhash.ts';
import { walk } from './walk/walk.ts';
import type { FileEntry } from './inspect/inspect.ts';
import { createInspector, type Inspector } from './inspect/pool.ts';
import { discoveryScans, discoverySources } from './inventory/schema.ts';
import {
  countCopies,
  markDuplicates,
  analyseInventory,
  markGone,
  markUnchanged,
  nearSimhashPairs,
  numberNearGroups,
  planForWholeSource,
  recordInspections,
  refreshRot,
  type ScanRef,
} from './inventory/repository.ts';

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
 * Scans a folder tree into the inventory. Walked files are checked against the inventory a chunk at a time: unchanged
 * ones (size, mtime and inode) are only marked seen, in one statement; the rest are read in batches, each committed
 * whole. So a scan killed at any moment (even kill -9) continues where it stopped when run again — files already
 * recorded by this scan are skipped — and the copies, near copies and vanished files are worked out at the end from
 * what is stored: the result is the same as one uninterrupted scan. Memory holds a few batches, never the tree.
 */
export async function runScan(
  deps: { db: Database; clock: Clock },
  actor: Actor,
  options: ScanOptions,
): Promise<ScanSummary> {
  const root = path.resolve(options.root);
  const sourceId = await ensureSource(deps.db, options.source, root);
  const { scanId, resumed } = await openScan(deps, actor, sourceId, options.source);
  const scan: ScanRef = { sourceId, scanId };
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
  const read = async (entries: FileEntry[]) => {
    if (options.dispatch || !inspector)
      return options.dispatch?.({ sourceId, scanId, entries, staleYears: options.staleYears });
    const done = await processBatch(deps, { ...scan, staleYears: options.staleYears }, entries, {
      inspector,
      serial,
    });
    progress.processed += done.processed;
    progress.errors += done.errors;
  };
  const report = throttledReport(deps.db, scanId, progress, options.onProgress);
  // Several batches in flight, so the threads never wait for a slow file at the end of one batch or for a write.
  const inFlight = new Set<Promise<unknown>>();
  const launch = async (entries: FileEntry[]) => {
    const work = read(entries).then(report);
    inFlight.add(work);
    void work.then(
      () => inFlight.delete(work),
      () => undefined,
    );
    if (inFlight.size >= MAX_BATCHES_IN_FLIGHT) await Promise.race(inFlight);
  };
  const check = async (entries: FileEntry[]) => {
    const files = entries.filter((e): e is Extract<FileEntry, { kind: 'file' }> => e.kind === 'file');
    // Files this scan read before an interruption are unchanged since, so a resumed scan skips them here too.
    const toRead = new Set<FileEntry>(await serial(() => markUnchanged(deps.db, scan, files)));
    const changed = entries.filter((e) => e.kind !== 'file' || toRead.has(e));
    for (let i = 0; i < changed.length; i += batchSize) await launch(changed.slice(i, i + batchSize));
    await report();
  };
  try {
    let chunk: FileEntry[] = [];
    // The walk goes on with the next chunk while the database checks the last (on a server, in another process).
    let checking: Promise<void> = Promise.resolve();
    for await (const entry of walk([root], { exclude: options.exclude })) {
      progress.files += 1;
      if (entry.kind === 'file') progress.bytes += entry.size;
      chunk.push(entry);
      if (chunk.length >= Math.max(batchSize, CHECK_CHUNK)) {
        await checking;
        checking = check(chunk);
        checking.catch(() => undefined); // awaited at the next chunk; this only stops it counting as unhandled
        chunk = [];
      }
    }
    await checking;
    await check(chunk);
    await Promise.all(inFlight);
  } finally {
    await Promise.allSettled(inFlight);
    await ownInspector?.close();
  }
  await options.drain?.(scanId);
  const [counts] = await deps.db.orm.select().from(discoveryScans).where(eq(discoveryScans.id, scanId));
  progress.processed = counts!.filesProcessed;
  progress.errors = counts!.errors;
  const finished = await finishScan(deps, actor, scan, options, progress);
  return { scanId, resumed, ...progress, ...finished };
}

/** Walked files checked against the inventory at once (one statement marks the unchanged among them). */
const CHECK_CHUNK = 2000;

/**
 * Reports progress to the caller and records it on the scan (for the pages that follow it), at most once a second
 * (the last report always).
 */
function throttledReport(
  db: Database,
  scanId: number,
  progress: ScanProgress,
  onProgress?: (p: ScanProgress) => void,
) {
  let last = 0;
  return async () => {
    const now = performance.now();
    if (now - last < 1000) return;
    last = now;
    const [row] = await db.query<{ processed: number; errors: number }>(
      `update discovery_scans set files_seen = $2, bytes_seen = $3 where id = $1
       returning files_processed as processed, errors`,
      [scanId, progress.files, progress.bytes],
    );
    onProgress?.({ ...progress, processed: row!.processed, errors: row!.errors });
  };
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
  const sources = await db.orm.select().from(discoverySources);
  const existing = sources.find((s) => s.name === name);
  if (existing) {
    if (existing.rootPath !== root)
      throw new ValidationError(`The source "${name}" scans ${existing.rootPath}, not ${root}`);
    return existing.id;
  }
  // One folder in two sources would put every file in the inventory twice, and its copies and totals with it.
  const inside = (folder: string, parent: string) =>
    folder === parent || folder.startsWith(parent.endsWith('/') ? parent : `${parent}/`);
  const overlapping = sources.find((s) => inside(root, s.rootPath) || inside(s.rootPath, root));
  if (overlapping)
    throw new ValidationError(
      overlapping.rootPath === root
        ? `${root} is already scanned as the source "${overlapping.name}": scan it under that name`
        : `${root} overlaps the source "${overlapping.name}" (${overlapping.rootPath}): files would be counted twice. Scan a folder that does not overlap it, or scan "${overlapping.name}"`,
    );
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

/** Reads a batch of files (in the inspector's threads) and records them. */
async function processBatch(
  deps: { db: Database; clock: Clock },
  scan: ScanRef & { staleYears?: number },
  entries: FileEntry[],
  work: { inspector: Inspector; serial: Serial },
) {
  const nowMs = deps.clock.now().getTime();
  const results = await Promise.all(
    entries.map((entry) => work.inspector.inspect({ entry, ...scan, staleYears: scan.staleYears, nowMs })),
  );
  await work.serial(() => recordInspections(deps.db, scan, results));
  return { processed: results.length, errors: results.filter((r) => r.row.error).length };
}

/**
 * The end of a scan, worked out in the database from what is stored (so memory does not grow with the source, and a
 * resumed scan ends the same): files not seen are gone; copies, near copies and the date-dependent ROT reasons are
 * refreshed; then the scan is closed and audited.
 */
async function finishScan(
  deps: { db: Database; clock: Clock },
  actor: Actor,
  scan: ScanRef,
  options: ScanOptions,
  progress: ScanProgress,
) {
  const { sourceId, scanId } = scan;
  const now = deps.clock.now();
  const staleBefore = new Date(now);
  staleBefore.setUTCFullYear(staleBefore.getUTCFullYear() - (options.staleYears ?? DEFAULT_STALE_YEARS));
  const threshold = options.nearThreshold ?? 3;
  const [previous] = await deps.db.orm
    .select({ nearThreshold: discoveryScans.nearThreshold })
    .from(discoveryScans)
    .where(and(eq(discoveryScans.sourceId, sourceId), eq(discoveryScans.status, 'completed')))
    .orderBy(desc(discoveryScans.id))
    .limit(1);
  let changed = progress.processed > 0;
  // Statistics first: a source new since the last analysis would be planned as empty, and a nested loop over it
  // is quadratic.
  if (changed) await analyseInventory(deps.db);
  const { gone, duplicates, nearDuplicates } = await deps.db.transaction(async (tx) => {
    await planForWholeSource(tx);
    const went = await markGone(tx, scan);
    changed ||= went > 0;
    // Copies can only have changed if something was read or went, or near copies are now measured differently: a
    // rescan of an unchanged share skips this.
    if (changed || previous?.nearThreshold !== threshold) {
      await markDuplicates(tx, sourceId);
      const pairs = await nearSimhashPairs(tx, sourceId, threshold);
      await numberNearGroups(tx, sourceId, linkedGroups(pairs.map((p) => [p.a, p.b])));
    }
    await refreshRot(tx, sourceId, staleBefore);
    return { gone: went, ...(await countCopies(tx, sourceId)) };
  });
  await deps.db.orm.transaction(async (tx) => {
    await tx
      .update(discoveryScans)
      .set({
        status: 'completed',
        finishedAt: now,
        nearThreshold: threshold,
        filesSeen: progress.files,
        bytesSeen: progress.bytes,
        errors: progress.errors,
      })
      .where(eq(discoveryScans.id, scanId));
    await appendAuditEvent(tx, deps.clock, actor, {
      action: 'discovery.scan-completed',
      entityType: 'discovery-source',
      entityId: sourceId,
      details: { scanId, files: progress.files, errors: progress.errors, gone, duplicates, nearDuplicates },
    });
  });
  return { gone, duplicates, nearDuplicates };
}
