import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../test/support/app.ts';
import { DATABASE_KINDS } from '../../../test/support/databases.ts';
import { caseInStatus, recordClass } from '../../../test/support/factories.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { HoldInput } from './commands/holds/holds.ts';

const actor = systemActor('Test');

const requestFiles = recordClass();

const hold = (overrides: Partial<HoldInput>): HoldInput => ({
  name: 'A hold',
  reason: 'An inquiry',
  authority: '',
  requestedBy: '',
  reviewOn: null,
  scopes: [],
  ...overrides,
});

for (const kind of DATABASE_KINDS) {
  describe(`legal holds and the records due (${kind})`, () => {
    let ctx: TestContext;
    const due = async () => {
      const { rows } = await ctx.services.dueRecords.page('2026-12-31', { limit: 100, offset: 0 });
      return new Map(rows.map((r) => [r.title, r.holds]));
    };
    let gritting: { reference: string };
    let potholes: { reference: string };
    let allocated: { reference: string };
    before(async () => {
      ctx = await createTestContext(kind);
      await ctx.services.retentionSchedule.save(actor, requestFiles);
      await ctx.services.retentionSchedule.addRule(actor, {
        source: 'requests',
        scope: 0,
        selector: 'foi',
        classCode: 'IG-01',
      });
      gritting = await caseInStatus(ctx, 'closed', {
        subject: 'Road gritting routes',
        description: 'Which roads are gritted?',
      });
      potholes = await caseInStatus(ctx, 'closed', {
        subject: 'Potholes',
        description: 'Claims for pothole damage on Elm Row',
      });
      allocated = await caseInStatus(ctx, 'closed', { subject: 'Bins', description: 'Missed bins' });
      await ctx.services.recordScheduler.run(actor);
    });
    after(() => ctx.close());

    it('lists what is due by a day, none of it held before a hold is placed', async () => {
      const list = await due();
      assert.deepEqual(
        [...list.keys()].sort(),
        [gritting.reference, potholes.reference, allocated.reference].sort(),
      );
      assert.ok([...list.values()].every((holds) => holds.length === 0));
      const kept = await ctx.services.dueRecords.page('2026-11-21', { limit: 10, offset: 0 });
      assert.equal(kept.total, 0, 'received 20 November and kept a day: kept until the 21st');
      const gone = await ctx.services.dueRecords.page('2026-11-22', { limit: 10, offset: 0 });
      assert.equal(gone.total, 3, 'due from the 22nd');
    });

    it('refuses a hold that covers nothing, or names what does not exist', async () => {
      await assert.rejects(ctx.services.legalHolds.place(actor, hold({})), ValidationError);
      await assert.rejects(
        ctx.services.legalHolds.place(actor, hold({ scopes: [{ kind: 'class', classCode: 'NOPE-1' }] })),
        /no class NOPE-1/,
      );
      await assert.rejects(
        ctx.services.legalHolds.place(actor, hold({ scopes: [{ kind: 'search', term: 'ab' }] })),
        /3 characters or more/,
      );
      await assert.rejects(
        ctx.services.legalHolds.place(actor, hold({ scopes: [{ kind: 'source', source: 'nowhere' }] })),
        /no source called nowhere/,
      );
      for (const itemId of [99_999_999_999_999, 1.5, -1])
        await assert.rejects(
          ctx.services.legalHolds.place(actor, hold({ scopes: [{ kind: 'item', itemId }] })),
          /There is no record .* on the schedule/,
          `record ${itemId}`,
        );
      assert.deepEqual(await ctx.services.legalHolds.list(), []);
    });

    it('holds records by a search of what they are about, without writing the term to the audit trail', async () => {
      await ctx.services.legalHolds.place(
        actor,
        hold({ name: 'Highways claim', scopes: [{ kind: 'search', term: 'elm row' }] }),
      );
      const list = await due();
      assert.deepEqual(
        list.get(potholes.reference),
        ['Highways claim'],
        'found in the request, not the title',
      );
      assert.deepEqual(list.get(gritting.reference), []);
      const events = await ctx.services.audit.search(
        { action: 'legal-hold.placed' },
        { limit: 5, offset: 0 },
      );
      assert.doesNotMatch(JSON.stringify(events.rows), /elm row/i);
    });

    it('holds by class, directorate and item, and lets go only when released with a reason', async () => {
      await ctx.services.legalHolds.place(
        actor,
        hold({ name: 'Audit of request handling', scopes: [{ kind: 'class', classCode: 'IG-01' }] }),
      );
      let list = await due();
      assert.ok([...list.values()].every((holds) => holds.includes('Audit of request handling')));
      const audit = await ctx.services.legalHolds.find({ name: 'Audit of request handling' });
      await assert.rejects(ctx.services.legalHolds.release(actor, audit, '  '), /Say why/);
      await ctx.services.legalHolds.release(actor, audit, 'The audit has reported');
      await assert.rejects(ctx.services.legalHolds.release(actor, audit, 'again'), /already been released/);
      list = await due();
      assert.ok(![...list.values()].some((holds) => holds.includes('Audit of request handling')));

      const { rows } = await ctx.services.dueRecords.page('2026-12-31', { limit: 100, offset: 0 });
      const bins = rows.find((r) => r.title === allocated.reference)!;
      await ctx.services.legalHolds.place(
        actor,
        hold({ name: 'One case', scopes: [{ kind: 'item', itemId: bins.id }] }),
      );
      await ctx.services.legalHolds.place(
        actor,
        hold({ name: 'Resources directorate', scopes: [{ kind: 'directorate', directorate: 'Resources' }] }),
      );
      list = await due();
      assert.deepEqual(list.get(allocated.reference)!.sort(), ['One case', 'Resources directorate']);
      assert.deepEqual(
        list.get(gritting.reference),
        ['Resources directorate'],
        'allocated to Resources by the factory',
      );
      await ctx.services.legalHolds.place(
        actor,
        hold({ name: 'All requests', scopes: [{ kind: 'source', source: 'requests' }] }),
      );
      list = await due();
      assert.ok([...list.values()].every((holds) => holds.includes('All requests')));
      assert.equal((await ctx.services.legalHolds.list({ standing: true })).length, 4);
    });
  });
}
