import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../test/support/databases.ts';
import { FixedClock } from '../platform/clock.ts';
import { systemActor } from '../platform/audit/service.ts';
import { runScan } from './scan.ts';
import { createInspector } from './inspect/pool.ts';
import { inspectFile, type InspectTask } from './inspect/inspect.ts';
import { inventoryFiles } from './inventory/schema.ts';
import { pdf } from './corpus/formats.ts';

const findingKey = Buffer.alloc(32, 9);
const settings = { findingKey, ocr: 'off' as const, maxExtractBytes: 64 * 1024 * 1024 };

describe('hostile files: each is recorded against its path and the scan goes on', () => {
  let database: TestDatabase;
  let root: string;
  const clock = new FixedClock(new Date('2026-11-25T12:00:00Z'));

  before(async () => {
    database = await createTestDatabase('pglite');
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'custodian-hostile-'));
  });
  after(async () => {
    await database.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const task = (file: string, overrides: Partial<{ size: number; mtimeMs: number }> = {}): InspectTask => {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    return {
      entry: {
        kind: 'file',
        path: file,
        size: overrides.size ?? stat?.size ?? 10,
        mtimeMs: overrides.mtimeMs ?? Math.round(stat?.mtimeMs ?? 0), // as the walk sees it
        inode: '1:1',
      },
      sourceId: 1,
      scanId: 1,
      nowMs: clock.now().getTime(),
    };
  };

  it('records a file that vanished after the walk, and one that changed while being read', async () => {
    const gone = await inspectFile(task(path.join(root, 'was-here.txt')), settings);
    assert.equal(gone.row.error, 'vanished during the scan');
    const file = path.join(root, 'growing.log');
    fs.writeFileSync(file, 'first line\n');
    const changed = await inspectFile(task(file, { size: 3 }), settings);
    assert.match(changed.row.error ?? '', /changed while being read; it will be read again/);
    assert.equal(changed.row.sha256, undefined, 'no digest is kept for bytes that were moving');
  });

  it('hashes a 2 GB file without reading it for text, and gives up on a file that takes too long', async () => {
    const big = path.join(root, 'big', 'disk-image.bin');
    fs.mkdirSync(path.dirname(big));
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 2 * 1024 ** 3 + 1); // sparse: 2 GB without the disk space
    const slow = path.join(root, 'slow', 'report.pdf');
    fs.mkdirSync(path.dirname(slow));
    fs.writeFileSync(slow, pdf(Array.from({ length: 200 }, (_, i) => `Page ${i + 1} NHS 943 476 5919`)));
    const inspector = createInspector({ ...settings, threads: 1, timeoutMs: 1 });
    try {
      const cut = await inspector.inspect(task(slow));
      assert.match(cut.row.error ?? '', /reading it took longer than 0\.001 s: hashed, not read for text/);
      assert.match(cut.row.sha256 ?? '', /^[0-9a-f]{64}$/, 'the evidence digest is still taken');
      assert.deepEqual(cut.findings, []);
      const after = await inspector.inspect(task(path.join(root, 'missing.txt')));
      assert.ok(after.row.error, 'the pool goes on after aborting a file');
    } finally {
      await inspector.close();
    }
    const huge = await inspectFile(task(big), settings);
    assert.match(huge.row.error ?? '', /larger than 64 MB: hashed, not read for text/);
    assert.match(huge.row.sha256 ?? '', /^[0-9a-f]{64}$/);
  });

  it('scans a tree with an undecodable file name and a password-protected PDF beside ordinary files', async () => {
    const share = path.join(root, 'share');
    fs.mkdirSync(share);
    fs.writeFileSync(path.join(share, 'ordinary.txt'), 'Contact jane.doe@example.com');
    // A name written by an old Windows-1252 system: "café.txt" with é as the single byte 0xE9, not valid UTF-8.
    fs.writeFileSync(
      Buffer.concat([Buffer.from(`${share}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]),
      'x',
    );
    fs.writeFileSync(path.join(share, 'locked.pdf'), protectedPdf());
    const summary = await runScan({ db: database.db, clock }, systemActor('Test'), {
      source: 'hostile',
      root: share,
      findingKey,
    });
    assert.equal(summary.files, 3);
    const rows = await database.db.orm.select().from(inventoryFiles).orderBy(asc(inventoryFiles.path));
    const byName = (end: string) => rows.find((r) => r.path.endsWith(end))!;
    assert.match(byName('caf\uFFFD.txt').error ?? '', /file name is not valid UTF-8/);
    assert.equal(byName('locked.pdf').error, 'password-protected PDF');
    assert.equal(byName('ordinary.txt').error, null);
    assert.deepEqual(byName('ordinary.txt').piiCounts, { EMAIL: 1 });
  });
});

/** A PDF whose trailer names standard encryption with a user password (the values are not the empty password's). */
function protectedPdf(): Buffer {
  const plain = pdf(['secret']).toString('latin1');
  const id = '0123456789abcdef0123456789abcdef';
  const encrypt = `/Encrypt << /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >> /ID [<${id}> <${id}>]`;
  return Buffer.from(plain.replace('/Root 1 0 R', `/Root 1 0 R ${encrypt}`), 'latin1');
}
