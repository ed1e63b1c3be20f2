import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../../test/support/app.ts';
import { DATABASE_KINDS } from '../../../test/support/databases.ts';
import { approvedDisposalList, recordClass } from '../../../test/support/factories.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { createLogger } from '../../platform/logger.ts';
import type { Caller } from '../../platform/web/request.ts';
import { discoverySources, inventoryFiles } from '../../discovery/inventory/schema.ts';
import { ListChangedError } from '../records/index.ts';
import { inventoryFileDisposals } from './schema.ts';
import { removeDestroyedFiles } from './record-source.ts';

const actor = systemActor('Test');
const DAY = 24 * 60 * 60 * 1000;
const OLD = new Date('2015-03-02T09:00:00Z');

/** A file on the test share, with the modification time given. */
function writeFile(root: string, relative: string, content: string, mtime: Date) {
  const full = path.join(root, relative);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, content);
  fs.utimesSync(full, mtime, mtime);
}

/** The inventory's row for a file as a scan writes it: its size, time and hash from the disk. */
async function inventoryRow(ctx: TestContext, sourceId: number, full: string) {
  const stat = fs.statSync(full);
  await ctx.database.db.orm.insert(inventoryFiles).values({
    sourceId,
    path: full,
    size: stat.size,
    mtime: new Date(Math.trunc(stat.mtimeMs)),
    inode: String(stat.ino),
    sha256: createHash('sha256').update(fs.readFileSync(full)).digest('hex'),
    readInScan: 1,
  });
}

for (const kind of DATABASE_KINDS) {
  describe(`files on a share as records (${kind})`, () => {
    let ctx: TestContext;
    let manager: Caller;
    let share: string;
    let dataDir: string;
    let sourceId: number;
    before(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodian-data-'));
      share = fs.mkdtempSync(path.join(os.tmpdir(), 'custodian-share-'));
      ctx = await createTestContext(kind, new Date('2026-11-25T10:00:00Z'), {
        dataDir,
        disposalQuarantineDays: 7,
      });
      const principal = (await ctx.services.signIn.principalFor(ctx.userIds.records_manager))!;
      manager = { principal, actor: { type: 'user', id: String(principal.id), label: principal.label } };
      for (const name of ['a.txt', 'b.txt', 'c.txt'])
        writeFile(share, `Planning/Decisions/${name}`, name, OLD);
      writeFile(share, 'Planning/Decisions/new.txt', 'recent', new Date('2026-10-01T09:00:00Z'));
      writeFile(share, 'Other/x.txt', 'unclassified', OLD);
      const [source] = await ctx.database.db.orm
        .insert(discoverySources)
        .values({ name: 'Planning share', rootPath: share })
        .returning({ id: discoverySources.id });
      sourceId = source!.id;
      for (const f of ['a', 'b', 'c', 'new'])
        await inventoryRow(ctx, sourceId, path.join(share, `Planning/Decisions/${f}.txt`));
      await inventoryRow(ctx, sourceId, path.join(share, 'Other/x.txt'));
      await ctx.services.retentionSchedule.save(
        actor,
        recordClass({
          code: 'PLN-03',
          function: 'Planning',
          activity: 'Decisions',
          description: 'Planning decision working papers',
          trigger: 'last-modified',
          retention: { years: 6, months: 0, days: 0 },
        }),
      );
    });
    after(async () => {
      await ctx.close();
      fs.rmSync(share, { recursive: true, force: true });
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    const listOf = async () => (await ctx.services.disposal.lists(manager.principal))[0]!.list;
    const entries = async (number: string) =>
      (await ctx.services.disposal.find(manager, number, { limit: 100, offset: 0 })).items;
    const onShare = (relative: string) => fs.existsSync(path.join(share, relative));

    it('schedules files under a folder rule from their last modification, and no others', async () => {
      await assert.rejects(
        ctx.services.retentionSchedule.addRule(actor, {
          source: 'files',
          scope: sourceId,
          selector: '../etc',
          classCode: 'PLN-03',
        }),
        /inside the source/,
      );
      await ctx.services.retentionSchedule.addRule(actor, {
        source: 'files',
        scope: sourceId,
        selector: '\\Planning\\Decisions',
        classCode: 'PLN-03',
      });
      const [files] = (await ctx.services.recordScheduler.run(actor)).filter((r) => r.source === 'files');
      assert.deepEqual(
        [files!.read, files!.scheduled, files!.unclassified],
        [5, 4, 1],
        'Other/x.txt is in no class',
      );
      const [a] = await ctx.database.db.query<{ trigger_on: string; until: string; scope: number }>(
        `select to_char(trigger_on, 'YYYY-MM-DD') as trigger_on, to_char(until, 'YYYY-MM-DD') as until, scope
           from record_items where key = $1`,
        ['Planning/Decisions/a.txt'],
      );
      assert.deepEqual([a!.trigger_on, a!.until, a!.scope], ['2015-03-02', '2021-03-02', sourceId]);
    });

    it('keeps what a hold on a folder covers off the lists', async () => {
      const hold = await ctx.services.legalHolds.place(actor, {
        name: 'Planning appeal',
        reason: 'An appeal against a decision',
        authority: '',
        requestedBy: '',
        reviewOn: null,
        // Named as people know it: the discovery source, and a folder inside it.
        scopes: [{ kind: 'source', source: 'Planning share', folder: 'planning' }],
      });
      assert.deepEqual(await ctx.services.disposal.propose(actor), [], 'the whole folder is held');
      await ctx.services.legalHolds.release(actor, hold, 'The appeal was dismissed');
      const [proposed] = await ctx.services.disposal.propose(actor);
      assert.equal(proposed!.records, 3, 'the three old files; new.txt is not due until 2032');
    });

    it('refuses approval when a file changed on the share after review', async () => {
      const list = await listOf();
      await ctx.services.disposal.disposeOfPending(manager, list.id);
      const reviewed = await ctx.services.disposal.submitReview(manager, list);
      writeFile(share, 'Planning/Decisions/c.txt', 'c.txt, edited since', OLD);
      await assert.rejects(ctx.services.disposal.approve(manager, reviewed), (error: unknown) => {
        assert.ok(error instanceof ListChangedError);
        assert.deepEqual(
          error.changes.map((c) => [c.title, c.change]),
          [['Planning/Decisions/c.txt', 'changed']],
        );
        return true;
      });
      const back = await ctx.services.disposal.returnToOwner(manager, reviewed, 'c.txt was edited');
      const c = (await entries(list.number)).find((e) => e.item.key.endsWith('c.txt'))!;
      await ctx.services.disposal.decide(manager, list.id, [c.item.id], {
        decision: 'keep',
        keepUntil: '2030-01-31',
        reason: 'Still being worked on',
      });
      const approved = await ctx.services.disposal.approve(
        manager,
        await ctx.services.disposal.submitReview(manager, back),
      );
      assert.equal(approved.status, 'cooling-off');
    });

    it('destroys the files after the cooling-off, skips one edited since, keeps stubs, and finishes a removal a failure left', async () => {
      ctx.clock.advance(8 * DAY);
      // b.txt is edited during the cooling-off: it is no longer the file that was reviewed, so it is left alone.
      writeFile(share, 'Planning/Decisions/b.txt', 'b.txt', new Date('2016-01-04T09:00:00Z'));
      // The quarantine folder cannot be made (a file is in its way): the disposal commits, the file waits.
      fs.writeFileSync(path.join(dataDir, 'quarantine'), '');
      const [done] = await ctx.services.disposal.carryOut(actor);
      assert.deepEqual([done!.disposed, done!.skipped], [1, 1]);
      assert.ok(onShare('Planning/Decisions/a.txt'), 'still on the share until it can be moved');
      assert.deepEqual(
        (await ctx.database.db.orm.select().from(inventoryFileDisposals)).map((q) => q.state),
        ['to-remove'],
      );

      fs.rmSync(path.join(dataDir, 'quarantine'));
      assert.deepEqual(await ctx.services.disposal.carryOut(actor), [], 'no list is due');
      assert.ok(!onShare('Planning/Decisions/a.txt'), 'moved once the quarantine could be made');
      assert.ok(onShare('Planning/Decisions/b.txt'), 'edited since review: never destroyed');
      assert.ok(onShare('Planning/Decisions/c.txt'), 'kept longer by its owner');
      const [moved] = await ctx.database.db.orm.select().from(inventoryFileDisposals);
      assert.equal(moved!.state, 'quarantined');
      const waiting = path.join(dataDir, 'quarantine', moved!.quarantinePath!);
      assert.equal(fs.readFileSync(waiting, 'utf8'), 'a.txt', 'the content waits, whole');
      assert.doesNotMatch(moved!.quarantinePath!, /\.txt|Planning/, 'the quarantine names say nothing');

      const stubs = await ctx.database.db.orm
        .select()
        .from(inventoryFiles)
        .where(eq(inventoryFiles.disposalCertificate, done!.certificate));
      assert.deepEqual(
        stubs.map((f) => f.path),
        [path.join(share, 'Planning/Decisions/a.txt')],
        'the inventory keeps the file as a stub under the certificate',
      );
      const [rescheduled] = (await ctx.services.recordScheduler.run(actor)).filter(
        (r) => r.source === 'files',
      );
      assert.equal(rescheduled!.read, 4, 'a destroyed file is no longer one of the share’s records');
      const disposed = await ctx.database.db.query(
        `select id from record_items where status = 'disposed'`,
        [],
      );
      assert.equal(disposed.length, 1, 'its schedule item remains, disposed of');

      ctx.clock.advance(8 * DAY);
      await ctx.services.disposal.carryOut(actor);
      assert.ok(!fs.existsSync(waiting), 'deleted for good when the quarantine is over');
      assert.deepEqual(
        (await ctx.database.db.orm.select().from(inventoryFileDisposals)).map((q) => q.state),
        ['purged'],
      );
    });

    it('transfers a class for the record office as a BagIt bag with its transfer list, leaving the file', async () => {
      writeFile(share, 'Archive/Minutes/council-1998.txt', 'Minutes of the council, 1998', OLD);
      await inventoryRow(ctx, sourceId, path.join(share, 'Archive/Minutes/council-1998.txt'));
      await ctx.services.retentionSchedule.save(
        actor,
        recordClass({
          code: 'DEM-01',
          function: 'Democracy',
          description: 'Council minutes',
          trigger: 'last-modified',
          retention: { years: 1, months: 0, days: 0 },
          action: 'transfer',
        }),
      );
      await ctx.services.retentionSchedule.addRule(actor, {
        source: 'files',
        scope: sourceId,
        selector: 'Archive/Minutes',
        classCode: 'DEM-01',
      });
      const list = await approvedDisposalList(ctx, manager, 'DEM-01');
      ctx.clock.advance(8 * DAY);
      const done = (await ctx.services.disposal.carryOut(actor)).find((d) => d.number === list.number)!;
      const [entry] = await entries(list.number);
      const bag = path.join(dataDir, 'transfers', done.certificate, `item-${entry!.item.id}`);
      const content = fs.readFileSync(path.join(bag, 'data/Archive/Minutes/council-1998.txt'));
      assert.equal(content.toString(), 'Minutes of the council, 1998');
      assert.equal(
        fs.readFileSync(path.join(bag, 'manifest-sha256.txt'), 'utf8'),
        `${createHash('sha256').update(content).digest('hex')}  data/Archive/Minutes/council-1998.txt\n`,
      );
      assert.match(fs.readFileSync(path.join(bag, 'bag-info.txt'), 'utf8'), /Payload-Oxum: 28\.1/);
      const transferList = fs.readFileSync(
        path.join(dataDir, 'transfers', done.certificate, 'transfer-list.csv'),
        'utf8',
      );
      assert.match(
        transferList,
        new RegExp(`item-${entry!.item.id},Archive/Minutes/council-1998.txt,DEM-01,2015-03-02,2016-03-02,1`),
      );
      assert.equal(entry!.item.status, 'transferred');
      assert.ok(
        onShare('Archive/Minutes/council-1998.txt'),
        'a transfer copies; the share is the owner’s to clear',
      );
    });

    it('deletes at once from a source set so, and notes a file already gone', async () => {
      await ctx.services.inventory.setDisposal(actor, sourceId, 'delete');
      writeFile(share, 'Other/y.txt', 'y', OLD);
      await ctx.database.db.orm.insert(inventoryFileDisposals).values([
        {
          sourceId,
          path: path.join(share, 'Other/y.txt'),
          certificate: 'DC-2026-9999',
          purgeOn: '2026-12-30',
        },
        {
          sourceId,
          path: path.join(share, 'Other/z.txt'),
          certificate: 'DC-2026-9999',
          purgeOn: '2026-12-30',
        },
      ]);
      const tally = await removeDestroyedFiles(ctx.database.db.orm, {
        clock: ctx.clock,
        logger: createLogger('silent'),
        quarantineDir: path.join(dataDir, 'quarantine'),
        quarantineDays: 7,
      });
      assert.deepEqual(tally, { quarantined: 0, deleted: 2, failed: 0 });
      assert.ok(!onShare('Other/y.txt'));
      const states = await ctx.database.db.orm
        .select({ state: inventoryFileDisposals.state })
        .from(inventoryFileDisposals)
        .where(eq(inventoryFileDisposals.certificate, 'DC-2026-9999'));
      assert.deepEqual(states.map((s) => s.state).sort(), ['missing', 'purged']);
    });
  });
}
