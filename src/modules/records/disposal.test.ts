import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../../test/support/app.ts';
import { DATABASE_KINDS } from '../../../test/support/databases.ts';
import {
  caseInStatus,
  dpoCaller,
  recordClass,
  approvedDisposalList,
} from '../../../test/support/factories.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/errors.ts';
import type { Caller } from '../../platform/web/request.ts';
import { ListChangedError } from './commands/disposal/approval.ts';
import { recordItems } from './schema.ts';

const actor = systemActor('Test');
const DAY = 24 * 60 * 60 * 1000;

const requestFiles = recordClass({
  activity: 'Information requests',
  authority: 'Local decision',
  authorityUrl: 'https://www.example.gov.uk/retention',
});

async function callerAs(
  ctx: TestContext,
  role: 'records_manager' | 'auditor' | 'asset_owner',
): Promise<Caller> {
  const principal = (await ctx.services.signIn.principalFor(ctx.userIds[role]))!;
  return { principal, actor: { type: 'user', id: String(principal.id), label: principal.label } };
}

for (const kind of DATABASE_KINDS) {
  describe(`disposal from proposal to certificate (${kind})`, () => {
    let ctx: TestContext;
    let manager: Caller;
    let cases: { id: number; reference: string }[];
    before(async () => {
      ctx = await createTestContext(kind);
      manager = await callerAs(ctx, 'records_manager');
      await ctx.services.retentionSchedule.save(actor, requestFiles);
      await ctx.services.retentionSchedule.addRule(actor, {
        source: 'requests',
        scope: 0,
        selector: 'foi',
        classCode: 'IG-01',
      });
      cases = [];
      for (let i = 0; i < 5; i++)
        cases.push(
          await caseInStatus(ctx, 'closed', {
            subject: `Case ${i}`,
            description: i === 4 ? 'About the Elm Row inquiry' : 'Plain',
          }),
        );
      await ctx.services.recordScheduler.run(actor);
    });
    after(() => ctx.close());

    const listOf = async () => (await ctx.services.disposal.lists(manager.principal))[0]!.list;
    const itemsOf = async (number: string) =>
      (await ctx.services.disposal.find(manager, number, { limit: 100, offset: 0 })).items;

    it('proposes what is due and unheld, one list a class and owner', async () => {
      await ctx.services.legalHolds.place(actor, {
        name: 'Elm Row inquiry',
        reason: 'Inquiry',
        authority: '',
        requestedBy: '',
        reviewOn: null,
        scopes: [{ kind: 'search', term: 'Elm Row' }],
      });
      const proposed = await ctx.services.disposal.propose(actor);
      assert.deepEqual(
        proposed.map((p) => [p.classCode, p.records]),
        [['IG-01', 4]],
        'the case about the Elm Row inquiry is held',
      );
      assert.match(proposed[0]!.number, /^DL-2026-0001$/);
      assert.deepEqual(
        await ctx.services.disposal.propose(actor),
        [],
        'records on a list are not proposed again',
      );
    });

    it('lets only the owner review, and an auditor only look', async () => {
      const list = await listOf();
      const auditor = await callerAs(ctx, 'auditor');
      assert.ok((await ctx.services.disposal.find(auditor, list.number)).list);
      await assert.rejects(ctx.services.disposal.disposeOfPending(auditor, list.id), ForbiddenError);
      const owner = await callerAs(ctx, 'asset_owner');
      // The test asset owner holds the role council-wide: an owner's grant scoped to another directorate sees nothing.
      assert.ok(owner.principal.grants.some((g) => g.directorateId === null));
    });

    it('takes decisions, refuses a wrong one, and sends the review for approval when every record has one', async () => {
      const list = await listOf();
      const [first, second] = await itemsOf(list.number);
      await assert.rejects(
        ctx.services.disposal.decide(manager, list.id, [first!.item.id], {
          decision: 'keep',
          keepUntil: '2026-01-01',
          reason: 'x',
        }),
        /must be in the future/,
      );
      await assert.rejects(
        ctx.services.disposal.decide(manager, list.id, [first!.item.id], {
          decision: 'keep',
          keepUntil: '2027-06-30',
        }),
        /Say why/,
      );
      await ctx.services.disposal.decide(manager, list.id, [first!.item.id], {
        decision: 'keep',
        keepUntil: '2027-06-30',
        reason: 'A complaint is open',
      });
      await assert.rejects(
        ctx.services.disposal.submitReview(manager, list),
        /3 records have no decision yet/,
      );
      assert.equal(await ctx.services.disposal.disposeOfPending(manager, list.id), 3);
      const reviewed = await ctx.services.disposal.submitReview(manager, list);
      assert.equal(reviewed.status, 'approval');
      const [kept] = await ctx.database.db.orm
        .select()
        .from(recordItems)
        .where(eq(recordItems.id, first!.item.id));
      assert.deepEqual(
        [kept!.status, kept!.keepUntil],
        ['scheduled', '2027-06-30'],
        'kept longer: back on the schedule',
      );
      assert.ok(second);
    });

    it('refuses approval of a list that changed since review, and says what changed', async () => {
      const list = await listOf();
      const [, changedEntry] = await itemsOf(list.number);
      // The case is reopened into a new state by an ICO complaint recorded after the review.
      await ctx.services.requests.act(
        await dpoCaller(ctx),
        Number(changedEntry!.item.key),
        (await ctx.services.requests.find(Number(changedEntry!.item.key)))!.version,
        'record-ico',
        {
          reference: 'IC-99999-Z9Z9',
        },
      );
      await assert.rejects(ctx.services.disposal.approve(manager, list), (error: unknown) => {
        assert.ok(error instanceof ListChangedError);
        assert.deepEqual(
          error.changes.map((c) => [c.itemId, c.change]),
          [[changedEntry!.item.id, 'changed']],
        );
        return true;
      });
      await assert.rejects(ctx.services.disposal.returnToOwner(manager, list, ' '), /Say why/);
      const back = await ctx.services.disposal.returnToOwner(manager, list, 'One case changed');
      assert.equal(back.status, 'review');
      await assert.rejects(
        ctx.services.disposal.submitReview(manager, list),
        ConflictError,
        'a stale version is refused',
      );
      await ctx.services.disposal.disposeOfPending(manager, back.id);
      const again = await ctx.services.disposal.submitReview(manager, back);
      const approved = await ctx.services.disposal.approve(manager, again);
      assert.deepEqual([approved.status, approved.coolingOffUntil], ['cooling-off', '2026-12-02']);
    });

    it('waits out the cooling-off, re-checks holds as it destroys, and certifies what it did', async () => {
      assert.deepEqual(
        await ctx.services.disposal.carryOut(actor),
        [],
        'nothing is carried out during the cooling-off',
      );
      const list = await listOf();
      const items = (await itemsOf(list.number)).filter((e) => e.entry.decision === 'dispose');
      assert.equal(items.length, 3);
      // A hold placed during the cooling-off protects the record it covers when the time comes.
      await ctx.services.legalHolds.place(actor, {
        name: 'Late hold',
        reason: 'A claim arrived',
        authority: '',
        requestedBy: '',
        reviewOn: null,
        scopes: [{ kind: 'item', itemId: items[0]!.item.id }],
      });
      ctx.clock.advance(8 * DAY);
      const [done] = await ctx.services.disposal.carryOut(actor);
      assert.deepEqual(
        [done!.number, done!.certificate, done!.disposed, done!.skipped],
        [list.number, 'DC-2026-0001', 2, 1],
      );
      const held = await ctx.services.requests.find(Number(items[0]!.item.key));
      assert.equal(held!.erasedOn, null, 'the held case is untouched');
      for (const { item } of items.slice(1)) {
        const c = await ctx.services.requests.find(Number(item.key));
        assert.deepEqual(
          [c!.requesterName, c!.requesterEmail, c!.description, c!.disposalCertificate, c!.reference],
          ['', null, '', 'DC-2026-0001', item.title],
          'personal data erased; the stub keeps the reference and the certificate',
        );
        const [stub] = await ctx.database.db.orm
          .select()
          .from(recordItems)
          .where(eq(recordItems.id, item.id));
        assert.deepEqual([stub!.status, stub!.certificateNumber], ['disposed', 'DC-2026-0001']);
      }
      assert.deepEqual(await ctx.services.disposal.carryOut(actor), [], 'nothing is done twice');
      const pdf = await ctx.services.disposal.certificate(manager, list.number, 'pdf');
      assert.equal(pdf.body.subarray(0, 5).toString(), '%PDF-');
      const csv = (await ctx.services.disposal.certificate(manager, list.number, 'csv')).body.toString();
      assert.match(csv, /Records destroyed,2/);
      assert.match(csv, /Records not disposed of: under a hold,1/);
      assert.match(csv, /Class,IG-01 Request files/);
      for (const c of cases)
        assert.doesNotMatch(csv, new RegExp(`${c.reference}|Requester`), 'no titles or people');
      const destroyed = await ctx.services.audit.search(
        { action: 'record.destroyed' },
        { limit: 10, offset: 0 },
      );
      assert.equal(destroyed.total, 2);
    });

    it('keeps each certificate on the schedule as a record of its own, permanently', async () => {
      await ctx.services.retentionSchedule.save(
        actor,
        recordClass({
          code: 'IG-02',
          description: 'Disposal certificates',
          trigger: 'creation',
          retention: 'permanent',
          action: 'permanent',
          personalData: false,
        }),
      );
      const results = await ctx.services.recordScheduler.run(actor);
      const certificates = results.find((r) => r.source === 'certificates')!;
      assert.deepEqual([certificates.read, certificates.scheduled], [1, 1]);
      const [item] = await ctx.database.db.orm
        .select()
        .from(recordItems)
        .where(eq(recordItems.source, 'certificates'));
      assert.deepEqual([item!.key, item!.until, item!.triggerOn], ['DC-2026-0001', null, '2026-12-03']);
      await assert.rejects(
        ctx.services.retentionSchedule.addRule(actor, {
          source: 'certificates',
          scope: 0,
          selector: 'certificate',
          classCode: 'IG-01',
        }),
        /always in IG-02/,
      );
    });

    it('finishes a list whose carrying out failed half-way, never destroying anything twice', async () => {
      // Three more closed cases, proposed, reviewed and approved; the source fails on the second destruction.
      for (let i = 0; i < 3; i++) await caseInStatus(ctx, 'closed', { subject: `Later ${i}` });
      const approved = await approvedDisposalList(ctx, manager);
      ctx.clock.advance(8 * DAY);
      const source = ctx.services.modules.find((m) => m.name === 'requests')!;
      const original = source.recordSources!;
      let calls = 0;
      source.recordSources = (services) =>
        original(services).map((s) => ({
          ...s,
          destroy: async (...args) => {
            calls += 1;
            if (calls === 2) throw new Error('the disk went away');
            return s.destroy(...args);
          },
        }));
      await assert.rejects(ctx.services.disposal.carryOut(actor), /the disk went away/);
      source.recordSources = original;
      const midway = await ctx.services.disposal.find(manager, approved.number, { limit: 10, offset: 0 });
      assert.equal(midway.list.status, 'executing');
      assert.deepEqual(
        [midway.tally.done, midway.tally.dispose],
        [1, 3],
        'the first stays done; the rest wait',
      );
      const [finished] = await ctx.services.disposal.carryOut(actor);
      assert.deepEqual([finished!.disposed, finished!.skipped], [3, 0]);
      const resumed = await ctx.services.audit.search(
        { action: 'disposal-list.resumed' },
        { limit: 5, offset: 0 },
      );
      assert.equal(resumed.total, 1);
      const destroyed = await ctx.services.audit.search(
        { action: 'record.destroyed' },
        { limit: 20, offset: 0 },
      );
      assert.equal(destroyed.total, 5, 'two from the first list, three from this one: each once');
    });

    it('stops an approved list on request, its records back on the schedule', async () => {
      const extra = await caseInStatus(ctx, 'closed', { subject: 'To stop' });
      const approved = await approvedDisposalList(ctx, manager);
      const auditor = await callerAs(ctx, 'auditor');
      await assert.rejects(ctx.services.disposal.stop(auditor, approved, 'No'), ForbiddenError);
      await assert.rejects(ctx.services.disposal.stop(manager, approved, ''), ValidationError);
      const stopped = await ctx.services.disposal.stop(
        manager,
        approved,
        'The requester complained to the ICO',
      );
      assert.equal(stopped.status, 'stopped');
      const [item] = await ctx.database.db.orm
        .select()
        .from(recordItems)
        .where(eq(recordItems.key, String(extra.id)));
      assert.equal(item!.status, 'scheduled');
      ctx.clock.advance(8 * DAY);
      await ctx.services.disposal.carryOut(actor);
      assert.equal(
        (await ctx.services.requests.find(extra.id))!.erasedOn,
        null,
        'a stopped list is never carried out',
      );
    });
  });
}
