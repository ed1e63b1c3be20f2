import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { asc, eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../../test/support/app.ts';
import { DATABASE_KINDS } from '../../../test/support/databases.ts';
import { caseInStatus, recordClass } from '../../../test/support/factories.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { ValidationError } from '../../platform/errors.ts';
import { recordItems } from './schema.ts';

const actor = systemActor('Test');

const requestFiles = recordClass({
  activity: 'Information requests',
  trigger: 'closure',
  retention: { years: 3, months: 0, days: 0 },
});

for (const kind of DATABASE_KINDS) {
  describe(`the schedule run, with closed requests (${kind})`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await createTestContext(kind);
    });
    after(() => ctx.close());

    const items = () =>
      ctx.database.db.orm
        .select()
        .from(recordItems)
        .where(eq(recordItems.source, 'requests'))
        .orderBy(asc(recordItems.id));

    it('schedules each closed case of a classified type from its closure, and only those', async () => {
      const ig01 = await ctx.services.retentionSchedule.save(actor, requestFiles);
      await ctx.services.retentionSchedule.addRule(actor, {
        source: 'requests',
        scope: 0,
        selector: 'foi',
        classCode: 'IG-01',
      });
      const closed = await caseInStatus(ctx, 'closed');
      const open = await caseInStatus(ctx, 'drafting');
      const press = await caseInStatus(ctx, 'closed', { type: 'press' });
      const [result] = await ctx.services.recordScheduler.run(actor);
      assert.deepEqual(result, {
        source: 'requests',
        read: 2,
        scheduled: 1,
        unclassified: 1,
        waiting: 0,
        removed: 0,
      });
      const [item] = await items();
      assert.deepEqual(
        [item!.key, item!.title, item!.classId, item!.triggerOn, item!.until, item!.status],
        [String(closed.id), closed.reference, ig01.id, '2026-11-25', '2029-11-25', 'scheduled'],
      );
      assert.ok(open.id && press.id);
      const events = await ctx.services.audit.search(
        { action: 'records.scheduled' },
        { limit: 1, offset: 0 },
      );
      assert.equal(events.total, 1);
    });

    it('runs again without rewriting what has not changed, and takes off what lost its class', async () => {
      const before = await items();
      await ctx.services.recordScheduler.run(actor);
      assert.deepEqual(await items(), before, 'nothing changed, nothing rewritten');
      const eir = await caseInStatus(ctx, 'closed', { type: 'eir' });
      await ctx.services.retentionSchedule.addRule(actor, {
        source: 'requests',
        scope: 0,
        selector: 'eir',
        classCode: 'IG-01',
      });
      const [added] = await ctx.services.recordScheduler.run(actor);
      assert.equal(added!.scheduled, 2);
      const rule = (await ctx.services.retentionSchedule.rules()).find((r) => r.selector === 'eir')!;
      await ctx.services.retentionSchedule.removeRule(actor, rule.id);
      const [removed] = await ctx.services.recordScheduler.run(actor);
      assert.equal(removed!.removed, 1);
      assert.ok(!(await items()).some((i) => i.key === String(eir.id)));
    });

    it('refuses a rule or a change that would leave records with no date to run from', async () => {
      await ctx.services.retentionSchedule.save(actor, {
        ...requestFiles,
        code: 'HR-03',
        trigger: 'last-modified',
        description: 'Salary records',
      });
      await assert.rejects(
        ctx.services.retentionSchedule.addRule(actor, {
          source: 'requests',
          scope: 0,
          selector: 'sar',
          classCode: 'HR-03',
        }),
        (error: unknown) =>
          error instanceof ValidationError &&
          /HR-03 runs from last modified, which closed requests do not record: choose a class that runs from receipt or closure/.test(
            error.message,
          ),
      );
      const ig01 = await ctx.services.retentionSchedule.find('IG-01');
      await assert.rejects(
        ctx.services.retentionSchedule.save(
          actor,
          { ...requestFiles, trigger: 'date-of-birth', changeReason: 'Try' },
          { id: ig01.id, version: ig01.version },
        ),
        /IG-01's records include closed requests, which do not record date of birth: choose receipt or closure/,
      );
      await assert.rejects(
        ctx.services.retentionSchedule.addRule(actor, {
          source: 'requests',
          scope: 0,
          selector: 'gossip',
          classCode: 'IG-01',
        }),
        /Choose which records/,
      );
    });

    it('moves records to the new trigger’s dates at the next run when a class’s rule changes its trigger', async () => {
      const ig01 = await ctx.services.retentionSchedule.find('IG-01');
      await ctx.services.retentionSchedule.save(
        actor,
        { ...requestFiles, trigger: 'receipt', changeReason: 'Kept from receipt now' },
        { id: ig01.id, version: ig01.version },
      );
      const [before] = await items();
      assert.equal(
        before!.classVersion,
        1,
        'left for the scheduler: its dates for receipt are in the source',
      );
      await ctx.services.recordScheduler.run(actor);
      const [after] = await items();
      assert.equal(after!.classVersion, 2);
      assert.equal(after!.triggerOn, '2026-11-20', 'the date the test case was received');
      assert.equal(after!.until, '2029-11-20');
    });
  });
}
