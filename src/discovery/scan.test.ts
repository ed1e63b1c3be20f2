import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHmac } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../../test/support/databases.ts';
import { writeTree } from '../../test/support/tree.ts';
import { FixedClock } from '../platform/clock.ts';
import { systemActor } from '../platform/audit/service.ts';
import { AuditService } from '../platform/audit/service.ts';
import { runScan } from './scan.ts';
import { inventoryFiles, inventoryFindings } from './inventory/schema.ts';

const key = Buffer.alloc(32, 7);

for (const kind of DATABASE_KINDS) {
  describe(`scanning into the inventory on ${kind}`, () => {
    let database: TestDatabase;
    let root: string;
    let planted: ReturnType<typeof writeTree>;
    const clock = new FixedClock(new Date('2026-11-25T12:00:00Z'));
    const scan = () =>
      runScan({ db: database.db, clock }, systemActor('Test'), {
        source: 'share',
        root,
        findingKey: key,
        batchSize: 7,
      });
    const files = () => database.db.orm.select().from(inventoryFiles).orderBy(asc(inventoryFiles.path));

    before(async () => {
      database = await createTestDatabase(kind);
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'custodian-scan-'));
      planted = writeTree(root, 42);
    });
    after(async () => {
      await database.close();
      fs.rmSync(root, { recursive: true, force: true });
    });

    it('records every file with its digest, type, personal data counts and ROT reasons', async () => {
      const summary = await scan();
      assert.equal(summary.files, planted.files);
      assert.equal(summary.processed, planted.files);
      assert.equal(summary.errors, 0);
      const rows = await files();
      assert.equal(rows.length, planted.files);
      assert.ok(rows.every((r) => /^[0-9a-f]{64}$/.test(r.sha256 ?? '')));
      const nhsFiles = rows.filter((r) => (r.piiCounts as Record<string, number>).NHS_NUMBER);
      assert.equal(nhsFiles.length, planted.nhs);
      const byName = (name: string) => rows.find((r) => r.path.endsWith(name))!;
      assert.deepEqual(byName('empty.txt').rot, ['empty']);
      assert.deepEqual(byName('Thumbs.db').rot, ['system-file']);
      assert.deepEqual(byName('archive-2015.txt').rot, ['stale']);
      assert.deepEqual(byName('copy-of-first.txt').rot, ['duplicate']);
      assert.match(byName('copy-of-first.txt').duplicateOf!, /file-000\.txt$/);
      assert.ok(byName('minutes.txt').nearDuplicateGroup);
      assert.equal(byName('minutes.txt').nearDuplicateGroup, byName('minutes-final.txt').nearDuplicateGroup);
      assert.equal(summary.duplicates, 1);
    });

    it('keeps no raw identifier, only masked previews and keyed hashes that find a person', async () => {
      const findings = await database.db.orm.select().from(inventoryFindings);
      assert.ok(findings.length > 0);
      const dump =
        JSON.stringify(await database.db.query('select * from inventory_findings')) +
        JSON.stringify(await files());
      assert.doesNotMatch(dump, /\b\d{3} \d{3} \d{4}\b/, 'no NHS number in the database');
      const first = fs.readFileSync(
        (await files()).find((r) => r.path.endsWith('file-000.txt'))!.path,
        'utf8',
      );
      const nhs = /\d{3} \d{3} \d{4}/.exec(first)?.[0];
      assert.ok(nhs, 'seed 42 plants an NHS number in the first file');
      {
        const hmac = createHmac('sha256', key)
          .update(`NHS_NUMBER:${nhs.replace(/\s/g, '')}`)
          .digest('hex');
        const where = await database.db.orm
          .select({ path: inventoryFindings.path })
          .from(inventoryFindings)
          .where(eq(inventoryFindings.valueHmac, hmac));
        assert.deepEqual(
          where.map((w) => path.basename(w.path)).sort(),
          ['copy-of-first.txt', 'file-000.txt'],
          'a SAR can find every file holding the subject’s number',
        );
      }
    });

    it('rescans incrementally: unchanged files skipped, changes read, deletions marked gone', async () => {
      const target = (await files()).find((r) => r.path.endsWith('minutes-final.txt'))!.path;
      fs.writeFileSync(
        target,
        'Completely rewritten minutes about a different matter: licensing of street traders in the market square.',
      );
      fs.rmSync((await files()).find((r) => r.path.endsWith('empty.txt'))!.path);
      const summary = await scan();
      assert.equal(summary.processed, 1);
      assert.equal(summary.gone, 1);
      const rows = await files();
      assert.equal(rows.find((r) => r.path.endsWith('empty.txt'))!.gone, true);
      assert.equal(
        rows.find((r) => r.path.endsWith('minutes.txt'))!.nearDuplicateGroup,
        null,
        'no near copy any more',
      );
      const verify = await new AuditService(database.db, clock).verify();
      assert.equal(verify.ok, true);
    });

    it('a file moved away and back as it was is gone, then present again without being read', async () => {
      const target = (await files()).find((r) => r.path.endsWith('archive-2015.txt'))!.path;
      const aside = path.join(path.dirname(root), `${path.basename(root)}-aside.txt`);
      fs.renameSync(target, aside); // a rename keeps the inode and the modification time
      assert.equal((await scan()).gone, 1);
      fs.renameSync(aside, target);
      const summary = await scan();
      assert.equal(summary.processed, 0, 'unchanged: not read again');
      assert.equal(summary.gone, 0);
      const row = (await files()).find((r) => r.path === target)!;
      assert.equal(row.gone, false);
      assert.deepEqual(row.rot, ['stale']);
    });
  });
}
