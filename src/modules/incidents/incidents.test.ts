import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { desc, eq } from 'drizzle-orm';
import {
  createTestContext,
  signedInAgent,
  submitForm,
  emailFor,
  type TestContext,
} from '../../../test/support/app.ts';
import { DATABASE_KINDS } from '../../../test/support/databases.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/errors.ts';
import { actorOf, type Caller } from '../../platform/web/request.ts';
import { outbox } from '../../platform/mail/schema.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { assessSchema, reportSchema, triageSchema } from './inputs.ts';

const report = (overrides: Record<string, unknown> = {}) =>
  reportSchema.parse({
    summary: 'A care assessment was e-mailed to the wrong address.',
    discoveredOn: '2026-11-25',
    discoveredTime: '09:15',
    occurredOn: '2026-11-25',
    occurredTime: '08:50',
    people: '1',
    ongoing: 'no',
    ...overrides,
  });

const assessment = (version: number, overrides: Record<string, unknown> = {}) =>
  assessSchema.parse({
    version,
    cause: 'misdirected-email',
    breachTypes: ['confidentiality'],
    dataCategories: ['identifiers'],
    specialCategories: ['health'],
    subjectCategories: ['residents'],
    consequences: 'Distress',
    likelihood: 'possible',
    severity: 'significant',
    riskRationale: 'Health data to a stranger',
    staffTraining: 'yes',
    ...overrides,
  });

const fieldOf = (error: unknown) => (error as ValidationError & { fields?: Record<string, string> }).fields;

for (const kind of DATABASE_KINDS) {
  describe(`incidents and breaches (${kind})`, () => {
    let ctx: TestContext;
    const callers = {} as Record<'dpo' | 'ig' | 'staff' | 'auditor' | 'owner', Caller>;
    before(async () => {
      ctx = await createTestContext(kind);
      const as = async (id: number) => {
        const principal = (await ctx.services.signIn.principalFor(id))!;
        return { principal, actor: actorOf(principal) };
      };
      callers.dpo = await as(ctx.userIds.dpo);
      callers.ig = await as(ctx.userIds.ig_officer);
      callers.staff = await as(ctx.userIds.staff);
      callers.auditor = await as(ctx.userIds.auditor);
      callers.owner = await as(ctx.userIds.asset_owner);
    });
    after(() => ctx.close());

    const mailTo = async (role: 'dpo' | 'ig_officer' | 'staff') =>
      ctx.database.db.orm
        .select()
        .from(outbox)
        .where(eq(outbox.toAddress, emailFor(role)))
        .orderBy(desc(outbox.id));
    const reportAsStaff = (overrides: Record<string, unknown> = {}) =>
      ctx.services.incidents.report(
        callers.staff.actor,
        { kind: 'staff', userId: ctx.userIds.staff },
        report(overrides),
      );

    it('takes a breach from report to close: clock, decisions, the ICO report, actions and lessons', async () => {
      ctx.clock.set(new Date('2026-11-25T10:00:00Z'));
      const incident = await reportAsStaff();
      assert.match(incident.reference, /^INC-2026-\d{4}$/);
      assert.equal(incident.status, 'reported');
      assert.equal(incident.triageDueAt.toISOString(), '2026-11-25T14:00:00.000Z');
      const told = await mailTo('ig_officer');
      assert.ok(
        told.some((m) => m.subject.includes(incident.reference)),
        'the IG team hears at once',
      );
      assert.ok(!told[0]!.body.includes('care assessment'), 'the mail holds no details of the incident');

      const triaged = await ctx.services.incidents.triage(
        callers.ig,
        incident.id,
        triageSchema.parse({
          version: incident.version,
          classification: 'breach',
          awareOn: '2026-11-25',
          awareTime: '09:30',
        }),
      );
      assert.equal(triaged.status, 'triaged');
      assert.equal(triaged.awareAt!.toISOString(), '2026-11-25T09:30:00.000Z');
      assert.equal(ctx.services.incidents.clockOf(triaged)!.due.toISOString(), '2026-11-28T09:30:00.000Z');
      assert.equal(ctx.services.incidents.clockOf(triaged)!.words, '2 days 23 hours left');

      // A stale form is refused rather than overwriting the triage.
      await assert.rejects(
        ctx.services.incidents.assess(callers.ig, incident.id, assessment(incident.version)),
        ConflictError,
      );
      const assessed = await ctx.services.incidents.assess(
        callers.ig,
        incident.id,
        assessment(triaged.version),
      );
      assert.equal(assessed.status, 'assessed');

      // The IG officer is not the DPO and is not on the rota: the decision is refused (403).
      await assert.rejects(
        ctx.services.incidents.decideIco(callers.ig, incident.id, {
          version: assessed.version,
          decision: 'report',
          reason: 'Risk',
        }),
        ForbiddenError,
      );
      let current = await ctx.services.incidents.decideIco(callers.dpo, incident.id, {
        version: assessed.version,
        decision: 'report',
        reason: 'Health data: a risk to the person',
      });
      // Special-category data makes the risk high (probable × significant): not telling needs an Art 34(3) exemption.
      await assert.rejects(
        ctx.services.incidents.decideSubjects(callers.dpo, incident.id, {
          version: current.version,
          decision: 'do-not-tell',
          reason: 'No',
          toldOn: undefined,
        }),
        (e: unknown) => e instanceof ValidationError && /Art 34\(3\)/.test(fieldOf(e)?.exemption ?? ''),
      );
      current = await ctx.services.incidents.decideSubjects(callers.dpo, incident.id, {
        version: current.version,
        decision: 'tell',
        reason: 'High risk',
        toldOn: '2026-11-25',
      });
      assert.equal(current.status, 'decided');

      const { sections } = await ctx.services.incidents.icoReportFor(callers.dpo, incident.id, 'initial');
      assert.deepEqual(
        sections.map((s) => s.title),
        [
          '1. Your report',
          '2. About the breach',
          '3. Personal data',
          '4. Consequences',
          '5. Taking action',
          '6. About you',
        ],
      );
      const answer = (q: RegExp) =>
        sections.flatMap((s) => s.questions).find((x) => q.test(x.question))!.answer;
      assert.equal(answer(/initial report or a follow-up/), 'Initial report');
      assert.match(answer(/When did you become aware/), /^09:30 on 25 November 2026 \(GMT\)$/);
      assert.equal(answer(/cyber incident/), 'No');
      assert.equal(answer(/special categories/), 'Health data');
      assert.match(answer(/significant consequences/), /high risk/);
      assert.match(answer(/told the data subjects/), /^Yes, on 25 November 2026/);
      assert.equal(answer(/Organisation name/), 'Test Borough Council');
      assert.match(answer(/72 hours/), /Within the 72 hours, which end 09:30 on 28 November 2026 \(GMT\)/);

      // Sent after the 72 hours: the reasons for the delay are required.
      ctx.clock.set(new Date('2026-11-29T12:00:00Z'));
      const late = {
        version: current.version,
        phase: 'initial' as const,
        submittedOn: '2026-11-29',
        submittedTime: '11:00',
      };
      await assert.rejects(
        ctx.services.incidents.recordIcoSubmission(callers.dpo, incident.id, late),
        (e: unknown) =>
          e instanceof ValidationError && /reasons for the delay/.test(fieldOf(e)?.delayReason ?? ''),
      );
      current = await ctx.services.incidents.recordIcoSubmission(callers.dpo, incident.id, {
        ...late,
        icoReference: 'IC-123456-A1',
        delayReason: 'Reported on a Friday evening; severity recognised on Monday',
      });
      assert.equal(current.icoReference, 'IC-123456-A1');
      assert.equal(ctx.services.incidents.clockOf(current), null, 'the report stops the clock');
      const followUp = await ctx.services.incidents.icoReportFor(callers.dpo, incident.id, 'follow-up');
      assert.equal(followUp.sections[0]!.questions[1]!.answer, 'IC-123456-A1');

      // Closing needs the actions done and the lessons review.
      const action = await ctx.services.incidents.addAction(callers.ig, incident.id, {
        kind: 'containment',
        description: 'Confirm deletion',
        ownerEmail: emailFor('staff'),
        dueOn: '2026-11-30',
      });
      await assert.rejects(
        ctx.services.incidents.close(callers.ig, incident.id, current.version),
        (e: unknown) =>
          e instanceof ValidationError && /open action/.test(e.message) && /lessons-learned/.test(e.message),
      );
      // The owner (a member of staff) records it done; an auditor cannot.
      await assert.rejects(
        ctx.services.incidents.completeAction(callers.auditor, action.id, 'x'),
        ForbiddenError,
      );
      await ctx.services.incidents.completeAction(callers.staff, action.id, 'Confirmation filed');
      current = await ctx.services.incidents.recordLessons(callers.ig, incident.id, {
        version: current.version,
        rootCause: 'Autocomplete',
        lessons: 'Autocomplete off for external addresses',
      });
      const closed = await ctx.services.incidents.close(callers.ig, incident.id, current.version);
      assert.equal(closed.status, 'closed');

      const detail = await ctx.services.incidents.caseFor(callers.dpo, incident.id);
      assert.ok(!detail.reporterOnly);
      if (!detail.reporterOnly)
        assert.deepEqual(
          detail.timeline.map((e) => e.action),
          [
            'incident.reported',
            'incident.triaged',
            'incident.assessed',
            'incident.ico-decided',
            'incident.subjects-decided',
            'incident.ico-reported',
            'incident.action-added',
            'incident.action-done',
            'incident.lessons-recorded',
            'incident.closed',
          ],
        );
      const audit = await ctx.database.db.orm
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.entityId, String(incident.id)));
      assert.ok(
        audit.some((e) => e.action === 'incident.viewed' && e.actorLabel === 'Test dpo'),
        'views are audited',
      );
      assert.ok(
        !JSON.stringify(audit.map((e) => e.details)).includes('care assessment'),
        'no report text in the audit trail',
      );
    });

    it('refuses an aware time in the future, before the incident, or that never happened', async () => {
      ctx.clock.set(new Date('2027-03-29T10:00:00Z'));
      const incident = await reportAsStaff({
        occurredOn: '2027-03-28',
        occurredTime: '00:30',
        discoveredOn: '2027-03-29',
        discoveredTime: '09:00',
      });
      const triage = (awareOn: string, awareTime: string) =>
        ctx.services.incidents.triage(
          callers.ig,
          incident.id,
          triageSchema.parse({ version: incident.version, classification: 'breach', awareOn, awareTime }),
        );
      await assert.rejects(triage('2027-03-29', '12:00'), (e: unknown) =>
        /in the future/.test(fieldOf(e)?.awareOn ?? ''),
      );
      await assert.rejects(triage('2027-03-27', '12:00'), (e: unknown) =>
        /before it happened/.test(fieldOf(e)?.awareOn ?? ''),
      );
      await assert.rejects(triage('2027-03-28', '01:30'), (e: unknown) =>
        /did not happen in London: the clocks went forward/.test(fieldOf(e)?.awareTime ?? ''),
      );
      const ok = await triage('2027-03-28', '02:30');
      assert.equal(ok.awareAt!.toISOString(), '2027-03-28T01:30:00.000Z');
    });

    it('lets reporters see their own report, directors their directorate’s cases, and nobody else', async () => {
      ctx.clock.set(new Date('2026-12-01T10:00:00Z'));
      const incident = await reportAsStaff({ discoveredOn: '2026-12-01', occurredOn: '', occurredTime: '' });
      const other = await ctx.services.users.create(systemActor('Test'), {
        email: 'other@test.example',
        displayName: 'Other',
        password: 'other-password-1',
        grants: [],
        teamIds: [],
      });
      const otherPrincipal = (await ctx.services.signIn.principalFor(other))!;
      const mine = await ctx.services.incidents.caseFor(callers.staff, incident.id);
      assert.equal(mine.reporterOnly, true, 'the reporter sees the report, not the case');
      await assert.rejects(
        ctx.services.incidents.caseFor(
          { principal: otherPrincipal, actor: actorOf(otherPrincipal) },
          incident.id,
        ),
        ForbiddenError,
      );
      const scoped = (await ctx.services.signIn.principalFor(ctx.userIds.asset_owner))!;
      scoped.grants = [{ role: 'asset_owner', directorateId: ctx.directorateId + 1000 }];
      await assert.rejects(
        ctx.services.incidents.caseFor({ principal: scoped, actor: actorOf(scoped) }, incident.id),
        ForbiddenError,
        'a director of another directorate',
      );
      const auditor = await ctx.services.incidents.caseFor(callers.auditor, incident.id);
      assert.equal(auditor.reporterOnly, false);
      await assert.rejects(
        ctx.services.incidents.triage(
          callers.auditor,
          incident.id,
          triageSchema.parse({
            version: 1,
            classification: 'breach',
            awareOn: '2026-12-01',
            awareTime: '09:00',
          }),
        ),
        ForbiddenError,
      );
    });

    it('escalates on an injected clock: four working hours untriaged, 48 and 24 hours left, the deputy on the rota', async () => {
      // Friday 4 December 2026, 16:00: four working hours run out at 12:00 on Monday.
      ctx.clock.set(new Date('2026-12-04T16:00:00Z'));
      const incident = await reportAsStaff({
        discoveredOn: '2026-12-04',
        occurredOn: '',
        occurredTime: '',
        discoveredTime: '15:00',
      });
      const dpoMail = async () => (await mailTo('dpo')).filter((m) => m.subject.includes(incident.reference));
      const igMail = async () =>
        (await mailTo('ig_officer')).filter((m) => m.subject.includes(incident.reference));
      const before = (await dpoMail()).length;
      ctx.clock.set(new Date('2026-12-07T11:59:00Z'));
      await ctx.services.incidentJobs.escalate();
      assert.equal((await dpoMail()).length, before, 'not yet: three hours fifty-nine working');
      ctx.clock.set(new Date('2026-12-07T12:00:00Z'));
      await ctx.services.incidentJobs.escalate();
      await ctx.services.incidentJobs.escalate();
      const untriaged = (await dpoMail()).filter((m) => m.subject.startsWith('Not yet triaged'));
      assert.equal(untriaged.length, 1, 'once, however often the job runs');

      await ctx.services.incidents.addRota(callers.dpo, {
        deputyEmail: emailFor('ig_officer'),
        startsOn: '2026-12-07',
        endsOn: '2026-12-10',
      });
      ctx.clock.set(new Date('2026-12-07T12:45:00Z'));
      const triaged = await ctx.services.incidents.triage(
        callers.ig,
        incident.id,
        triageSchema.parse({
          version: incident.version,
          classification: 'breach',
          awareOn: '2026-12-07',
          awareTime: '12:30',
        }),
      );
      const stage = async (at: string) => {
        ctx.clock.set(new Date(at));
        await ctx.services.incidentJobs.escalate();
      };
      await stage('2026-12-08T12:29:00Z');
      assert.equal(
        (await dpoMail()).filter((m) => /ICO deadline/.test(m.subject)).length,
        1,
        'only the triage mail',
      );
      await stage('2026-12-08T12:30:00Z');
      assert.ok((await dpoMail()).some((m) => m.subject.endsWith('48 hours left')));
      assert.ok(
        !(await igMail()).some((m) => m.subject.endsWith('48 hours left')),
        'the deputy is spared at 48 hours in working hours',
      );
      await stage('2026-12-09T12:30:00Z');
      assert.ok((await dpoMail()).some((m) => m.subject.endsWith('24 hours left')));
      assert.ok(
        (await igMail()).some((m) => m.subject.endsWith('24 hours left')),
        'the deputy hears at 24 hours',
      );
      await stage('2026-12-10T12:31:00Z');
      assert.ok((await igMail()).some((m) => m.subject.endsWith('the 72 hours have passed')));
      // On the rota today, the IG officer may now take the DPO's decision.
      const assessed = await ctx.services.incidents.assess(
        callers.ig,
        incident.id,
        assessment(triaged.version),
      );
      const decided = await ctx.services.incidents.decideIco(callers.ig, incident.id, {
        version: assessed.version,
        decision: 'do-not-report',
        reason: 'Recipient deleted it unread',
      });
      assert.equal(decided.icoDecision, 'do-not-report');
    });

    it('reminds owners of due actions once a day', async () => {
      ctx.clock.set(new Date('2026-12-14T09:00:00Z'));
      const incident = await reportAsStaff({
        discoveredOn: '2026-12-14',
        discoveredTime: '08:00',
        occurredOn: '',
        occurredTime: '',
      });
      const triaged = await ctx.services.incidents.triage(
        callers.ig,
        incident.id,
        triageSchema.parse({
          version: incident.version,
          classification: 'near-miss',
          awareOn: '2026-12-14',
          awareTime: '08:30',
        }),
      );
      await ctx.services.incidents.addAction(callers.ig, triaged.id, {
        kind: 'prevention',
        description: 'Delay-send rule',
        ownerEmail: emailFor('dpo'),
        dueOn: '2026-12-15',
      });
      assert.equal((await ctx.services.incidentJobs.remindActions()).reminded, 0);
      ctx.clock.set(new Date('2026-12-15T08:00:00Z'));
      assert.equal((await ctx.services.incidentJobs.remindActions()).reminded, 1);
      assert.equal((await ctx.services.incidentJobs.remindActions()).reminded, 0);
      ctx.clock.set(new Date('2026-12-16T08:00:00Z'));
      assert.equal((await ctx.services.incidentJobs.remindActions()).reminded, 1);
    });

    it('takes reports through the pages: nothing saved from a bad form, everything typed shown again', async () => {
      ctx.clock.set(new Date('2026-12-02T10:00:00Z'));
      const staff = await signedInAgent(ctx, emailFor('staff'));
      const count = async () => (await ctx.services.incidents.list(callers.dpo.principal, {}, 1)).total;
      const before = await count();
      const bad = await submitForm(staff, '/incidents/report', '/incidents/report', {
        summary: 'Sent the wrong letter',
        'discoveredOn-day': '31',
        'discoveredOn-month': '2',
        'discoveredOn-year': '2026',
        discoveredTime: '25:00',
        people: '1',
      });
      assert.equal(bad.status, 400);
      assert.match(bad.text, /Sent the wrong letter/);
      assert.match(bad.text, /Enter the date it was found as a real date/);
      assert.match(bad.text, /Say whether it is still happening/);
      assert.equal(await count(), before, 'nothing half-saved');
      const good = await submitForm(staff, '/incidents/report', '/incidents/report', {
        summary: 'Sent the wrong letter',
        'discoveredOn-day': '2',
        'discoveredOn-month': '12',
        'discoveredOn-year': '2026',
        discoveredTime: '9.30',
        people: '1',
        ongoing: 'no',
        nearMiss: 'yes',
      });
      assert.equal(good.status, 303);
      const done = await staff.get(good.headers.location!);
      assert.match(done.text, /Your reference is INC-2026-\d{4}/);
      assert.match(done.text, /What happens next/);

      const anonymous = (await import('supertest')).default.agent(ctx.app);
      const sent = await submitForm(anonymous, '/report-a-concern', '/report-a-concern', {
        summary: 'I got my neighbour’s letter',
        'discoveredOn-day': '1',
        'discoveredOn-month': '12',
        'discoveredOn-year': '2026',
        discoveredTime: '18:00',
        people: '1',
        ongoing: 'not-sure',
        contactEmail: 'Resident@Example.com',
      });
      assert.equal(sent.status, 303);
      assert.match((await anonymous.get('/report-a-concern/sent')).text, /Your reference is INC-2026-\d{4}/);
      const ack = await ctx.database.db.orm
        .select()
        .from(outbox)
        .where(eq(outbox.toAddress, 'resident@example.com'));
      assert.equal(ack.length, 1);

      const dpo = await signedInAgent(ctx, emailFor('dpo'));
      for (const path of ['/incidents', '/incidents/trends', '/incidents/rota'])
        assert.equal((await dpo.get(path)).status, 200, path);
      const csv = await dpo.get('/incidents/trends.csv');
      assert.match(csv.text, /^\uFEFFMonth,Incidents,Personal-data breaches,Near misses,Reported to the ICO/);
      const pdf = await dpo.get('/incidents/1/ico-report.pdf');
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.body.subarray(0, 5).toString(), '%PDF-');
    });
  });
}
