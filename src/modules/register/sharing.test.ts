import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import supertest from 'supertest';
import { createTestContext, signedInAgent, submitForm, type TestContext } from '../../../test/support/app.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { DATABASE_KINDS } from '../../../test/support/databases.ts';
import { ForbiddenError, ValidationError } from '../../platform/errors.ts';
import { actorOf, type Caller } from '../../platform/web/request.ts';
import { activitySchema, agreementSchema, type AgreementInput } from './inputs.ts';

const agreementInput = (overrides: Record<string, unknown> = {}): AgreementInput =>
  agreementSchema.parse({
    title: 'Safeguarding with the police',
    tier: 'agreement',
    purpose: 'Sharing safeguarding concerns',
    gateways: ['cda-1998-s115', 'care-2014-s45'],
    startsOn: '2026-01-01',
    reviewOn: '2027-01-01',
    ...overrides,
  });

const noticeActivity = (overrides: Record<string, unknown> = {}) =>
  activitySchema.parse({
    name: 'Collecting council tax',
    service: 'Council tax',
    purposes: 'Billing and collecting council tax',
    article6: 'c',
    article6Justification: 'Local Government Finance Act 1992',
    dataSubjects: 'Council taxpayers',
    dataCategories: 'Contact details',
    externalRecipients: 'Enforcement agents',
    retention: 'Six years after the account closes',
    securityMeasures: 'Role-based access',
    source: 'You',
    nextReviewOn: '2027-06-30',
    ...overrides,
  });

for (const kind of DATABASE_KINDS) {
  describe(`information-sharing agreements and privacy notices (${kind})`, () => {
    let ctx: TestContext;
    let dpo: Caller;
    let auditor: Caller;
    let activityId: number;
    before(async () => {
      ctx = await createTestContext(kind);
      const as = async (id: number) => {
        const principal = (await ctx.services.signIn.principalFor(id))!;
        return { principal, actor: actorOf(principal) };
      };
      dpo = await as(ctx.userIds.dpo);
      auditor = await as(ctx.userIds.auditor);
      const activity = await ctx.services.register.saveActivity(
        dpo,
        activitySchema.parse({
          name: 'Adult safeguarding',
          service: 'Adult safeguarding',
          externalRecipients: 'Kingsmere Police\nCare providers',
          internalRecipients: 'Safeguarding team',
          nextReviewOn: '2027-06-30',
        }),
      );
      activityId = activity.id;
    });
    after(() => ctx.close());

    const uncovered = async () =>
      (await ctx.services.sharing.gaps()).uncovered.map((u) => `${u.activityId} ${u.organisation}`).sort();

    it('counts sharing as covered only once every party has signed an agreement naming the organisation', async () => {
      assert.deepEqual(await uncovered(), [`${activityId} Care providers`, `${activityId} Kingsmere Police`]);
      const agreement = await ctx.services.sharing.save(dpo, agreementInput({ activityIds: [activityId] }));
      const council = await ctx.services.sharing.addParty(dpo, agreement.id, {
        organisation: 'Test Borough Council',
        role: 'lead',
        article6: 'e',
        article10: false,
      });
      const police = await ctx.services.sharing.addParty(dpo, agreement.id, {
        organisation: 'Kingsmere Police',
        role: 'partner',
        article6: 'e',
        article10: true,
      });
      await ctx.services.sharing.sign(dpo, council, { signatory: 'Chief executive', signedOn: '2025-12-20' });
      assert.equal((await ctx.services.sharing.agreement(agreement.id)).status, 'draft');
      assert.equal(
        (await ctx.services.sharing.gaps()).uncovered.find((u) => u.organisation === 'Kingsmere Police')
          ?.notInForce[0]?.id,
        agreement.id,
      );
      await ctx.services.sharing.sign(dpo, police, { signatory: 'Chief constable', signedOn: '2025-12-21' });
      assert.equal((await ctx.services.sharing.agreement(agreement.id)).status, 'in-force');
      assert.deepEqual(await uncovered(), [`${activityId} Care providers`]);

      await ctx.services.sharing.terminate(dpo, agreement, {
        terminatedOn: '2026-11-25',
        reason: 'Replaced',
      });
      assert.equal((await ctx.services.sharing.agreement(agreement.id)).status, 'terminated');
      assert.deepEqual(await uncovered(), [`${activityId} Care providers`, `${activityId} Kingsmere Police`]);
    });

    it('refuses a party twice, a signature dated in the future, and changes by those who may only read', async () => {
      const agreement = await ctx.services.sharing.save(dpo, agreementInput({ title: 'Care providers' }));
      const party = await ctx.services.sharing.addParty(dpo, agreement.id, {
        organisation: 'Care providers',
        role: 'processor',
        article10: false,
      });
      await assert.rejects(
        ctx.services.sharing.addParty(dpo, agreement.id, {
          organisation: 'care providers',
          role: 'partner',
          article10: false,
        }),
        ValidationError,
      );
      await assert.rejects(
        ctx.services.sharing.sign(dpo, party, { signatory: 'Director', signedOn: '2026-11-26' }),
        (e: unknown) => e instanceof ValidationError && /today or in the past/.test(e.message),
      );
      await assert.rejects(ctx.services.sharing.save(auditor, agreementInput()), ForbiddenError);
      await ctx.services.sharing.removeParty(dpo, party);
      assert.deepEqual((await ctx.services.sharing.agreement(agreement.id)).parties, []);
    });

    it('puts a purpose-specific agreement only under a protocol, and never ending before it starts', async () => {
      const plain = await ctx.services.sharing.save(dpo, agreementInput({ title: 'Not a protocol' }));
      await assert.rejects(
        ctx.services.sharing.save(dpo, agreementInput({ parentId: String(plain.id) })),
        (e: unknown) => e instanceof ValidationError && 'parentId' in (e.fields ?? {}),
      );
      const agent = await signedInAgent(ctx, 'dpo@test.example');
      const res = await submitForm(agent, '/register/sharing/new', '/register/sharing', {
        title: 'Backwards',
        tier: 'agreement',
        purpose: 'Testing',
        'startsOn-day': '1',
        'startsOn-month': '6',
        'startsOn-year': '2026',
        'endsOn-day': '31',
        'endsOn-month': '5',
        'endsOn-year': '2026',
        'reviewOn-day': '1',
        'reviewOn-month': '6',
        'reviewOn-year': '2027',
      });
      assert.equal(res.status, 400);
      assert.match(res.text, /The end date must be on or after the start date/);
      assert.match(res.text, /value="Backwards"/);
    });

    // Privacy notices: after the sharing tests, whose gaps they would otherwise add to.
    it('will not publish a notice that lacks what Articles 13 and 14 ask for, and says what', async () => {
      const saved = await ctx.services.register.saveActivity(dpo, noticeActivity({ retention: '' }));
      await assert.rejects(
        ctx.services.notices.publish(dpo.actor, 'Council tax', {
          changeSummary: 'First',
          publishRecord: false,
        }),
        (e: unknown) =>
          e instanceof ValidationError &&
          /controller/.test(e.message) &&
          /how long it is kept/.test(e.message),
      );
      await ctx.services.register.saveController(systemActor('Test'), {
        address: 'Town Hall',
        email: 'dp@test.example',
        dpoName: 'The DPO',
        dpoEmail: 'dpo@test.example',
        icoRegistration: 'Z123',
      });
      await ctx.services.register.saveActivity(dpo, noticeActivity(), saved);
      const { version } = await ctx.services.notices.publish(dpo.actor, 'Council tax', {
        changeSummary: 'First published',
        publishRecord: false,
      });
      assert.equal(version, 1);
    });

    it('shows the published version to the public without sign-in, and the record only where chosen', async () => {
      const anonymous = supertest(ctx.app);
      const index = await anonymous.get('/privacy');
      assert.equal(index.status, 200);
      assert.match(index.text, /href="\/privacy\/council-tax"/);
      const page = await anonymous.get('/privacy/council-tax');
      assert.equal(page.status, 200);
      assert.match(page.text, /Enforcement agents/);
      assert.match(page.text, /Wilmslow/);
      assert.match(page.text, /Version 1, published 25 November 2026/);
      assert.equal((await anonymous.get('/privacy/council-tax/processing')).status, 404);
      assert.equal((await anonymous.get('/privacy/no-such-service')).status, 404);
      assert.equal((await anonymous.get('/privacy/%3Cscript%3E')).status, 404);
    });

    it('keeps the published words until a new version is published, and every version after it', async () => {
      const [saved] = await ctx.services.register.activities(dpo.principal, { service: 'Council tax' });
      await ctx.services.register.saveActivity(
        dpo,
        noticeActivity({ externalRecipients: 'Valuation Office Agency' }),
        saved!,
      );
      const listed = (await ctx.services.notices.list()).find((n) => n.service === 'Council tax')!;
      assert.equal(listed.changed, true);
      assert.doesNotMatch(
        (await supertest(ctx.app).get('/privacy/council-tax')).text,
        /Valuation Office Agency/,
      );
      await ctx.services.notices.publish(dpo.actor, 'Council tax', {
        changeSummary: 'Sharing with the VOA',
        publishRecord: true,
      });
      const notice = await ctx.services.notices.forService('council-tax');
      assert.equal(notice.changed, false);
      assert.deepEqual(
        notice.versions.map((v) => v.changeSummary),
        ['Sharing with the VOA', 'First published'],
      );
      const record = await supertest(ctx.app).get('/privacy/council-tax/processing');
      assert.equal(record.status, 200);
      assert.match(record.text, /Legal obligation \(Art 6\(1\)\(c\)\)/);
    });

    it('gives two services whose names make the same address an address each', async () => {
      for (const service of ['Parks & Gardens', 'Parks and gardens']) {
        await ctx.services.register.saveActivity(dpo, noticeActivity({ name: service, service }));
        await ctx.services.notices.publish(dpo.actor, service, {
          changeSummary: 'First',
          publishRecord: false,
        });
      }
      const slugs = (await ctx.services.notices.published()).map((n) => n.slug).sort();
      assert.deepEqual(slugs, ['council-tax', 'parks-and-gardens', 'parks-and-gardens-2']);
    });
  });
}
