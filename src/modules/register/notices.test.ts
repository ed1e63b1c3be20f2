import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import supertest from 'supertest';
import { createTestContext, type TestContext } from '../../../test/support/app.ts';
import { DATABASE_KINDS } from '../../../test/support/databases.ts';
import { ValidationError } from '../../platform/errors.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { actorOf, type Caller } from '../../platform/web/request.ts';
import { activitySchema } from './inputs.ts';

const activity = (overrides: Record<string, unknown> = {}) =>
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
  describe(`privacy notices written from the register (${kind})`, () => {
    let ctx: TestContext;
    let dpo: Caller;
    before(async () => {
      ctx = await createTestContext(kind);
      const principal = (await ctx.services.signIn.principalFor(ctx.userIds.dpo))!;
      dpo = { principal, actor: actorOf(principal) };
    });
    after(() => ctx.close());

    it('will not publish a notice that lacks what Articles 13 and 14 ask for, and says what', async () => {
      const saved = await ctx.services.register.saveActivity(dpo, activity({ retention: '' }));
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
      await ctx.services.register.saveActivity(dpo, activity(), saved);
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
        activity({ externalRecipients: 'Valuation Office Agency' }),
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
        await ctx.services.register.saveActivity(dpo, activity({ name: service, service }));
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
