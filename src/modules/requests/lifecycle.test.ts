import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../test/support/app.ts';
import { DATABASE_KINDS } from '../../../test/support/databases.ts';
import { startSmtpCapture } from '../../../test/support/smtp.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/commands.ts';
import type { Principal, Role } from '../../platform/authz/roles.ts';
import { computeDeadline } from '../../domain/requests/deadlines.ts';
import { shippedCalendar } from '../../domain/calendar/shipped.ts';
import type { RequestCase } from './repository.ts';
import type { CaseAction } from '../../domain/requests/workflow.ts';

/** What a subject access response must also say (Art 15(1)), as an officer would fill it in. */
const ARTICLE_15 = {
  purposes: 'To manage your tenancy.',
  recipients: 'The council’s housing team and its repairs contractor.',
  retention: 'Six years after the tenancy ends.',
  source: 'You and your landlord.',
};

const principal = (role: Role, id: number): Principal => ({
  kind: 'user',
  id,
  label: `Test ${role}`,
  grants: [{ role, directorateId: null }],
});

for (const kind of DATABASE_KINDS) {
  describe(`request casework on ${kind}`, () => {
    let ctx: TestContext;
    let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
    let officer: Principal;
    let ig: Principal;
    let dpo: Principal;
    const actorFor = (p: Principal) => ({ type: 'user' as const, id: String(p.id), label: p.label });
    const callerFor = (p: Principal) => ({ principal: p, actor: actorFor(p) });

    before(async () => {
      smtp = await startSmtpCapture();
      ctx = await createTestContext(kind, new Date('2026-11-25T10:00:00Z'), {
        smtpUrl: smtp.url,
        mailFrom: 'foi@test.example',
        enquiryTargetDays: 7,
      });
      officer = principal('requests_officer', ctx.userIds.requests_officer);
      ig = principal('ig_officer', ctx.userIds.ig_officer);
      dpo = principal('dpo', ctx.userIds.dpo);
    });
    after(async () => {
      await ctx.close();
      await smtp.close();
    });

    const act = (p: Principal, c: RequestCase, action: CaseAction, input: Record<string, unknown> = {}) =>
      ctx.services.requests.act(callerFor(p), c.id, c.version, action, input);

    it('takes an FOI through a fee pause, a clarification restart and an extension to the disclosure log', async () => {
      const { requests } = ctx.services;
      let c = await requests.create(
        actorFor(officer),
        {
          type: 'foi',
          channel: 'email',
          subject: 'Freedom of Information request - Road gritting contracts',
          description: 'Please send the current road gritting contracts and their values.',
          requesterName: 'A Requester',
          requesterEmail: 'request-123456-1a2b3c4d@whatdotheyknow.com',
          receivedOn: '2026-11-02',
        },
        { acknowledge: true },
      );
      assert.equal(c.whatDoTheyKnow, true);
      assert.equal(c.channel, 'whatdotheyknow');
      assert.equal(c.status, 'acknowledged');
      assert.equal(
        c.dueOn,
        '2026-12-01',
        '20 working days, skipping St Andrew’s Day (Monday 30 November 2026)',
      );
      assert.equal(c.allocationDueOn, '2026-11-05');
      assert.equal(c.draftDueOn, '2026-11-16');
      assert.equal(c.calendarVersion, 'shipped-2026-12-02');

      c = await act(officer, c, 'issue-fee-notice', {
        amount: '10',
        from: '2026-11-05',
        note: 'Pay online.',
      });
      assert.equal(c.status, 'awaiting-fee');
      await assert.rejects(act(officer, c, 'resume-clock', { on: '2026-11-04' }), /before the notice/);
      c = await act(officer, c, 'resume-clock', { on: '2026-11-10' });
      assert.deepEqual(c.pauses, [['2026-11-05', '2026-11-10', 'fee']]);
      assert.equal(c.dueOn, '2026-12-07', 'four working days of fee pause added');
      assert.equal(
        c.dueOn,
        computeDeadline(shippedCalendar(), {
          kind: 'foi',
          received: '2026-11-02',
          paused: [['2026-11-05', '2026-11-10']],
        }).due,
      );

      c = await act(officer, c, 'request-clarification', { note: 'Which financial years?' });
      assert.equal(c.stoppedFor, 'clarification');
      c = await act(officer, c, 'resume-clock', { on: '2026-11-16' });
      assert.equal(c.clockStart, '2026-11-16');
      assert.equal(c.dueOn, '2026-12-15', 'the clock starts again from the clarification');

      c = await act(officer, c, 'allocate', { directorateId: ctx.directorateId });
      assert.equal(c.status, 'allocated');
      c = await act(officer, c, 'extend', {
        exemptions: ['s43(2)'],
        note: 'The contractor must be consulted about the unit rates before we can weigh the public interest.',
      });
      assert.equal(c.extended, true);
      assert.equal(
        c.dueOn,
        '2027-01-18',
        '40 working days over Christmas, New Year and Scotland’s 4 January',
      );

      await assert.rejects(
        act(officer, c, 'submit-for-approval', {
          outcome: 'part-granted',
          exemptions: ['s43(2)'],
          responseText: 'Some released.',
        }),
        (e: ValidationError) => !!e.fields.publicInterest,
      );
      await assert.rejects(
        act(officer, c, 'submit-for-approval', {
          outcome: 'refused',
          exemptions: ['12(5)(e)'],
          publicInterest: 'x',
          responseText: 'x',
        }),
        (e: ValidationError) => /Not a FOIA exemption/.test(e.fields.exemptions ?? ''),
      );
      c = await act(officer, c, 'submit-for-approval', {
        outcome: 'part-granted',
        exemptions: ['s43(2)'],
        publicInterest: 'Disclosing unit rates would prejudice the re-tender.',
        responseText: 'Contract values are attached; unit rates are withheld.',
      });
      assert.equal(c.status, 'approval');
      await assert.rejects(
        act(officer, c, 'approve'),
        (error: Error) =>
          error instanceof ForbiddenError && /Only an IG officer or the DPO/.test(error.message),
      );
      c = await act(ig, c, 'approve');
      assert.equal(c.status, 'approved');

      const stale = c;
      c = await act(officer, c, 'respond', { on: '2026-11-25' });
      await assert.rejects(act(officer, stale, 'close'), ConflictError);
      c = await act(officer, c, 'close');
      c = await act(officer, c, 'publish', {
        title: 'Road gritting contracts',
        response: 'Contract values are attached.',
      });
      const log = await ctx.services.publishedResponses.list('gritting', { limit: 10, offset: 0 });
      assert.deepEqual(
        log.rows.map((r) => r.reference),
        [c.reference],
      );
      const entry = await ctx.services.publishedResponses.entry(c.reference);
      assert.doesNotMatch(JSON.stringify(entry), /request-123456|A Requester/);

      const history = await ctx.services.audit.search(
        { entityType: 'request-case', entityId: String(c.id) },
        { limit: 50, offset: 0 },
      );
      const actions = history.rows.map((e) => e.action).reverse();
      assert.deepEqual(actions, [
        'request.created',
        'request.acknowledge',
        'request.issue-fee-notice',
        'request.resume-clock',
        'request.request-clarification',
        'request.resume-clock',
        'request.allocate',
        'request.extend',
        'request.submit-for-approval',
        'request.approve',
        'request.respond',
        'request.close',
        'request.publish',
      ]);
      assert.doesNotMatch(
        JSON.stringify(history.rows),
        /request-123456|A Requester/,
        'no requester details in the audit trail',
      );

      const delivered = await ctx.services.mail.deliver();
      assert.equal(delivered.failed, 0);
      const sent = smtp.messages.filter((m) => m.to.includes('request-123456-1a2b3c4d@whatdotheyknow.com'));
      assert.equal(
        sent.length,
        5,
        'acknowledgement, fees notice, clarification, extension and refusal notice',
      );
      assert.ok(
        sent.every((m) => m.subject === 'Re: Freedom of Information request - Road gritting contracts'),
        'WhatDoTheyKnow threads keep their subject',
      );
      assert.match(sent[0]!.body, /respond by Tuesday 1 December 2026/);
      assert.match(sent.at(-1)!.body, /s\.43\(2\) Commercial interests \(a qualified exemption\)/);
      assert.match(sent.at(-1)!.body, /section 17/);
    });

    it('logs the searches and disclosure decisions of a SAR, and audits every view of it', async () => {
      const { requests } = ctx.services;
      let c = await requests.create(actorFor(officer), {
        type: 'sar',
        channel: 'email',
        subject: 'My social care records',
        description: 'All records about me.',
        requesterName: 'Data Subject',
        requesterEmail: 'subject@example.com',
        receivedOn: '2026-10-30',
      });
      assert.equal(c.dueOn, '2026-11-30', 'one calendar month');
      const system = (
        await ctx.database.db.query<{ id: number }>(
          `insert into sar_systems (name) values ('Children’s social care (Mosaic)') returning id`,
        )
      )[0]!;
      c = await act(officer, c, 'log-search', { systemId: system.id, found: true, notes: '42 documents' });
      await assert.rejects(
        act(officer, c, 'record-disclosure', { item: 'Case note 12', decision: 'redacted' }),
        /exemption/,
      );
      c = await act(officer, c, 'record-disclosure', {
        item: 'Case note 12',
        decision: 'redacted',
        exemption: 'sch2-p16',
      });
      const details = await requests.details(c);
      assert.equal(details.searches.length, 1);
      assert.deepEqual(
        details.disclosures.map((d) => d.exemption),
        ['sch2-p16'],
      );
      await requests.view(callerFor(dpo), c.id);
      const views = await ctx.services.audit.search(
        { action: 'request.sar-viewed', entityId: String(c.id) },
        { limit: 5, offset: 0 },
      );
      assert.equal(views.total, 1, 'every view of a SAR case is audited');
    });

    it('restarts a SAR on proof of identity and needs the DPO to approve', async () => {
      const { requests } = ctx.services;
      let c = await requests.create(actorFor(officer), {
        type: 'sar',
        channel: 'post',
        subject: 'Housing file',
        description: 'My housing file.',
        requesterName: 'Tenant',
        receivedOn: '2026-10-01',
      });
      c = await act(officer, c, 'request-identity', { note: 'Photo ID' });
      await assert.rejects(
        act(officer, c, 'resume-clock', { on: '2026-10-20' }),
        (e: ValidationError) => !!e.fields.method,
      );
      c = await act(officer, c, 'resume-clock', {
        on: '2026-10-20',
        method: 'Passport seen at the contact centre',
      });
      assert.equal(c.identityVerifiedOn, '2026-10-20');
      assert.equal(c.dueOn, '2026-11-20', 'a month from the day identity arrived');
      c = await act(officer, c, 'allocate', { directorateId: ctx.directorateId });
      c = await act(officer, c, 'submit-for-approval', {
        outcome: 'part-granted',
        exemptions: ['sch2-p16'],
        responseText: 'Your file, with third-party details removed.',
        ...ARTICLE_15,
      });
      await assert.rejects(act(ig, c, 'approve'), /data protection officer/);
      c = await act(dpo, c, 'approve');
      assert.equal(c.status, 'approved');
    });

    it('pauses a SAR while the council waits for clarification, and restarts it on a fee', async () => {
      const { requests } = ctx.services;
      const dpoActor = actorFor(dpo);
      ctx.clock.set(new Date('2025-11-06T10:00:00Z'));
      try {
        let c = await requests.create(dpoActor, {
          type: 'sar',
          channel: 'email',
          subject: 'Everything you hold about me',
          description: 'All records.',
          requesterName: 'S Subject',
          requesterEmail: 'subject@example.com',
          receivedOn: '2025-11-01',
        });
        assert.equal(c.dueOn, '2025-12-01');
        c = await act(dpo, c, 'request-clarification', { note: 'Which services have you dealt with?' });
        assert.equal(c.status, 'awaiting-clarification');
        assert.deepEqual(c.pauses, [['2025-11-06', null, 'clarification']]);
        ctx.clock.set(new Date('2025-11-10T09:00:00Z'));
        c = await act(dpo, c, 'resume-clock', { on: '2025-11-10' });
        assert.equal(c.clockStart, '2025-11-01', 'the month still runs from the request');
        assert.equal(c.dueOn, '2025-12-08', '1 Dec + 5 paused days = Sat 6 Dec, rolled to Mon 8 Dec 2025');
        assert.equal(c.stoppedFor, null);

        let fee = await requests.create(dpoActor, {
          type: 'sar',
          channel: 'email',
          subject: 'Further copies',
          description: 'Another copy of my file.',
          requesterName: 'S Subject',
          requesterEmail: 'subject@example.com',
          receivedOn: '2025-11-03',
        });
        fee = await act(dpo, fee, 'issue-fee-notice', { amount: '10', from: '2025-11-05' });
        assert.deepEqual(fee.pauses, [], 'a SAR fee is a restart, not a pause');
        ctx.clock.set(new Date('2025-11-12T09:00:00Z'));
        fee = await act(dpo, fee, 'resume-clock', { on: '2025-11-12' });
        assert.equal(fee.clockStart, '2025-11-12');
        assert.equal(fee.dueOn, '2025-12-12', 'the month runs from the day the fee arrived');
      } finally {
        ctx.clock.set(new Date('2026-11-25T10:00:00Z'));
      }
    });

    it('answers press and general enquiries to the council’s own target', async () => {
      const press = await ctx.services.requests.create(actorFor(officer), {
        type: 'press',
        channel: 'email',
        subject: 'Gritting',
        description: 'Are the gritters out?',
        requesterName: 'Reporter',
        receivedOn: '2026-11-23',
      });
      assert.equal(
        press.dueOn,
        '2026-12-02',
        'seven working days of England and Wales (St Andrew’s Day is not a holiday there)',
      );
    });

    it('refuses bad input and changes nothing', async () => {
      const { requests } = ctx.services;
      await assert.rejects(
        requests.create(actorFor(officer), {
          type: 'foi',
          channel: 'web',
          subject: 'x',
          description: 'x',
          requesterName: 'x',
          receivedOn: '2026-12-25',
        }),
        (e: ValidationError) => !!e.fields.receivedOn,
      );
      let c = await requests.create(actorFor(officer), {
        type: 'eir',
        channel: 'web',
        subject: 'Air quality',
        description: 'Air quality data',
        requesterName: 'x',
        receivedOn: '2026-11-20',
      });
      await assert.rejects(act(officer, c, 'resume-clock', { on: '2026-11-21' }), /cannot take/);
      await assert.rejects(
        act(officer, c, 'issue-fee-notice', { amount: '5', from: '2026-11-19' }),
        /before the request was received/,
      );
      await assert.rejects(
        act(officer, c, 'issue-fee-notice', { amount: '5', from: '2026-12-01' }),
        /future/,
      );
      c = await act(officer, c, 'allocate', { directorateId: ctx.directorateId });
      await assert.rejects(
        act(officer, c, 'submit-for-approval', {
          outcome: 'cost-limit',
          costEstimateHours: 30,
          responseText: 'Too costly',
        }),
        (e: ValidationError) => /no cost limit/.test(e.fields.outcome ?? ''),
      );
      await assert.rejects(
        act(officer, c, 'respond', { on: '2026-11-25' }),
        /cannot take/,
        'nothing is sent unapproved',
      );
      const fresh = (await requests.find(c.id))!;
      assert.equal(fresh.version, c.version);
      assert.equal(fresh.status, 'allocated');
    });

    it('allocates in bulk and lists cases by view, scoped to directorates', async () => {
      const { requests } = ctx.services;
      const made = [];
      for (let i = 0; i < 3; i++) {
        made.push(
          await requests.create(actorFor(officer), {
            type: 'foi',
            channel: 'web',
            subject: `Bulk ${i}`,
            description: 'x',
            requesterName: 'x',
            receivedOn: '2026-10-01',
          }),
        );
      }
      const result = await requests.allocateMany(callerFor(officer), {
        caseIds: made.map((c) => c.id),
        directorateId: ctx.directorateId,
      });
      assert.equal(result.allocated, 3);
      const overdue = await requests.list(officer, { view: 'overdue', q: 'Bulk' }, { limit: 10, offset: 0 });
      assert.equal(overdue.total, 3);
      const other = await ctx.services.organisation.createDirectorate(
        { type: 'system', id: null, label: 't' },
        'Place',
      );
      const scoped: Principal = {
        kind: 'user',
        id: 999,
        label: 'Scoped',
        grants: [{ role: 'requests_officer', directorateId: other }],
      };
      assert.equal((await requests.list(scoped, { view: 'all' }, { limit: 10, offset: 0 })).total, 0);
      await assert.rejects(requests.view(callerFor(scoped), made[0]!.id), /No such case/);
    });
  });
}
