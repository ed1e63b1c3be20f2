import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type TestAgent from 'supertest/lib/agent.js';
import {
  createTestContext,
  csrfFrom,
  emailFor,
  formBody,
  PASSWORD,
  signedInAgent,
  type TestContext,
} from '../../../test/support/app.ts';
import { DATABASE_KINDS } from '../../../test/support/databases.ts';
import { createCase } from '../../../test/support/factories.ts';
import { systemActor } from '../../platform/audit/service.ts';
import type { RequestCase } from './service.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

for (const kind of DATABASE_KINDS) {
  describe(`who may change a case, on ${kind}`, () => {
    let ctx: TestContext;
    let otherDirectorate: number;
    const setup = systemActor('Test setup');

    before(async () => {
      ctx = await createTestContext(kind);
      otherDirectorate = await ctx.services.organisation.createDirectorate(setup, 'Place');
      await ctx.services.users.create(setup, {
        email: 'scoped.officer@test.example',
        displayName: 'Scoped officer',
        password: PASSWORD,
        grants: [{ role: 'requests_officer', directorateId: ctx.directorateId }],
        teamIds: [],
      });
    });
    after(() => ctx.close());

    /** Moves a case along with the service, as the officer and DPO would. */
    async function toApproval(overrides: Parameters<typeof createCase>[1] = {}): Promise<RequestCase> {
      const officer = await ctx.services.signIn.principalFor(ctx.userIds.requests_officer);
      const actor = { type: 'user' as const, id: String(officer!.id), label: officer!.label };
      let c = await createCase(ctx, { pressInterest: true, ...overrides });
      c = await ctx.services.requests.act({ principal: officer!, actor }, c.id, c.version, 'allocate', {
        directorateId: ctx.directorateId,
      });
      c = await ctx.services.requests.act(
        { principal: officer!, actor },
        c.id,
        c.version,
        'submit-for-approval',
        {
          outcome: 'granted',
          responseText: 'Here is the information.',
          purposes: 'Housing.',
          recipients: 'The housing team.',
          retention: 'Six years.',
          source: 'You.',
        },
      );
      return c;
    }

    const post = async (
      agent: TestAgent,
      c: RequestCase,
      action: string,
      fields: Record<string, string> = {},
    ) => {
      const page = await agent.get('/');
      return agent
        .post(`/requests/${c.id}/actions/${action}`)
        .type('form')
        .send(formBody({ _csrf: csrfFrom(page.text), version: String(c.version), ...fields }));
    };

    it('refuses an auditor every change to a case with 403, and changes nothing', async () => {
      const auditor = await signedInAgent(ctx, emailFor('auditor'));
      const c = await toApproval();
      for (const action of ['record-press-sight', 'approve', 'return-for-redraft', 'close', 'allocate']) {
        const res = await post(auditor, c, action, { note: 'x', directorateId: String(ctx.directorateId) });
        assert.equal(res.status, 403, action);
      }
      const after = await ctx.services.requests.find(c.id);
      assert.equal(after!.version, c.version);
      assert.equal(after!.pressSightBy, null);
    });

    it('refuses an IG officer approving a subject access response with 403, not a form error', async () => {
      const ig = await signedInAgent(ctx, emailFor('ig_officer'));
      const c = await toApproval({ type: 'sar', pressInterest: false });
      const res = await post(ig, c, 'approve');
      assert.equal(res.status, 403);
      assert.equal((await ctx.services.requests.find(c.id))!.status, 'approval');
      const dpo = await signedInAgent(ctx, emailFor('dpo'));
      assert.equal((await post(dpo, c, 'approve')).status, 303);
    });

    it('refuses a requests officer the approval routes at the door', async () => {
      const officer = await signedInAgent(ctx, emailFor('requests_officer'));
      const c = await toApproval({ pressInterest: false });
      assert.equal((await post(officer, c, 'approve')).status, 403);
      assert.equal((await post(officer, c, 'return-for-redraft', { note: 'no' })).status, 403);
    });

    it('tells a scoped officer nothing about cases outside their directorates when allocating in bulk', async () => {
      const scoped = await signedInAgent(ctx, 'scoped.officer@test.example');
      const mine = await createCase(ctx);
      const elsewhere = await createCase(ctx);
      const officer = await ctx.services.signIn.principalFor(ctx.userIds.requests_officer);
      await ctx.services.requests.act(
        { principal: officer!, actor: setup },
        elsewhere.id,
        elsewhere.version,
        'allocate',
        {
          directorateId: otherDirectorate,
        },
      );
      // The scoped officer can see only cases allocated to their directorate: put one there first.
      await ctx.services.requests.act(
        { principal: officer!, actor: setup },
        mine.id,
        mine.version,
        'allocate',
        {
          directorateId: ctx.directorateId,
        },
      );
      const page = await scoped.get('/requests');
      const res = await scoped
        .post('/requests/allocate')
        .type('form')
        .send(
          formBody({
            _csrf: csrfFrom(page.text),
            caseIds: [String(mine.id), String(elsewhere.id), '2147483647'],
            directorateId: String(ctx.directorateId),
          }),
        );
      assert.equal(res.status, 303);
      const list = await scoped.get('/requests');
      assert.match(list.text, /1 case allocated/);
      assert.ok(!list.text.includes(elsewhere.reference), 'the other directorate’s case is not named');
      assert.doesNotMatch(list.text, /No such case/);
      assert.equal((await ctx.services.requests.find(elsewhere.id))!.directorateId, otherDirectorate);
    });

    it('records every download of a case file in the audit trail, like a view of the case', async () => {
      const officer = await signedInAgent(ctx, emailFor('requests_officer'));
      const c = await createCase(ctx, { type: 'sar' });
      const principal = await ctx.services.signIn.principalFor(ctx.userIds.requests_officer);
      const fileId = await ctx.services.attachments.add(
        { principal: principal!, actor: setup },
        c.id,
        { buffer: PDF, originalname: 'medical-records.pdf' },
        false,
      );
      const res = await officer.get(`/requests/${c.id}/files/${fileId}`);
      assert.equal(res.status, 200);
      const events = await ctx.services.audit.search(
        { entityType: 'request-case', entityId: String(c.id), action: 'request.file-downloaded' },
        { limit: 10, offset: 0 },
      );
      assert.equal(events.rows.length, 1);
      assert.equal(events.rows[0]!.actorId, String(ctx.userIds.requests_officer));
      assert.deepEqual(events.rows[0]!.details, { attachmentId: fileId });
    });
  });
}
