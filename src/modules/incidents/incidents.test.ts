import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { emailFor } from '../../../test/support/app.ts';
import { DATABASE_KINDS } from '../../../test/support/databases.ts';
import { fieldsOf, incidentAssessment, incidentsFixture } from '../../../test/support/incidents.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/web/request.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { icoDecisionSchema, triageSchema } from './inputs.ts';

for (const kind of DATABASE_KINDS) {
  describe(`incidents and breaches (${kind})`, () => {
    const f = incidentsFixture(kind);

    it('takes a breach from report to close: clock, decisions, the ICO report, actions and lessons', async () => {
      f.ctx.clock.set(new Date('2026-11-25T10:00:00Z'));
      const incident = await f.reportAsStaff();
      assert.match(incident.reference, /^INC-2026-\d{4}$/);
      assert.equal(incident.status, 'reported');
      assert.equal(incident.triageDueAt.toISOString(), '2026-11-25T14:00:00.000Z');
      const told = await f.mailTo('ig_officer');
      assert.ok(
        told.some((m) => m.subject.includes(incident.reference)),
        'the IG team hears at once',
      );
      assert.ok(!told[0]!.body.includes('care assessment'), 'the mail holds no details of the incident');

      const triaged = await f.triage(incident.id, incident.version, 'breach', ['2026-11-25', '09:30']);
      assert.equal(triaged.status, 'triaged');
      assert.equal(triaged.awareAt!.toISOString(), '2026-11-25T09:30:00.000Z');
      assert.equal(f.ctx.services.incidents.clockOf(triaged)!.due.toISOString(), '2026-11-28T09:30:00.000Z');
      assert.equal(f.ctx.services.incidents.clockOf(triaged)!.words, '2 days 23 hours left');

      // A stale form is refused rather than overwriting the triage.
      await assert.rejects(
        f.ctx.services.incidents.assess(f.callers.ig, incident.id, incidentAssessment(incident.version)),
        ConflictError,
      );
      const assessed = await f.ctx.services.incidents.assess(
        f.callers.ig,
        incident.id,
        incidentAssessment(triaged.version),
      );
      assert.equal(assessed.status, 'assessed');

      // A decision without its reason is refused at the form, either way.
      for (const decision of ['report', 'do-not-report'])
        assert.equal(icoDecisionSchema.safeParse({ version: 1, decision, reason: '  ' }).success, false);
      // The IG officer is not the DPO and is not on the rota: the decision is refused (403).
      await assert.rejects(
        f.ctx.services.incidents.decideIco(f.callers.ig, incident.id, {
          version: assessed.version,
          decision: 'report',
          reason: 'Risk',
        }),
        ForbiddenError,
      );
      let current = await f.ctx.services.incidents.decideIco(f.callers.dpo, incident.id, {
        version: assessed.version,
        decision: 'report',
        reason: 'Health data: a risk to the person',
      });
      // Special-category data makes the risk high (probable × significant): not telling needs an Art 34(3) exemption.
      await assert.rejects(
        f.ctx.services.incidents.decideSubjects(f.callers.dpo, incident.id, {
          version: current.version,
          decision: 'do-not-tell',
          reason: 'No',
          toldOn: undefined,
        }),
        (e: unknown) => e instanceof ValidationError && /Art 34\(3\)/.test(fieldsOf(e)?.exemption ?? ''),
      );
      current = await f.ctx.services.incidents.decideSubjects(f.callers.dpo, incident.id, {
        version: current.version,
        decision: 'tell',
        reason: 'High risk',
        toldOn: '2026-11-25',
      });
      assert.equal(current.status, 'decided');

      const { sections } = await f.ctx.services.incidents.icoReportFor(f.callers.dpo, incident.id, 'initial');
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
      f.ctx.clock.set(new Date('2026-11-29T12:00:00Z'));
      const late = {
        version: current.version,
        phase: 'initial' as const,
        submittedOn: '2026-11-29',
        submittedTime: '11:00',
      };
      await assert.rejects(
        f.ctx.services.incidents.recordIcoSubmission(f.callers.dpo, incident.id, late),
        (e: unknown) =>
          e instanceof ValidationError && /reasons for the delay/.test(fieldsOf(e)?.delayReason ?? ''),
      );
      current = await f.ctx.services.incidents.recordIcoSubmission(f.callers.dpo, incident.id, {
        ...late,
        icoReference: 'IC-123456-A1',
        delayReason: 'Reported on a Friday evening; severity recognised on Monday',
      });
      assert.equal(current.icoReference, 'IC-123456-A1');
      assert.equal(f.ctx.services.incidents.clockOf(current), null, 'the report stops the clock');
      const followUp = await f.ctx.services.incidents.icoReportFor(f.callers.dpo, incident.id, 'follow-up');
      assert.equal(followUp.sections[0]!.questions[1]!.answer, 'IC-123456-A1');
      // The report as sent is kept: its answers, including the reasons for the delay, as they stood.
      const detailNow = await f.ctx.services.incidents.caseFor(f.callers.dpo, incident.id);
      const sentId = detailNow.reporterOnly ? 0 : detailNow.icoReports[0]!.id;
      const { sent } = await f.ctx.services.incidents.sentIcoReport(f.callers.dpo, incident.id, sentId);
      assert.equal(sent.phase, 'initial');
      assert.match(JSON.stringify(sent.sections), /Reasons for the delay: Reported on a Friday evening/);
      await assert.rejects(
        f.ctx.services.incidents.sentIcoReport(f.callers.staff, incident.id, sentId),
        ForbiddenError,
      );

      // Closing needs the actions done and the lessons review.
      const action = await f.ctx.services.incidents.addAction(f.callers.ig, incident.id, {
        kind: 'containment',
        description: 'Confirm deletion',
        ownerEmail: emailFor('staff'),
        dueOn: '2026-11-30',
      });
      await assert.rejects(
        f.ctx.services.incidents.close(f.callers.ig, incident.id, current.version),
        (e: unknown) =>
          e instanceof ValidationError && /open action/.test(e.message) && /lessons-learned/.test(e.message),
      );
      // The owner (a member of staff) records it done; an auditor cannot.
      await assert.rejects(
        f.ctx.services.incidents.completeAction(f.callers.auditor, action.id, 'x'),
        ForbiddenError,
      );
      await f.ctx.services.incidents.completeAction(f.callers.staff, action.id, 'Confirmation filed');
      current = await f.ctx.services.incidents.recordLessons(f.callers.ig, incident.id, {
        version: current.version,
        rootCause: 'Autocomplete',
        lessons: 'Autocomplete off for external addresses',
      });
      const closed = await f.ctx.services.incidents.close(f.callers.ig, incident.id, current.version);
      assert.equal(closed.status, 'closed');

      const detail = await f.ctx.services.incidents.caseFor(f.callers.dpo, incident.id);
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
      const audit = await f.ctx.database.db.orm
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
      f.ctx.clock.set(new Date('2027-03-29T10:00:00Z'));
      const incident = await f.reportAsStaff({
        occurredOn: '2027-03-28',
        occurredTime: '00:30',
        discoveredOn: '2027-03-29',
        discoveredTime: '09:00',
      });
      const triage = (awareOn: string, awareTime: string) =>
        f.ctx.services.incidents.triage(
          f.callers.ig,
          incident.id,
          triageSchema.parse({ version: incident.version, classification: 'breach', awareOn, awareTime }),
        );
      await assert.rejects(triage('2027-03-29', '12:00'), (e: unknown) =>
        /in the future/.test(fieldsOf(e)?.awareOn ?? ''),
      );
      await assert.rejects(triage('2027-03-27', '12:00'), (e: unknown) =>
        /before it happened/.test(fieldsOf(e)?.awareOn ?? ''),
      );
      await assert.rejects(triage('2027-03-28', '01:30'), (e: unknown) =>
        /did not happen in London: the clocks went forward/.test(fieldsOf(e)?.awareTime ?? ''),
      );
      const ok = await triage('2027-03-28', '02:30');
      assert.equal(ok.awareAt!.toISOString(), '2027-03-28T01:30:00.000Z');
    });

    it('lets reporters see their own report, directors their directorate’s cases, and nobody else', async () => {
      f.ctx.clock.set(new Date('2026-12-01T10:00:00Z'));
      const incident = await f.reportAsStaff({
        discoveredOn: '2026-12-01',
        occurredOn: '',
        occurredTime: '',
      });
      const other = await f.ctx.services.users.create(systemActor('Test'), {
        email: 'other@test.example',
        displayName: 'Other',
        password: 'other-password-1',
        grants: [],
        teamIds: [],
      });
      const otherPrincipal = (await f.ctx.services.signIn.principalFor(other))!;
      const mine = await f.ctx.services.incidents.caseFor(f.callers.staff, incident.id);
      assert.equal(mine.reporterOnly, true, 'the reporter sees the report, not the case');
      await assert.rejects(
        f.ctx.services.incidents.caseFor(
          { principal: otherPrincipal, actor: actorOf(otherPrincipal) },
          incident.id,
        ),
        ForbiddenError,
      );
      const scoped = (await f.ctx.services.signIn.principalFor(f.ctx.userIds.asset_owner))!;
      scoped.grants = [{ role: 'asset_owner', directorateId: f.ctx.directorateId + 1000 }];
      await assert.rejects(
        f.ctx.services.incidents.caseFor({ principal: scoped, actor: actorOf(scoped) }, incident.id),
        ForbiddenError,
        'a director of another directorate',
      );
      const auditor = await f.ctx.services.incidents.caseFor(f.callers.auditor, incident.id);
      assert.equal(auditor.reporterOnly, false);
      await assert.rejects(
        f.triage(incident.id, 1, 'breach', ['2026-12-01', '09:00'], 'auditor'),
        ForbiddenError,
      );
      // An IG officer granted one directorate handles that directorate's cases only.
      const placed = await f.triage(incident.id, 1, 'near-miss', ['2026-12-01', '09:00'], 'dpo', {
        directorateId: String(f.ctx.directorateId),
      });
      const elsewhere = (await f.ctx.services.signIn.principalFor(f.ctx.userIds.ig_officer))!;
      elsewhere.grants = [{ role: 'ig_officer', directorateId: f.ctx.directorateId + 1000 }];
      await assert.rejects(
        f.ctx.services.incidents.recordLessons(
          { principal: elsewhere, actor: actorOf(elsewhere) },
          incident.id,
          {
            version: placed.version,
            rootCause: 'x',
            lessons: 'y',
          },
        ),
        ForbiddenError,
      );
      const here = (await f.ctx.services.signIn.principalFor(f.ctx.userIds.ig_officer))!;
      here.grants = [{ role: 'ig_officer', directorateId: f.ctx.directorateId }];
      const reviewed = await f.ctx.services.incidents.recordLessons(
        { principal: here, actor: actorOf(here) },
        incident.id,
        { version: placed.version, rootCause: 'Autocomplete', lessons: 'Turned off' },
      );
      assert.ok(reviewed.lessonsReviewedAt);
    });
  });
}
