import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, signedInAgent, submitForm, type TestContext } from '../../../test/support/app.ts';
import { DATABASE_KINDS } from '../../../test/support/databases.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/errors.ts';
import { actorOf, type Caller } from '../../platform/web/request.ts';
import { activitySchema, riskSchema, screeningSchema } from './inputs.ts';

const screening = (overrides: Record<string, unknown> = {}) =>
  screeningSchema.parse({
    title: 'New care portal',
    wp248: ['sensitive-data', 'vulnerable-subjects'],
    ...overrides,
  });
const risk = (overrides: Record<string, unknown> = {}) =>
  riskSchema.parse({
    description: 'Care records seen by the wrong family member',
    likelihood: 'possible',
    severity: 'severe',
    measures: 'Two-step sign-in; proxy access checked by a social worker',
    effect: 'reduced',
    residualLikelihood: 'remote',
    residualSeverity: 'significant',
    actionOwner: 'Portal project manager',
    ...overrides,
  });

for (const kind of DATABASE_KINDS) {
  describe(`impact assessments from screening to sign-off (${kind})`, () => {
    let ctx: TestContext;
    const as = async (id: number): Promise<Caller> => {
      const principal = (await ctx.services.signIn.principalFor(id))!;
      return { principal, actor: actorOf(principal) };
    };
    let officer: Caller;
    let dpo: Caller;
    let owner: Caller;
    before(async () => {
      ctx = await createTestContext(kind);
      officer = await as(ctx.userIds.ig_officer);
      dpo = await as(ctx.userIds.dpo);
      owner = await as(ctx.userIds.asset_owner);
    });
    after(() => ctx.close());

    const write = async (id: number) => {
      for (const step of [1, 2, 4] as const)
        await ctx.services.dpias.saveSection(
          officer,
          { dpiaId: id, step },
          { text: `Step ${step}`, basedOn: 0 },
        );
    };
    const current = async (id: number) => ctx.services.dpias.find(id);

    it('keeps a screening that needs no assessment, with its reasons, and can go on to one anyway', async () => {
      const dpia = await ctx.services.dpias.screen(officer, screening({ wp248: [] }));
      assert.equal(dpia.status, 'screened-out');
      assert.equal(dpia.screeningOutcome, 'not-needed');
      await ctx.services.dpias.assessAnyway(officer, dpia);
      assert.equal((await current(dpia.id)).status, 'assessment');
    });

    it('goes from screening through the DPO’s advice to sign-off, refusing to skip a step', async () => {
      const dpia = await ctx.services.dpias.screen(officer, screening());
      assert.equal(dpia.screeningOutcome, 'required');
      await assert.rejects(
        ctx.services.dpias.submit(officer, dpia),
        (e: unknown) =>
          e instanceof ValidationError && /step 1/.test(e.message) && /at least one risk/.test(e.message),
      );
      await write(dpia.id);
      await ctx.services.dpias.saveRisk(officer, dpia.id, risk());
      let now = await current(dpia.id);
      assert.deepEqual(now.problems, []);
      assert.deepEqual(
        now.risks.map((r) => [r.inherent, r.residual]),
        [['high', 'low']],
      );
      await assert.rejects(
        ctx.services.dpias.signOff(owner, now, {
          adviceFollowed: 'yes',
          decision: 'approve',
          reviewOn: '2027-11-25',
        }),
        ValidationError,
      );
      await ctx.services.dpias.submit(officer, now);
      now = await current(dpia.id);
      await assert.rejects(ctx.services.dpias.advise(officer, now, 'Go ahead'), ForbiddenError);
      await ctx.services.dpias.advise(dpo, now, 'Proceed once proxy checks are in place');
      now = await current(dpia.id);
      await assert.rejects(
        ctx.services.dpias.signOff(dpo, now, {
          adviceFollowed: 'yes',
          decision: 'approve',
          reviewOn: '2027-11-25',
        }),
        ForbiddenError,
        'the DPO advises; someone else signs off',
      );
      const signed = await ctx.services.dpias.signOff(owner, now, {
        adviceFollowed: 'no',
        reason: 'Proxy checks are done by the portal supplier instead',
        decision: 'approve',
        reviewOn: '2027-11-25',
      });
      assert.equal(signed.status, 'approved');
      assert.equal(signed.adviceFollowed, false);
    });

    it('sends an assessment with high residual risk to the ICO, and signs it off when the ICO replies', async () => {
      const dpia = await ctx.services.dpias.screen(officer, screening({ title: 'Predictive risk model' }));
      await write(dpia.id);
      await ctx.services.dpias.saveRisk(
        officer,
        dpia.id,
        risk({ effect: 'accepted', residualLikelihood: 'probable', residualSeverity: 'severe' }),
      );
      await ctx.services.dpias.submit(officer, await current(dpia.id));
      await ctx.services.dpias.advise(dpo, await current(dpia.id), 'High risk remains: consult the ICO');
      const signed = await ctx.services.dpias.signOff(owner, await current(dpia.id), {
        adviceFollowed: 'yes',
        decision: 'approve',
        reviewOn: '2027-11-25',
      });
      assert.equal(signed.status, 'consultation');
      await ctx.services.dpias.recordConsultation(dpo, signed, {
        submittedOn: '2026-11-02',
        icoReference: 'RFA0123',
        extended: false,
      });
      assert.equal((await current(dpia.id)).replyDue, '2026-12-28');
      const withIco = await current(dpia.id);
      await assert.rejects(
        ctx.services.dpias.recordReply(dpo, withIco, {
          reply: 'Early',
          repliedOn: '2026-11-01',
          proceed: 'yes',
        }),
        ValidationError,
      );
      await ctx.services.dpias.recordReply(dpo, withIco, {
        reply: 'Proceed with the safeguards',
        repliedOn: '2026-11-20',
        proceed: 'yes',
      });
      assert.equal((await current(dpia.id)).status, 'approved');
    });

    it('tells the second of two people writing one step, and saves nothing over the first', async () => {
      const dpia = await ctx.services.dpias.screen(officer, screening({ title: 'Two writers' }));
      await ctx.services.dpias.saveSection(
        officer,
        { dpiaId: dpia.id, step: 2 },
        { text: 'First writer', basedOn: 0 },
      );
      await assert.rejects(
        ctx.services.dpias.saveSection(
          dpo,
          { dpiaId: dpia.id, step: 2 },
          { text: 'Second writer', basedOn: 0 },
        ),
        ConflictError,
      );
      const step = (await current(dpia.id)).steps.find((s) => s.step === 2)!;
      assert.equal(step.latest?.text, 'First writer');
      assert.equal(step.history.length, 1);
    });

    it('keeps a signed assessment in force until its new version is signed off, then replaces it', async () => {
      const [signed] = (await ctx.services.dpias.list()).filter(
        (d) => d.title === 'New care portal' && d.status === 'approved',
      );
      const next = await ctx.services.dpias.newVersion(officer, signed!.id);
      assert.equal(next.edition, 2);
      const copy = await current(next.id);
      assert.deepEqual(copy.problems, []);
      assert.equal((await current(signed!.id)).status, 'approved');
      await ctx.services.dpias.submit(officer, copy);
      await ctx.services.dpias.advise(dpo, await current(next.id), 'Still fine');
      await ctx.services.dpias.signOff(owner, await current(next.id), {
        adviceFollowed: 'yes',
        decision: 'approve',
        reviewOn: '2027-11-25',
      });
      assert.equal((await current(signed!.id)).status, 'superseded');
      assert.deepEqual(
        (await current(next.id)).history.map((h) => h.id),
        [signed!.id],
      );
    });

    it('asks for a new screening when what it was screened from changes materially', async () => {
      const activity = await ctx.services.register.saveActivity(
        officer,
        activitySchema.parse({
          name: 'Portal accounts',
          service: 'Adult social care',
          dataCategories: 'Contact details',
          nextReviewOn: '2027-06-30',
        }),
      );
      const dpia = await ctx.services.dpias.screen(
        officer,
        screening({ title: 'Portal accounts', activityId: String(activity.id) }),
      );
      assert.equal((await current(dpia.id)).source?.changed, false);
      await ctx.services.register.saveActivity(
        officer,
        activitySchema.parse({
          name: 'Portal accounts, renamed',
          service: 'Adult social care',
          dataCategories: 'Contact details',
          nextReviewOn: '2028-01-31',
        }),
        activity,
      );
      assert.equal(
        (await current(dpia.id)).source?.changed,
        false,
        'a new name and review date are not material',
      );
      const renamed = (await ctx.services.register.activities(officer.principal, { ids: [activity.id] }))[0]!;
      await ctx.services.register.saveActivity(
        officer,
        activitySchema.parse({
          name: 'Portal accounts',
          service: 'Adult social care',
          dataCategories: 'Contact details',
          specialCategories: ['Health'],
          nextReviewOn: '2027-06-30',
        }),
        renamed,
      );
      assert.equal((await current(dpia.id)).source?.changed, true);
    });

    it('answers a stale step with 409 and both texts, an unknown step with 404, and the DPO’s sign-off with 403', async () => {
      const dpia = await ctx.services.dpias.screen(officer, screening({ title: 'Over the web' }));
      await ctx.services.dpias.saveSection(
        officer,
        { dpiaId: dpia.id, step: 1 },
        { text: 'Saved first', basedOn: 0 },
      );
      const agent = await signedInAgent(ctx, 'ig.officer@test.example');
      const stale = await submitForm(
        agent,
        `/register/dpias/${dpia.id}`,
        `/register/dpias/${dpia.id}/steps/1`,
        {
          text: 'Written from an old copy',
          basedOn: '0',
        },
      );
      assert.equal(stale.status, 409);
      assert.match(stale.text, /Someone else saved this step/);
      assert.match(stale.text, /Saved first/);
      assert.match(stale.text, /Written from an old copy/);
      assert.equal((await agent.get(`/register/dpias/${dpia.id}/steps/5`)).status, 404);
      const pdf = await agent.get(`/register/dpias/${dpia.id}/export`).responseType('blob');
      assert.equal((pdf.body as Buffer).subarray(0, 5).toString(), '%PDF-');
      const dpoAgent = await signedInAgent(ctx, 'dpo@test.example');
      const refused = await submitForm(
        dpoAgent,
        `/register/dpias/${dpia.id}`,
        `/register/dpias/${dpia.id}/sign-off`,
        {
          adviceFollowed: 'yes',
          decision: 'approve',
        },
      );
      assert.equal(refused.status, 403);
    });
  });
}
