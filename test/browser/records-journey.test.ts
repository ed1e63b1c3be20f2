import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { emailFor } from '../support/app.ts';
import { browserFixture, clickAndWait, newPage } from '../support/browser.ts';
import { caseInStatus, recordClass } from '../support/factories.ts';
import { systemActor } from '../../src/platform/audit/service.ts';

const actor = systemActor('Test');
const DAY = 24 * 60 * 60 * 1000;

describe('records from the schedule to a disposal certificate, in Chromium', () => {
  const f = browserFixture();
  before(async () => {
    await f.start();
    const services = f.ctx.services;
    await services.retentionSchedule.save(actor, recordClass({ activity: 'Information requests' }));
    await services.retentionSchedule.addRule(actor, {
      source: 'requests',
      scope: 0,
      selector: 'foi',
      classCode: 'IG-01',
    });
    for (let i = 0; i < 3; i++) await caseInStatus(f.ctx, 'closed', { subject: `Case ${i}` });
    await services.recordScheduler.run(actor);
    await services.disposal.propose(actor);
  });
  after(() => f.stop());
  const check = (page: Page) => f.check(page);
  // GOV.UK buttons that are links have the button role.
  const follow = async (page: Page, name: string | RegExp) => {
    await clickAndWait(page, page.getByRole('link', { name }).or(page.getByRole('button', { name })).first());
    await check(page);
  };
  const press = async (page: Page, name: string | RegExp) => {
    await clickAndWait(page, page.getByRole('button', { name }).first());
    await check(page);
  };

  it('is reviewed, approved by typing its number, carried out and certified, with no WCAG 2.2 AA failures', async () => {
    const page = await newPage(f.browser);
    await f.signInOn(page, emailFor('records_manager'));
    assert.match(await page.locator('main').innerText(), /1 disposal list is waiting for your review/);
    await follow(page, 'Records');
    await follow(page, 'Due for disposal');
    assert.match(await page.locator('main').innerText(), /3 records past their retention/);
    await page.getByLabel('Year').fill('20x6');
    await press(page, 'Show');
    assert.match(await page.locator('.govuk-error-message').innerText(), /real date/);
    await page.goto(`${f.server.url}/records/backlog`);
    await check(page);
    await page.goto(`${f.server.url}/records/classification`);
    await check(page);

    await page.goto(`${f.server.url}/records/disposal`);
    await check(page);
    await follow(page, 'DL-2026-0001');
    assert.match(
      await page.locator('main').innerText(),
      /1 day from .+, then destroyed/,
      'the rule it is under',
    );
    await page.locator('input[name="itemId"]').first().check();
    await press(page, 'Decide on the chosen records');
    await press(page, 'Save the decision');
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Choose what happens/);
    await page.getByLabel('Keep it longer').check();
    await page.getByLabel('Day').fill('31');
    await page.getByLabel('Month').fill('3');
    await page.getByLabel('Year').fill('2030');
    await page
      .getByLabel('Why (needed to keep longer or reclassify)')
      .fill('A complaint about this request is open');
    await press(page, 'Save the decision');
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /1 record to be kept longer/);
    await press(page, 'Dispose of the 2 undecided records');
    await press(page, 'Send for approval');

    await follow(page, 'Approve');
    await page.getByLabel('Type the list’s number, DL-2026-0001, to approve it').fill('DL-2026-0002');
    await press(page, 'Approve the disposal');
    assert.match(
      await page.locator('.govuk-error-summary').innerText(),
      /Type the list’s number, DL-2026-0001/,
    );
    await page.getByLabel('Type the list’s number, DL-2026-0001, to approve it').fill('dl-2026-0001');
    await press(page, 'Approve the disposal');
    assert.match(await page.locator('main').innerText(), /Approved, cooling off/);
    assert.match(await page.locator('main').innerText(), /Stop this list/);

    f.ctx.clock.advance(8 * DAY);
    await f.ctx.services.disposal.carryOut(actor);
    // A week on, the session has long expired: sign in again.
    await f.signInOn(page, emailFor('records_manager'));
    await page.goto(`${f.server.url}/records/disposal/DL-2026-0001`);
    await check(page);
    const main = await page.locator('main').innerText();
    assert.match(main, /Carried out/);
    assert.match(main, /2 carried out/);
    const certificate = await page.request.get(
      `${f.server.url}/records/disposal/DL-2026-0001/certificate.pdf`,
    );
    assert.equal(certificate.headers()['content-type'], 'application/pdf');
    assert.equal((await certificate.body()).subarray(0, 5).toString(), '%PDF-');

    assert.deepEqual(f.violations, []);
  });

  it('places a hold through the form and releases it only with a reason', async () => {
    const page = await newPage(f.browser);
    await f.signInOn(page, emailFor('dpo'));
    await page.goto(`${f.server.url}/records/holds`);
    await check(page);
    await follow(page, 'Place a hold');
    await press(page, 'Place the hold');
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Give the hold a name/);
    await page.getByLabel('Name').fill('Smith v Council');
    await page.getByLabel('Why must the records be kept?').fill('A claim about a request');
    await page.getByLabel('Records that mention').fill('Case 1');
    await page.getByLabel('Day').fill('31');
    await page.getByLabel('Month').fill('3');
    await page.getByLabel('Year').fill('2027');
    await press(page, 'Place the hold');
    const held = await page.locator('main').innerText();
    assert.match(held, /Records mentioning “Case 1”/);
    assert.match(held, /31 March 2027/);
    await follow(page, 'Release this hold');
    await press(page, 'Release the hold');
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Give the reason/);
    await page.getByLabel('Why can it be released?').fill('The claim was withdrawn');
    await press(page, 'Release the hold');
    assert.match(await page.locator('main').innerText(), /The claim was withdrawn/);
    assert.deepEqual(f.violations, []);
  });
});
