import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { signedInAgent, submitForm, emailFor } from '../../../test/support/app.ts';
import { DATABASE_KINDS } from '../../../test/support/databases.ts';
import { incidentAssessment, incidentsFixture } from '../../../test/support/incidents.ts';
import { outbox } from '../../platform/mail/schema.ts';
import { hrFile } from '../../../test/support/staff.ts';
import { courseInput } from '../../../test/support/training.ts';

for (const kind of DATABASE_KINDS) {
  describe(`incident pages (${kind})`, () => {
    const f = incidentsFixture(kind);

    it('takes reports through the pages: nothing saved from a bad form, everything typed shown again', async () => {
      f.ctx.clock.set(new Date('2026-12-02T10:00:00Z'));
      const staff = await signedInAgent(f.ctx, emailFor('staff'));
      const count = async () => (await f.ctx.services.incidents.list(f.callers.dpo.principal, {}, 1)).total;
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

      const anonymous = (await import('supertest')).default.agent(f.ctx.app);
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
      const ack = await f.ctx.database.db.orm
        .select()
        .from(outbox)
        .where(eq(outbox.toAddress, 'resident@example.com'));
      assert.equal(ack.length, 1);

      const dpo = await signedInAgent(f.ctx, emailFor('dpo'));
      for (const path of ['/incidents', '/incidents/trends', '/incidents/rota'])
        assert.equal((await dpo.get(path)).status, 200, path);
      const csv = await dpo.get('/incidents/trends.csv');
      assert.match(csv.text, /^\uFEFFMonth,Incidents,Personal-data breaches,Near misses,Reported to the ICO/);
      const breach = await f.reportAsStaff({ discoveredOn: '2026-12-02', occurredOn: '2026-12-01' });
      await f.triage(breach.id, 1, 'breach', ['2026-12-02', '09:30']);
      await f.ctx.services.incidents.assess(
        f.callers.ig,
        breach.id,
        incidentAssessment(2, {
          enisaDataContext: 'financial',
          enisaAdjustment: 'none',
          enisaIdentification: 'significant',
          enisaConfidentiality: 'serious',
          enisaIntegrity: 'none',
          enisaAvailability: 'none',
        }),
      );
      const casePage = await dpo.get(`/incidents/${breach.id}`);
      assert.match(casePage.text, /2\.75 \(medium\)/);
      assert.match(casePage.text, /high risk/);
      const page = await dpo.get(`/incidents/${breach.id}/ico-report`);
      assert.match(page.text, /6\. About you/);
      const pdf = await dpo.get(`/incidents/${breach.id}/ico-report.pdf`);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.body.subarray(0, 5).toString(), '%PDF-');
    });
    it('shows the training records of the staff involved beside the officer’s answer', async () => {
      const actor = f.callers.dpo.actor;
      await f.ctx.services.staff.import(
        actor,
        {
          name: 'hr.csv',
          bytes: hrFile([{ employee_id: 'S1', name: 'Sam Staff', email: emailFor('staff') }]),
        },
        { dryRun: false },
      );
      const course = await f.ctx.services.training.addCourse(actor, courseInput());
      await f.ctx.services.training.recordCompletion(actor, {
        person: 'S1',
        courseId: course.id,
        status: 'passed',
        completedOn: '2026-03-01',
        evidence: 'Certificate',
      });
      const incident = await f.reportAsStaff();
      const triaged = await f.triage(incident.id, incident.version, 'breach', ['2026-12-02', '09:00']);
      await f.ctx.services.incidents.assess(
        f.callers.ig,
        incident.id,
        incidentAssessment(triaged.version, { staffEmails: emailFor('staff') }),
      );
      const ig = await signedInAgent(f.ctx, emailFor('ig_officer'));
      const page = await ig.get(`/incidents/${incident.id}`);
      assert.match(page.text, /From Custodian’s training records/);
      assert.match(page.text, /Sam Staff: Data protection: Up to date until 28 February 2027/);
      assert.match(
        (await ig.get(`/incidents/${incident.id}/assess`)).text,
        /From Custodian’s training records/,
      );
    });
  });
}
