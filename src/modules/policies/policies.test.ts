import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  createTestContext,
  emailFor,
  signedInAgent,
  submitForm,
  type TestContext,
} from '../../../test/support/app.ts';
import { DATABASE_KINDS } from '../../../test/support/databases.ts';
import { hrFile } from '../../../test/support/staff.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { outbox } from '../../platform/mail/schema.ts';
import { ForbiddenError } from '../../platform/errors.ts';
import type { Caller } from '../../platform/web/request.ts';
import { actorOf } from '../../platform/web/request.ts';
import type { Role } from '../../platform/authz/roles.ts';
import { policyInput, versionInput } from '../../../test/support/policies.ts';

const POLICY = policyInput();
const VERSION = versionInput({ quiz: 'Who do you tell about a breach? | No one | *The IG team' });

for (const kind of DATABASE_KINDS) {
  describe(`policies (${kind})`, () => {
    let ctx: TestContext;
    const callers = {} as Record<Role, Caller>;
    let policyId: number;
    const at = (day: string) => ctx.clock.set(new Date(`${day}T10:00:00Z`));
    const mailSince = async (count: number) => (await ctx.database.db.orm.select().from(outbox)).slice(count);
    const mailCount = async () => (await ctx.database.db.orm.select().from(outbox)).length;

    before(async () => {
      ctx = await createTestContext(kind);
      for (const [role, id] of Object.entries(ctx.userIds)) {
        const principal = (await ctx.services.signIn.principalFor(id))!;
        callers[role as Role] = { principal, actor: actorOf(principal) };
      }
      await ctx.services.staff.import(
        systemActor('Test'),
        {
          name: 'hr.csv',
          bytes: hrFile([
            { employee_id: 'M1', name: 'Manager', email: emailFor('records_manager') },
            {
              employee_id: 'S1',
              name: 'Staff Member',
              email: emailFor('staff'),
              line_manager_email: emailFor('records_manager'),
            },
            {
              employee_id: 'A1',
              name: 'Agency Worker',
              worker_type: 'agency',
              line_manager_email: emailFor('records_manager'),
            },
            { employee_id: 'P1', name: 'Place Person', email: 'place@test.example', directorate: 'Place' },
          ]),
        },
        { dryRun: false },
      );
    });
    after(() => ctx.close());

    it('takes a policy from draft through approval by its approver alone to publication, asking its audience', async () => {
      at('2026-11-02');
      const policy = await ctx.services.policies.create(callers.ig_officer, POLICY);
      policyId = policy.id;
      await assert.rejects(
        ctx.services.policies.create(callers.staff, POLICY),
        (e) => e instanceof ForbiddenError,
      );
      const draft = await ctx.services.policies.addVersion(callers.ig_officer, policyId, VERSION);
      assert.deepEqual([draft.major, draft.minor, draft.status], [1, 0, 'draft']);
      await assert.rejects(
        ctx.services.policies.addVersion(callers.ig_officer, policyId, VERSION),
        /waiting to be published/,
      );
      await assert.rejects(
        ctx.services.policies.approve(callers.ig_officer, policyId, draft.id),
        /Only the policy’s approver/,
      );
      await assert.rejects(
        ctx.services.policies.publish(callers.ig_officer, policyId, draft.id),
        /Only an approved version/,
      );
      await ctx.services.policies.approve(callers.dpo, policyId, draft.id);
      await assert.rejects(
        ctx.services.policies.publish(callers.staff, policyId, draft.id),
        /Only the policy’s owner/,
      );
      const before = await mailCount();
      const { asked } = await ctx.services.policies.publish(callers.ig_officer, policyId, draft.id);
      assert.equal(asked, 4);
      const letters = await mailSince(before);
      assert.deepEqual(
        letters.map((m) => m.toAddress).sort(),
        ['place@test.example', emailFor('records_manager'), emailFor('staff')],
        'everyone in the audience with an address',
      );
      const [standing] = (await ctx.services.policies.standings()).filter((s) => s.policy.id === policyId);
      assert.deepEqual(standing!.coverage, { audience: 4, acknowledged: 0, percent: 0 });
      assert.deepEqual(standing!.review, { kind: 'scheduled', on: '2027-11-02' });
    });

    it('records an acknowledgement only with the box ticked and the quiz passed, once', async () => {
      const current = (await ctx.services.policies.policy(policyId)).versions[0]!;
      const ack = (answers: (number | null)[], confirmed = true) =>
        ctx.services.policies.acknowledge(callers.staff, {
          policyId,
          versionId: current.id,
          confirmed,
          answers,
        });
      await assert.rejects(ack([1], false), /Confirm that you have read it/);
      await assert.rejects(ack([0]), /You scored 0%; the pass mark is 100%/);
      assert.deepEqual(await ack([1]), { recorded: true, score: 100 });
      assert.deepEqual((await ack([1])).recorded, false);
      await assert.rejects(
        ctx.services.policies.acknowledge(callers.auditor, {
          policyId,
          versionId: current.id,
          confirmed: true,
          answers: [1],
        }),
        /HR has no record of you/,
      );
      const [standing] = (await ctx.services.policies.standings()).filter((s) => s.policy.id === policyId);
      assert.equal(standing!.coverage.acknowledged, 1);
    });

    it('asks nobody again for a minor version, everyone again for a material one, and refuses a superseded one', async () => {
      const asked = async () => {
        const v = await ctx.services.policies.addVersion(callers.ig_officer, policyId, {
          ...VERSION,
          material: false,
          changeSummary: 'A phone number',
          quiz: '',
        });
        await ctx.services.policies.approve(callers.dpo, policyId, v.id);
        return { v, ...(await ctx.services.policies.publish(callers.ig_officer, policyId, v.id)) };
      };
      const minor = await asked();
      assert.deepEqual([minor.v.major, minor.v.minor, minor.asked], [1, 1, 0]);
      const standing = async () =>
        (await ctx.services.policies.standings()).find((s) => s.policy.id === policyId)!;
      assert.equal((await standing()).coverage.acknowledged, 1, 'still up to date after a minor change');
      const material = await ctx.services.policies.addVersion(callers.ig_officer, policyId, {
        ...VERSION,
        changeSummary: 'Rewritten',
      });
      await ctx.services.policies.approve(callers.dpo, policyId, material.id);
      await ctx.services.policies.publish(callers.ig_officer, policyId, material.id);
      assert.deepEqual([material.major, material.minor], [2, 0]);
      assert.equal((await standing()).coverage.acknowledged, 0, 'a material change asks everyone again');
      await assert.rejects(
        ctx.services.policies.acknowledge(callers.staff, {
          policyId,
          versionId: minor.v.id,
          confirmed: true,
          answers: [1],
        }),
        /Version 1.1 has been replaced by a newer one/,
      );
    });

    it('reminds after a week and weekly, tells line managers after three weeks, and leaves out the excused', async () => {
      at('2026-11-05');
      assert.deepEqual(await ctx.services.policies.remind(), { reminded: 0, escalated: 0 }, 'not a week yet');
      await ctx.services.policies.grantException(callers.dpo, policyId, {
        person: 'P1',
        reason: 'Long-term leave',
        expiresOn: '2027-01-31',
      });
      at('2026-11-09');
      const before = await mailCount();
      assert.deepEqual(await ctx.services.policies.remind(), { reminded: 3, escalated: 0 });
      const letters = await mailSince(before);
      assert.deepEqual(
        letters.map((m) => m.toAddress).sort(),
        [emailFor('records_manager'), emailFor('staff')],
        'the agency worker has no address; the excused are left alone',
      );
      assert.deepEqual(await ctx.services.policies.remind(), { reminded: 0, escalated: 0 }, 'once a week');
      at('2026-11-23');
      const later = await mailCount();
      const round = await ctx.services.policies.remind();
      assert.equal(round.escalated, 2, 'the staff member and the agency worker have a line manager');
      const escalations = (await mailSince(later)).filter((m) => /has not acknowledged/.test(m.subject));
      assert.deepEqual(
        escalations.map((m) => m.toAddress),
        [emailFor('records_manager'), emailFor('records_manager')],
      );
      const [standing] = (await ctx.services.policies.standings()).filter((s) => s.policy.id === policyId);
      assert.equal(standing!.excused, 1);
      assert.equal(standing!.coverage.audience, 3);
    });

    it('shows reviews due to the owner, records a review, and lists public policies for anyone', async () => {
      at('2027-10-20');
      const owner = await signedInAgent(ctx, emailFor('ig_officer'));
      assert.match(
        (await owner.get('/')).text,
        /<strong>1<\/strong> of your policies is due for review within 30 days/,
      );
      assert.equal(
        (await (await signedInAgent(ctx, emailFor('staff'))).get(`/policies/${policyId}/review`)).status,
        403,
      );
      const reviewed = await submitForm(
        owner,
        `/policies/${policyId}/review`,
        `/policies/${policyId}/review`,
        {},
      );
      assert.equal(reviewed.status, 303);
      const [standing] = (await ctx.services.policies.standings()).filter((s) => s.policy.id === policyId);
      assert.deepEqual(standing!.review, { kind: 'scheduled', on: '2028-10-20' });
      const anonymous = await (await import('supertest')).default(ctx.app).get('/our-policies');
      assert.equal(anonymous.status, 200);
      assert.match(anonymous.text, /Data protection policy/);
      at('2026-11-25');
    });

    it('lets a member of staff read and acknowledge through the pages, and keeps drafts from them', async () => {
      const staff = await signedInAgent(ctx, emailFor('staff'));
      const list = await staff.get('/policies');
      assert.match(list.text, /Read and acknowledge/);
      assert.doesNotMatch(list.text, /The library/);
      assert.equal((await staff.get(`/policies/${policyId}`)).headers.location, `/policies/${policyId}/read`);
      const page = await staff.get(`/policies/${policyId}/read`);
      const versionId = /name="versionId" value="(\d+)"/.exec(page.text)![1]!;
      const wrong = await submitForm(
        staff,
        `/policies/${policyId}/read`,
        `/policies/${policyId}/acknowledge`,
        { versionId, q0: '0', confirmed: 'yes' },
      );
      assert.equal(wrong.status, 400);
      assert.match(wrong.text, /You scored 0%/);
      const right = await submitForm(
        staff,
        `/policies/${policyId}/read`,
        `/policies/${policyId}/acknowledge`,
        { versionId, q0: '1', confirmed: 'yes' },
      );
      assert.equal(right.status, 303);
      assert.match((await staff.get('/policies')).text, /Acknowledged/);
      // Their IG record, for an appraisal: the policy and its acknowledgement with the quiz score.
      const record = await staff.get('/training/me.csv');
      assert.match(record.text, /Policy,\d+,Data protection policy,Acknowledged/);
      assert.match(
        record.text,
        /Policy acknowledged,\d+,Data protection policy 2\.0,Acknowledged,\d{4}-\d{2}-\d{2},100,/,
      );
      const draft = await ctx.services.policies.addVersion(callers.ig_officer, policyId, {
        ...VERSION,
        changeSummary: 'Next',
      });
      assert.equal((await staff.get(`/policies/${policyId}/versions/${draft.id}`)).status, 403);
      assert.equal((await staff.get(`/policies/${policyId}/versions/new`)).status, 403);
      const ig = await signedInAgent(ctx, emailFor('ig_officer'));
      assert.equal((await ig.get(`/policies/${policyId}/versions/${draft.id}`)).status, 200);
      const upload = await ig.get(`/policies/${policyId}/versions/new`);
      assert.equal(upload.status, 200);
    });

    it('stores an uploaded PDF as the version’s document and refuses other files', async () => {
      const other = await ctx.services.policies.create(callers.dpo, {
        ...POLICY,
        title: 'Clear desk standard',
        kind: 'standard',
      });
      const ig = await signedInAgent(ctx, emailFor('dpo'));
      const form = await ig.get(`/policies/${other.id}/versions/new`);
      const action = /action="(\/policies\/\d+\/versions\?_csrf=[^"]+)"/
        .exec(form.text)![1]!
        .replace(/&amp;/g, '&');
      const fields = { material: 'yes', changeSummary: 'First issue', passMark: '80' };
      const text = await ig.post(action).field(fields).attach('file', Buffer.from('just text'), 'policy.txt');
      assert.equal(text.status, 400);
      assert.match(text.text, /must be a PDF or a Word \(DOCX\) file/);
      const none = await ig.post(action).field(fields);
      assert.match(none.text, /Upload the document or write it in the page/);
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
      await assert.rejects(
        ctx.services.policies.addVersion(callers.staff, other.id, VERSION, { name: 'x.pdf', bytes: pdf }),
        (e) => e instanceof ForbiddenError,
      );
      assert.equal(
        await ctx.services.files.has(createHash('sha256').update(pdf).digest('hex')),
        false,
        'nothing kept',
      );
      const saved = await ig.post(action).field(fields).attach('file', pdf, 'clear-desk.pdf');
      assert.equal(saved.status, 303);
      const version = (await ctx.services.policies.policy(other.id)).versions[0]!;
      const download = await ig.get(`/policies/${other.id}/versions/${version.id}/document`);
      assert.equal(download.headers['content-type'], 'application/pdf');
      assert.match(download.headers['content-disposition']!, /attachment; filename="clear-desk.pdf"/);
    });
  });
}
