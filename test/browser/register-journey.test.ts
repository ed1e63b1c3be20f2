import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserFixture, clickAndWait, newPage } from '../support/browser.ts';
import { systemActor } from '../../src/platform/audit/service.ts';
import { actorOf } from '../../src/platform/web/request.ts';
import { activitySchema, assetSchema } from '../../src/modules/register/inputs.ts';

describe('the register in Chromium', () => {
  const f = browserFixture();
  before(async () => {
    await f.start();
    const services = f.ctx.services;
    const principal = (await services.signIn.principalFor(f.ctx.userIds.dpo))!;
    const dpo = { principal, actor: actorOf(principal) };
    await services.register.saveController(systemActor('Test'), {
      address: 'Town Hall, Test',
      email: 'dp@test.example',
      dpoName: 'The DPO',
      dpoEmail: 'dpo@test.example',
      icoRegistration: 'Z0000001',
    });
    await services.register.saveAsset(
      dpo,
      assetSchema.parse({
        name: 'Parking permits system',
        ownerUserId: String(f.ctx.userIds.asset_owner),
        hosting: 'cloud',
        format: 'digital',
        personalData: 'yes',
        volume: '10k-100k',
        criticality: 'medium',
        securityClassification: 'official',
        nextReviewOn: '2026-10-31',
      }),
    );
    await services.register.saveActivity(
      dpo,
      activitySchema.parse({
        name: 'Issuing parking permits',
        service: 'Parking',
        purposes: 'Issuing and enforcing residents’ parking permits',
        article6: 'e',
        article6Justification: 'Road Traffic Regulation Act 1984',
        dataSubjects: 'Residents',
        dataCategories: 'Contact details\nVehicle registration',
        externalRecipients: 'Enforcement contractor',
        retention: 'Two years after the permit ends',
        securityMeasures: 'Role-based access',
        source: 'You',
        nextReviewOn: '2027-10-31',
      }),
    );
  });
  after(() => f.stop());
  const check = (page: Page) => f.check(page);
  const follow = async (page: Page, name: string | RegExp) => {
    await clickAndWait(page, page.getByRole('link', { name }).or(page.getByRole('button', { name })).first());
    await check(page);
  };
  const press = async (page: Page, name: string | RegExp) => {
    await clickAndWait(page, page.getByRole('button', { name }).first());
    await check(page);
  };
  const signIn = f.signIn;
  const main = (page: Page) => page.locator('main').innerText();

  it('lets an asset owner confirm an overdue entry from the home page', async () => {
    const page = await signIn('asset_owner');
    assert.match(await main(page), /1 of your information assets is past its yearly review/);
    await follow(page, /of your information assets is past/);
    await follow(page, 'Parking permits system');
    assert.match(await main(page), /yearly review of this entry was due on 31 October 2026/);
    await press(page, 'Reviewed, no change');
    assert.match(
      await page.locator('.govuk-notification-banner').innerText(),
      /next review by 25 November 2027/,
    );
    await page.goto(`${f.server.url}/`);
    assert.doesNotMatch(
      await main(page),
      /of your information assets (is|are) past/,
      'nothing left to review',
    );
    assert.deepEqual(f.violations, []);
  });

  it('takes an impact assessment from screening through the DPO’s advice to sign-off', async () => {
    const officer = await signIn('ig_officer');
    await officer.goto(`${f.server.url}/register/dpias/new`);
    await check(officer);
    await officer.getByLabel('The project or change').fill('Permit app with number-plate recognition');
    await officer.getByLabel('Systematic monitoring of people').check();
    await officer
      .getByLabel(/innovative/i)
      .first()
      .check();
    await press(officer, 'Screen it');
    assert.match(await main(officer), /An assessment is required/);
    await press(officer, 'Send to the DPO for advice');
    assert.match(await officer.locator('.govuk-error-summary').innerText(), /Write step 1/);
    for (const step of ['1', '2', '4']) {
      // Each step's page is the same page: axe reads the first, and the assessment after the last save.
      await clickAndWait(officer, officer.locator(`a[href$="/steps/${step}"]`));
      if (step === '1') await check(officer);
      await officer.locator('#text').fill(`What step ${step} asks, answered.`);
      await clickAndWait(officer, officer.getByRole('button', { name: `Save step ${step}` }));
    }
    await check(officer);
    await follow(officer, 'Add a risk');
    await officer.getByLabel('The risk to people').fill('Cameras record people who are not parking');
    await officer.locator('#likelihood-2').check();
    await officer.locator('#severity-2').check();
    await officer.getByLabel('Measures to reduce or eliminate it').fill('Blur non-parking frames at capture');
    await officer.locator('#effect-3').check();
    await press(officer, 'Save the risk');
    assert.match(await officer.locator('.govuk-error-summary').innerText(), /how likely and how severe/);
    await officer.locator('#residualLikelihood').check();
    await officer.locator('#residualSeverity').check();
    await officer.getByLabel('Who puts the measures in place').fill('Parking manager');
    await press(officer, 'Save the risk');
    assert.match(await main(officer), /Medium \(possible, significant\)/);
    await press(officer, 'Send to the DPO for advice');
    assert.match(await main(officer), /With the DPO/);

    const dpo = await signIn('dpo');
    assert.match(await main(dpo), /1 impact assessment is waiting for your advice/);
    await follow(dpo, /impact assessment is waiting for your advice/);
    await follow(dpo, 'Permit app with number-plate recognition');
    await follow(dpo, 'Give your advice');
    await dpo.getByLabel('Your advice').fill('Proceed: keep blurred frames for no more than 48 hours');
    await press(dpo, 'Save');

    const owner = await signIn('asset_owner');
    assert.match(await main(owner), /1 impact assessment is waiting for your sign-off/);
    await owner.goto(`${f.server.url}/register/dpias?status=sign-off`);
    await follow(owner, 'Permit app with number-plate recognition');
    await follow(owner, 'Sign it off');
    await owner.locator('#adviceFollowed').check();
    await owner.locator('#decision').check();
    await press(owner, 'Record the decision');
    assert.match(await owner.locator('.govuk-error-summary').innerText(), /next reviewed/);
    await owner.getByLabel('Day').fill('30');
    await owner.getByLabel('Month').fill('11');
    await owner.getByLabel('Year').fill('2027');
    await press(owner, 'Record the decision');
    assert.match(await main(owner), /Signed off/);
    const pdf = await owner.request.get(owner.url().replace(/\/?$/, '/export'));
    assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
    assert.deepEqual(f.violations, []);
  });

  it('publishes a privacy notice the public can read without signing in, on a phone', async () => {
    const dpo = await signIn('dpo');
    await dpo.goto(`${f.server.url}/register/notices`);
    await check(dpo);
    await follow(dpo, 'Parking');
    await dpo.getByLabel('What has changed').fill('First published');
    await press(dpo, 'Publish this version');
    assert.match(
      await dpo.locator('.govuk-notification-banner').innerText(),
      /Version 1 of the Parking notice/,
    );

    const citizen = await newPage(f.browser, {
      viewport: { width: 375, height: 740 },
    });
    await citizen.goto(`${f.server.url}/privacy`);
    await check(citizen);
    await follow(citizen, 'Parking');
    const notice = await main(citizen);
    assert.match(notice, /Enforcement contractor/);
    assert.match(notice, /Two years after the permit ends/);
    assert.match(notice, /Information Commissioner’s Office/);
    assert.match(notice, /Version 1, published 25 November 2026/);
    const noScript = await newPage(f.browser, { javaScriptEnabled: false });
    await noScript.goto(`${f.server.url}/privacy/parking`);
    assert.match(await main(noScript), /Enforcement contractor/);
    assert.deepEqual(f.violations, []);
  });
});
