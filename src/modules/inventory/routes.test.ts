import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { createTestContext, emailFor, signedInAgent, type TestContext } from '../../../test/support/app.ts';
import { DATABASE_KINDS } from '../../../test/support/databases.ts';
import { writeTree } from '../../../test/support/tree.ts';
import { runScan } from '../../discovery/scan.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { ValidationError } from '../../platform/errors.ts';
import { zipOf } from '../../discovery/corpus/formats.ts';

for (const kind of DATABASE_KINDS) {
  describe(`discovery pages on ${kind}`, () => {
    let ctx: TestContext;
    let root: string;
    let sourceId: number;
    before(async () => {
      ctx = await createTestContext(kind);
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'custodian-discovery-pages-'));
      writeTree(root, 3, 30);
      await runScan(ctx.services, systemActor('Test'), {
        source: 'Corporate share',
        root,
        findingKey: Buffer.alloc(32, 1),
      });
      sourceId = (await ctx.services.inventory.sources())[0]!.id;
    });
    after(async () => {
      await ctx.close();
      fs.rmSync(root, { recursive: true, force: true });
    });

    it('shows sources, a summary by folder with personal data and ROT, and drills into folders', async () => {
      const rm = await signedInAgent(ctx, emailFor('records_manager'));
      const index = await rm.get('/discovery');
      assert.match(index.text, /Corporate share/);
      const summary = await rm.get(`/discovery/sources/${sourceId}`);
      assert.match(summary.text, /NHS_NUMBER/);
      assert.match(summary.text, /Duplicate/);
      assert.match(summary.text, /Adults/);
      const folder = await rm.get(`/discovery/sources/${sourceId}?folder=Adults`);
      assert.match(folder.text, /Case notes/);
      const csv = parse((await rm.get(`/discovery/sources/${sourceId}/summary.csv`)).text, {
        columns: true,
      }) as Record<string, string>[];
      assert.deepEqual(csv.map((r) => r.folder).sort(), ['Adults', 'Children', 'Place', 'Resources']);
      const traversal = await rm.get(`/discovery/sources/${sourceId}?folder=../../etc`);
      assert.equal(traversal.status, 200, 'a folder outside the source is ignored, not followed');
      assert.equal((await rm.get('/discovery/sources/999')).status, 404);
    });

    it('lists files by personal data type and shows one file’s masked findings, auditing the view', async () => {
      const rm = await signedInAgent(ctx, emailFor('records_manager'));
      const list = await rm.get(`/discovery/sources/${sourceId}/files?pii=NHS_NUMBER`);
      const link = /href="(\/discovery\/sources\/\d+\/file\?path=[^"]+)"/
        .exec(list.text)![1]!
        .replace(/&amp;/g, '&');
      const file = await rm.get(link);
      assert.match(file.text, /NHS ••• ••• \d{4}/);
      assert.doesNotMatch(file.text, /\b\d{3} \d{3} \d{4}\b/, 'the value itself is never shown');
      const events = await ctx.services.audit.search(
        { action: 'discovery.findings-viewed' },
        { limit: 5, offset: 0 },
      );
      assert.equal(events.total, 1);
      assert.doesNotMatch(
        JSON.stringify(events.rows),
        /Case notes|file-0/,
        'the audit event does not carry the file name',
      );
      assert.equal((await rm.get(`/discovery/sources/${sourceId}/file?path=/etc/passwd`)).status, 404);
      assert.equal((await (await signedInAgent(ctx, emailFor('staff'))).get('/discovery')).status, 403);
    });

    it('says why a file was read only in part, and lists exactly the files its count says were not read', async () => {
      const share = fs.mkdtempSync(path.join(os.tmpdir(), 'custodian-unread-'));
      try {
        let deep = await zipOf({ 'note.txt': 'Patient NHS number 943 476 5919' });
        for (let i = 0; i < 4; i++) deep = await zipOf({ [`level${i}.zip`]: deep });
        fs.writeFileSync(path.join(share, 'deep.zip'), deep);
        fs.writeFileSync(path.join(share, 'fine.txt'), 'Nothing personal here.');
        fs.writeFileSync(path.join(share, 'copy.txt'), 'Nothing personal here.');
        await runScan(ctx.services, systemActor('Test'), {
          source: 'Archive share',
          root: share,
          findingKey: Buffer.alloc(32, 1),
        });
        const id = (await ctx.services.inventory.sources()).find((s) => s.name === 'Archive share')!.id;
        const [row] = await ctx.database.db.query<{ error: string | null }>(
          `select error from inventory_files where source_id = $1 and path like '%deep.zip'`,
          [id],
        );
        assert.match(
          row!.error ?? '',
          /^read in part: level3\.zip\/level2\.zip\/level1\.zip: nested more than 3 deep$/,
        );
        const rm = await signedInAgent(ctx, emailFor('records_manager'));
        const summary = await rm.get(`/discovery/sources/${id}`);
        assert.match(summary.text, /href="\/discovery\/sources\/\d+\/files\?unread=yes">1 file<\/a>/);
        assert.match(summary.text, /1 file taking 22 bytes/, 'one copy, its size in bytes rather than 0 MB');
        const unread = await rm.get(`/discovery/sources/${id}/files?unread=yes`);
        assert.match(unread.text, /<p class="govuk-body">1 file<\/p>/);
        assert.match(unread.text, /deep\.zip/);
        assert.match(unread.text, /nested more than 3 deep/);
        assert.doesNotMatch(unread.text, /fine\.txt/);
      } finally {
        fs.rmSync(share, { recursive: true, force: true });
      }
    });

    it('refuses a source that overlaps another, which would count its files twice', async () => {
      const inner = path.join(root, 'Adults');
      for (const [source, folder] of [
        ['Adults again', inner],
        ['Everything', path.dirname(root)],
        ['Same folder', root],
      ] as const)
        await assert.rejects(
          runScan(ctx.services, systemActor('Test'), {
            source,
            root: folder,
            findingKey: Buffer.alloc(32, 1),
          }),
          (e: Error) =>
            e instanceof ValidationError &&
            /overlaps the source "Corporate share"|already scanned as the source "Corporate share"/.test(
              e.message,
            ),
          source,
        );
      assert.equal(
        (await ctx.services.inventory.sources()).filter((s) => s.name !== 'Archive share').length,
        1,
      );
    });
  });
}
