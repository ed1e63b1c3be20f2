import type { Database, Queryable } from '../../platform/db/database.ts';
import type { FileEntry, Inspection } from '../inspect/inspect.ts';

/**
 * The inventory's SQL. Batches travel as arrays, one per column, unnested by the database: one statement for a whole
 * batch, the same on PGlite, on its local socket and on a PostgreSQL server, with no limit on parameters. (Measured
 * at 200 files a batch: 11,000 files a second both on PGlite and on PostgreSQL, against 7,200 for COPY into a staging
 * table on PostgreSQL and 2,300 for Drizzle's multi-row inserts on PGlite.)
 */
export interface ScanRef {
  sourceId: number;
  scanId: number;
}

type WalkedFile = Extract<FileEntry, { kind: 'file' }>;

/**
 * Records the walked files that are unchanged since they were last read whole (same size, modification time and
 * inode, and a digest recorded) as seen by this scan, in discovery_walked, and returns the others: the files to read.
 * Unchanged rows are only read, never rewritten, so a rescan of an unchanged share writes one narrow row a file to an
 * unlogged table, and only the positions of the files to read come back (none, on an unchanged share). A file that
 * had gone and is back as it was is present again. All in one statement.
 */
export async function markUnchanged(db: Database, scan: ScanRef, files: WalkedFile[]): Promise<WalkedFile[]> {
  if (!files.length) return [];
  return db.transaction(async (tx) => {
    // One primary-key lookup per walked file, whatever the statistics say: a hash join would read the whole source
    // for every chunk (and the embedded database, which has no autovacuum, often has no statistics).
    await tx.query('set local enable_hashjoin = off');
    await tx.query('set local enable_mergejoin = off');
    const toRead = await tx.query<{ n: number }>(
      `with walked as (
         select * from unnest($3::text[], $4::bigint[], $5::timestamptz[], $6::text[])
           with ordinality as w(path, size, mtime, inode, n)
       ), unchanged as (
         select w.n, f.path, f.gone
         from walked w join inventory_files f on f.source_id = $1 and f.path = w.path
         where f.size = w.size and f.mtime = w.mtime and f.inode = w.inode and f.sha256 is not null
       ), seen as (
         insert into discovery_walked (source_id, scan_id, path) select $1, $2, path from unchanged
       ), back as (
         update inventory_files f set gone = false
         from unchanged u where u.gone and f.source_id = $1 and f.path = u.path
       )
       select n::int from walked where n not in (select n from unchanged) order by n`,
      [
        scan.sourceId,
        scan.scanId,
        files.map((f) => f.path),
        files.map((f) => f.size),
        files.map((f) => new Date(f.mtimeMs).toISOString()),
        files.map((f) => f.inode),
      ],
    );
    return toRead.map((r) => files[r.n - 1]!);
  });
}

/**
 * Writes a batch of inspected files and their findings, and counts them on the scan, in one transaction: what a
 * killed scan leaves behind is whole batches, never half of one. A file read again loses its old findings and its
 * place among copies until the scan's end works them out afresh.
 */
export function recordInspections(db: Database, scan: ScanRef, results: Inspection[]): Promise<void> {
  const files = results.map((r) => r.row);
  const findings = results.flatMap((r) => r.findings);
  const errors = files.filter((f) => f.error).length;
  return db.transaction(async (tx) => {
    const readBefore = files.length ? await upsertFiles(tx, scan, files) : [];
    if (readBefore.length)
      await tx.query('delete from inventory_findings where source_id = $1 and path = any($2::text[])', [
        scan.sourceId,
        readBefore,
      ]);
    if (findings.length) await insertFindings(tx, scan, findings);
    await tx.query(
      'update discovery_scans set files_processed = files_processed + $2, errors = errors + $3 where id = $1',
      [scan.scanId, files.length, errors],
    );
  });
}

/** Inserts or replaces the files' rows; returns the paths that were there before (whose old findings must go). */
async function upsertFiles(tx: Queryable, scan: ScanRef, files: Inspection['row'][]): Promise<string[]> {
  const column = <T>(pick: (f: Inspection['row']) => T) => files.map(pick);
  const rows = await tx.query<{ path: string; existed: boolean }>(
    `insert into inventory_files
       (source_id, path, size, mtime, inode, sha256, mime, simhash, rot, pii_counts, error, read_in_scan)
     select $1, w.*, $12 from unnest($2::text[], $3::bigint[], $4::timestamptz[], $5::text[], $6::text[], $7::text[],
       $8::text[], $9::jsonb[], $10::jsonb[], $11::text[]) as w
     on conflict (source_id, path) do update set
       size = excluded.size, mtime = excluded.mtime, inode = excluded.inode, sha256 = excluded.sha256,
       mime = excluded.mime, simhash = excluded.simhash, rot = excluded.rot, pii_counts = excluded.pii_counts,
       error = excluded.error, read_in_scan = excluded.read_in_scan,
       gone = false, duplicate_of = null, near_duplicate_group = null
     returning path, xmax <> 0 as existed`,
    [
      scan.sourceId,
      column((f) => f.path),
      column((f) => f.size),
      column((f) => f.mtime.toISOString()),
      column((f) => f.inode),
      column((f) => f.sha256 ?? null),
      column((f) => f.mime ?? null),
      column((f) => f.simhash ?? null),
      column((f) => JSON.stringify(f.rot ?? [])),
      column((f) => JSON.stringify(f.piiCounts ?? {})),
      column((f) => f.error ?? null),
      scan.scanId,
    ],
  );
  return rows.filter((r) => r.existed).map((r) => r.path);
}

function insertFindings(tx: Queryable, scan: ScanRef, findings: Inspection['findings']) {
  const column = <T>(pick: (f: Inspection['findings'][number]) => T) => findings.map(pick);
  return tx.query(
    `insert into inventory_findings (source_id, path, ordinal, type, start, "end", page, confidence, masked, value_hmac)
     select $1, * from unnest($2::text[], $3::int[], $4::text[], $5::int[], $6::int[], $7::int[], $8::real[],
       $9::text[], $10::text[])`,
    [
      scan.sourceId,
      column((f) => f.path),
      column((f) => f.ordinal),
      column((f) => f.type),
      column((f) => f.start),
      column((f) => f.end),
      column((f) => f.page ?? null),
      column((f) => f.confidence),
      column((f) => f.masked),
      column((f) => f.valueHmac),
    ],
  );
}

/**
 * Files of the source this scan neither read nor found unchanged are gone; returns how many went this time. The
 * scan's record of unchanged files is then emptied.
 */
export async function markGone(tx: Queryable, scan: ScanRef): Promise<number> {
  const [row] = await tx.query<{ gone: number }>(
    `with went as (
       update inventory_files f set gone = true
       where f.source_id = $1 and not f.gone and f.read_in_scan <> $2
         and not exists (select 1 from discovery_walked w where w.source_id = $1 and w.scan_id = $2 and w.path = f.path)
       returning 1)
     select count(*)::int as gone from went`,
    [scan.sourceId, scan.scanId],
  );
  await tx.query('delete from discovery_walked where source_id = $1 and scan_id = $2', [
    scan.sourceId,
    scan.scanId,
  ]);
  return row!.gone;
}

/**
 * Exact copies: among files present with the same digest (empty files aside), the first path is the original and
 * the others its copies.
 */
export async function markDuplicates(tx: Queryable, sourceId: number): Promise<void> {
  await tx.query(
    `with ranked as (
       select path, first_value(path) over (partition by sha256 order by path) as original
       from inventory_files
       where source_id = $1 and not gone and sha256 is not null and size > 0),
     wanted as (
       select f.path, nullif(r.original, f.path) as duplicate_of
       from inventory_files f left join ranked r on r.path = f.path
       where f.source_id = $1)
     update inventory_files f set duplicate_of = w.duplicate_of
     from wanted w
     where f.source_id = $1 and f.path = w.path and f.duplicate_of is distinct from w.duplicate_of`,
    [sourceId],
  );
}

/**
 * Pairs of distinct SimHashes among present files that are at most `threshold` bits apart. The 64 bits are cut into
 * threshold + 1 blocks: two hashes that close agree exactly on at least one block (pigeonhole), so only hashes that
 * share a block are compared.
 */
export function nearSimhashPairs(
  tx: Queryable,
  sourceId: number,
  threshold: number,
): Promise<{ a: string; b: string }[]> {
  if (threshold === 0) return Promise.resolve([]); // only equal hashes, which group without pairs
  const blocks = threshold + 1;
  const width = Math.floor(64 / blocks);
  // The hash as a 64-bit integer, each block shifted down and masked to a plain number, so the database can join
  // blocks by hashing (bit strings have no hash support, and a nested loop over them is quadratic).
  return tx.query<{ a: string; b: string }>(
    `with hashes as (
       select distinct simhash, ('x' || simhash)::bit(64)::bigint as v
       from inventory_files where source_id = $1 and not gone and simhash is not null),
     bands as (
       select simhash, v, block,
              (v >> (64 - (block + 1) * $3)) & ((1::bigint << $3) - 1) as band
       from hashes, generate_series(0, $2 - 2) as block
       union all
       select simhash, v, $2 - 1, v & ((1::bigint << (64 - ($2 - 1) * $3)) - 1) from hashes)
     select distinct x.simhash as a, y.simhash as b
     from bands x join bands y on x.block = y.block and x.band = y.band and x.simhash < y.simhash
     where bit_count((x.v # y.v)::bit(64)) <= $4`,
    [sourceId, blocks, width, threshold],
  );
}

/**
 * Numbers the near-copy groups: files whose SimHash is the same or joined by `roots` (each hash to the hash standing
 * for its group) form a group when there are two or more of them, numbered in the order of their first paths.
 */
export async function numberNearGroups(tx: Queryable, sourceId: number, roots: Map<string, string>) {
  await tx.query(
    `with joined(simhash, root) as (select * from unnest($2::text[], $3::text[])),
     keyed as (
       select f.path, coalesce(j.root, f.simhash) as k
       from inventory_files f left join joined j on j.simhash = f.simhash
       where f.source_id = $1 and not f.gone and f.simhash is not null),
     groups as (select k, row_number() over (order by min(path)) as n from keyed group by k having count(*) > 1),
     wanted as (
       select f.path, g.n
       from inventory_files f left join keyed using (path) left join groups g using (k)
       where f.source_id = $1)
     update inventory_files f set near_duplicate_group = w.n
     from wanted w
     where f.source_id = $1 and f.path = w.path and f.near_duplicate_group is distinct from w.n`,
    [sourceId, [...roots.keys()], [...roots.values()]],
  );
}

/**
 * The ROT reasons that depend on other files or on the date, refreshed on every present file: stale (not modified
 * since `staleBefore`), duplicate, and near-duplicate (in a group, not its first path, and not an exact copy). The
 * file's own reasons (empty, system, temporary…) stay first, in their order.
 */
export async function refreshRot(tx: Queryable, sourceId: number, staleBefore: Date): Promise<void> {
  // Three facts decide the three reasons; only rows where a fact and the stored reason disagree are rebuilt, so an
  // unchanged share costs one cheap test a row.
  await tx.query(
    `with firsts as (
       select near_duplicate_group as g, min(path) as first
       from inventory_files where source_id = $1 and not gone and near_duplicate_group is not null group by 1),
     facts as (
       select f.path, f.rot, f.mtime < $2 as stale, f.duplicate_of is not null as duplicate,
              f.duplicate_of is null and f.near_duplicate_group is not null and f.path <> firsts.first as near
       from inventory_files f left join firsts on firsts.g = f.near_duplicate_group
       where f.source_id = $1 and not f.gone),
     wanted as (
       select path,
         coalesce((select jsonb_agg(r.reason order by r.n) from jsonb_array_elements_text(rot) with ordinality as r(reason, n)
                   where r.reason not in ('stale', 'duplicate', 'near-duplicate')), '[]'::jsonb)
         || case when stale then '["stale"]'::jsonb else '[]'::jsonb end
         || case when duplicate then '["duplicate"]'::jsonb when near then '["near-duplicate"]'::jsonb
                 else '[]'::jsonb end as rot
       from facts
       where (rot ? 'stale') <> stale or (rot ? 'duplicate') <> duplicate or (rot ? 'near-duplicate') <> near)
     update inventory_files f set rot = w.rot
     from wanted w
     where f.source_id = $1 and f.path = w.path and f.rot <> w.rot`,
    [sourceId, staleBefore.toISOString()],
  );
}

/**
 * The end of a scan works on whole sources: its joins are by hashing or merging, never a nested loop, whatever the
 * statistics estimate (a source added since the last analysis is estimated at one row, and a nested loop over
 * fifty thousand is hours). For the rest of the transaction.
 */
export async function planForWholeSource(tx: Queryable): Promise<void> {
  await tx.query('set local enable_nestloop = off');
}

/**
 * Refreshes the planner's statistics on the inventory once a scan has read files into it, before the end of the scan
 * and the pages use them: the embedded database has no autovacuum to do it, and without them a new source would be
 * planned as an empty one.
 */
export async function analyseInventory(db: Database): Promise<void> {
  await db.exec('analyze inventory_files; analyze inventory_findings');
}

/** Present files that are copies and near copies, for the scan's summary. */
export async function countCopies(tx: Queryable, sourceId: number) {
  const [row] = await tx.query<{ duplicates: number; near: number }>(
    `select count(*) filter (where duplicate_of is not null)::int as duplicates,
            count(*) filter (where rot ? 'near-duplicate')::int as near
     from inventory_files where source_id = $1 and not gone`,
    [sourceId],
  );
  return { duplicates: row!.duplicates, nearDuplicates: row!.near };
}
