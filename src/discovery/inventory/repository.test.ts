import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../../../test/support/databases.ts';
import { SeededRandom } from '../../domain/shared/random.ts';
import { linkedGroups } from '../../domain/discovery/simhash.ts';
import {
  markUnchanged,
  nearSimhashPairs,
  numberNearGroups,
  recordInspections,
  refreshRot,
} from './repository.ts';

/** 64-bit hashes as 16 hex digits, with helpers to flip bits and count differing ones. */
const hex = (n: bigint) => n.toString(16).padStart(16, '0');
const distance = (a: string, b: string) =>
  [...(BigInt(`0x${a}`) ^ BigInt(`0x${b}`)).toString(2)].filter((c) => c === '1').length;

function clusteredHashes(random: SeededRandom, count: number): string[] {
  const hashes: string[] = [];
  while (hashes.length < count) {
    let base = 0n;
    for (let i = 0; i < 4; i++) base = (base << 16n) | BigInt(random.int(0, 0xffff));
    hashes.push(hex(base));
    // A few relatives of each, 1 to 6 bits away, so some pairs sit just inside and just outside any threshold.
    for (let r = random.int(0, 3); r > 0; r--) {
      let relative = base;
      for (let f = random.int(1, 6); f > 0; f--) relative ^= 1n << BigInt(random.int(0, 63));
      hashes.push(hex(relative));
    }
  }
  return hashes.slice(0, count);
}

for (const kind of DATABASE_KINDS) {
  describe(`the inventory's SQL on ${kind}`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await createTestDatabase(kind);
      await database.db.exec(
        `insert into discovery_sources (id, name, root_path) values (1, 's', '/s'), (2, 't', '/t')`,
      );
      await database.db.exec(
        `insert into discovery_scans (id, source_id, status, started_at) values (1, 1, 'running', now()), (2, 2, 'running', now())`,
      );
    });
    after(() => database.close());

    const addFiles = (sourceId: number, rows: { path: string; simhash?: string; mtime?: string }[]) =>
      database.db.query(
        `insert into inventory_files (source_id, path, size, mtime, inode, sha256, simhash, read_in_scan)
         select $1, p, 10, coalesce(m, '2026-01-01')::timestamptz, 'i', 'digest-' || p, h, $1
         from unnest($2::text[], $3::text[], $4::text[]) as t(p, h, m)`,
        [
          sourceId,
          rows.map((r) => r.path),
          rows.map((r) => r.simhash ?? null),
          rows.map((r) => r.mtime ?? null),
        ],
      );

    it('finds exactly the pairs of near hashes a comparison of every pair finds, at several thresholds', async () => {
      const hashes = [...new Set(clusteredHashes(new SeededRandom(9), 400))];
      await addFiles(
        1,
        hashes.map((h, i) => ({ path: `/s/f${i}`, simhash: h })),
      );
      for (const threshold of [0, 1, 3, 5, 8]) {
        const expected: string[] = [];
        for (let i = 0; i < hashes.length; i++)
          for (let j = 0; j < hashes.length; j++)
            if (hashes[i]! < hashes[j]! && distance(hashes[i]!, hashes[j]!) <= threshold)
              expected.push(`${hashes[i]} ${hashes[j]}`);
        const found = await database.db.transaction((tx) => nearSimhashPairs(tx, 1, threshold));
        assert.deepEqual(found.map((p) => `${p.a} ${p.b}`).sort(), expected.sort(), `threshold ${threshold}`);
        if (threshold === 3) assert.ok(expected.length > 20, 'the clusters give pairs to find');
      }
    });

    it('numbers near-copy groups by their first path, equal hashes grouping without a pair', async () => {
      await addFiles(2, [
        { path: '/t/b', simhash: '00000000000000ff' },
        { path: '/t/a', simhash: '00000000000000fe' }, // one bit from /t/b
        { path: '/t/c', simhash: 'ffff000000000000' },
        { path: '/t/d', simhash: 'ffff000000000000' }, // equal to /t/c
        { path: '/t/e', simhash: '123456789abcdef0' }, // alone
        { path: '/t/f' }, // no text
      ]);
      await database.db.transaction(async (tx) => {
        const pairs = await nearSimhashPairs(tx, 2, 3);
        await numberNearGroups(tx, 2, linkedGroups(pairs.map((p) => [p.a, p.b])));
      });
      const rows = await database.db.query<{ path: string; g: number | null }>(
        'select path, near_duplicate_group as g from inventory_files where source_id = 2 order by path',
      );
      assert.deepEqual(
        rows.map((r) => [r.path, r.g]),
        [
          ['/t/a', 1],
          ['/t/b', 1],
          ['/t/c', 2],
          ['/t/d', 2],
          ['/t/e', null],
          ['/t/f', null],
        ],
      );
    });

    it('marks stale by the date of the scan, and the later files of a group as near copies', async () => {
      await database.db.exec(
        `update inventory_files set mtime = '2019-06-01', rot = '["empty"]' where source_id = 2 and path = '/t/e'`,
      );
      await database.db.transaction((tx) => refreshRot(tx, 2, new Date('2020-01-01')));
      const rot = async () =>
        Object.fromEntries(
          (
            await database.db.query<{ path: string; rot: string[] }>(
              'select path, rot from inventory_files where source_id = 2',
            )
          ).map((r) => [r.path, r.rot]),
        );
      assert.deepEqual(await rot(), {
        '/t/a': [],
        '/t/b': ['near-duplicate'],
        '/t/c': [],
        '/t/d': ['near-duplicate'],
        '/t/e': ['empty', 'stale'],
        '/t/f': [],
      });
      await database.db.transaction((tx) => refreshRot(tx, 2, new Date('2019-01-01')));
      assert.deepEqual((await rot())['/t/e'], ['empty'], 'not stale by an earlier date');
    });

    it('records and recognises files whose names need quoting in an array', async () => {
      const odd = [
        '/s/a,b',
        '/s/{braces}',
        '/s/"quoted"',
        '/s/back\\slash',
        '/s/NULL',
        '/s/ünïcödé £',
        '/s/ space ',
      ];
      const at = new Date('2026-02-03T04:05:06.789Z');
      await recordInspections(
        database.db,
        { sourceId: 1, scanId: 1 },
        odd.map((p) => ({
          row: {
            sourceId: 1,
            path: p,
            size: 3,
            mtime: at,
            inode: '1:2',
            sha256: 'x',
            readInScan: 1,
            rot: [],
            piiCounts: { EMAIL: 1 },
          },
          findings: [
            {
              sourceId: 1,
              path: p,
              ordinal: 0,
              type: 'EMAIL',
              start: 0,
              end: 3,
              confidence: 0.9,
              masked: 'a•••@b',
              valueHmac: 'h',
            },
          ],
        })),
      );
      const stored = await database.db.query<{ path: string }>(
        'select path from inventory_findings where source_id = 1 and path = any($1::text[]) order by path',
        [odd],
      );
      assert.deepEqual(stored.map((r) => r.path).sort(), [...odd].sort());
      const walked = odd.map((p) => ({
        kind: 'file' as const,
        path: p,
        size: 3,
        mtimeMs: at.getTime(),
        inode: '1:2',
      }));
      const toRead = await markUnchanged(database.db, { sourceId: 1, scanId: 5 }, [
        ...walked.map((w, i) => (i === 1 ? { ...w, size: 4 } : w)), // the second has grown
        { ...walked[0]!, path: '/s/new' },
      ]);
      assert.deepEqual(
        toRead.map((f) => f.path),
        [odd[1], '/s/new'],
      );
      const seen = await database.db.query<{ path: string }>(
        'select path from discovery_walked where source_id = 1 and scan_id = 5',
      );
      assert.deepEqual(seen.map((r) => r.path).sort(), odd.filter((p) => p !== odd[1]).sort());
    });
  });
}
