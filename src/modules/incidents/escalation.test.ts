import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { emailFor } from '../../../test/support/app.ts';
import { DATABASE_KINDS } from '../../../test/support/databases.ts';
import { incidentAssessment, incidentsFixture } from '../../../test/support/incidents.ts';

for (const kind of DATABASE_KINDS) {
  describe(`incident escalation and reminders (${kind})`, () => {
    const f = incidentsFixture(kind);

    it('escalates on an injected clock: four working hours untriaged, 48 and 24 hours left, the deputy on the rota', async () => {
      // Friday 4 December 2026, 16:00: four working hours run out at 12:00 on Monday.
      f.ctx.clock.set(new Date('2026-12-04T16:00:00Z'));
      const incident = await f.reportAsStaff({
        discoveredOn: '2026-12-04',
        occurredOn: '',
        occurredTime: '',
        discoveredTime: '15:00',
      });
      const dpoMail = async () =>
        (await f.mailTo('dpo')).filter((m) => m.subject.includes(incident.reference));
      const igMail = async () =>
        (await f.mailTo('ig_officer')).filter((m) => m.subject.includes(incident.reference));
      const before = (await dpoMail()).length;
      f.ctx.clock.set(new Date('2026-12-07T11:59:00Z'));
      await f.ctx.services.incidentJobs.escalate();
      assert.equal((await dpoMail()).length, before, 'not yet: three hours fifty-nine working');
      f.ctx.clock.set(new Date('2026-12-07T12:00:00Z'));
      await f.ctx.services.incidentJobs.escalate();
      await f.ctx.services.incidentJobs.escalate();
      const untriaged = (await dpoMail()).filter((m) => m.subject.startsWith('Not yet triaged'));
      assert.equal(untriaged.length, 1, 'once, however often the job runs');

      await f.ctx.services.incidents.addRota(f.callers.dpo, {
        deputyEmail: emailFor('ig_officer'),
        startsOn: '2026-12-07',
        endsOn: '2026-12-10',
      });
      f.ctx.clock.set(new Date('2026-12-07T12:45:00Z'));
      const triaged = await f.triage(incident.id, incident.version, 'breach', ['2026-12-07', '12:30']);
      const stage = async (at: string) => {
        f.ctx.clock.set(new Date(at));
        await f.ctx.services.incidentJobs.escalate();
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
      const assessed = await f.ctx.services.incidents.assess(
        f.callers.ig,
        incident.id,
        incidentAssessment(triaged.version),
      );
      const decided = await f.ctx.services.incidents.decideIco(f.callers.ig, incident.id, {
        version: assessed.version,
        decision: 'do-not-report',
        reason: 'Recipient deleted it unread',
      });
      assert.equal(decided.icoDecision, 'do-not-report');
    });

    it('reminds owners of due actions once a day', async () => {
      f.ctx.clock.set(new Date('2026-12-14T09:00:00Z'));
      const incident = await f.reportAsStaff({
        discoveredOn: '2026-12-14',
        discoveredTime: '08:00',
        occurredOn: '',
        occurredTime: '',
      });
      const triaged = await f.triage(incident.id, incident.version, 'near-miss', ['2026-12-14', '08:30']);
      await f.ctx.services.incidents.addAction(f.callers.ig, triaged.id, {
        kind: 'prevention',
        description: 'Delay-send rule',
        ownerEmail: emailFor('dpo'),
        dueOn: '2026-12-15',
      });
      assert.equal((await f.ctx.services.incidentJobs.remindActions()).reminded, 0);
      f.ctx.clock.set(new Date('2026-12-15T08:00:00Z'));
      assert.equal((await f.ctx.services.incidentJobs.remindActions()).reminded, 1);
      assert.equal((await f.ctx.services.incidentJobs.remindActions()).reminded, 0);
      f.ctx.clock.set(new Date('2026-12-16T08:00:00Z'));
      assert.equal((await f.ctx.services.incidentJobs.remindActions()).reminded, 1);
    });
  });
}
