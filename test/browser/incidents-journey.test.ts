import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { emailFor } from '../support/app.ts';
import { browserFixture, clickAndWait, newPage } from '../support/browser.ts';

describe('a breach in Chromium, from a phone report to closing the case', () => {
  const f = browserFixture();
  before(() => f.start());
  after(() => f.stop());
  const check = (page: Page) => f.check(page);
  // Each kind of page is checked with axe once, where it first shows what it shows (a case page many times over
  // would only slow the journey down).
  const press = async (page: Page, name: string | RegExp, axe = false) => {
    await clickAndWait(page, page.getByRole('button', { name }).first());
    if (axe) await check(page);
  };
  const follow = async (page: Page, name: string | RegExp, axe = false) => {
    await clickAndWait(page, page.getByRole('link', { name }).first());
    if (axe) await check(page);
  };
  const signIn = f.signIn;
  const main = (page: Page) => page.locator('main').innerText();
  const date = async (page: Page, name: string, [day, month, year]: [string, string, string]) => {
    await page.locator(`#${name}-day`).fill(day);
    await page.locator(`#${name}-month`).fill(month);
    await page.locator(`#${name}-year`).fill(year);
  };

  it('is reported on a phone without JavaScript, triaged, assessed, decided, reported to the ICO, and closed', async () => {
    // The report form, as axe sees it on a phone-sized window.
    const phone = { viewport: { width: 360, height: 740 } };
    const look = await signIn('staff', phone);
    await look.goto(`${f.server.url}/incidents/report`);
    await check(look);

    // A member of staff reports from a phone with JavaScript off; a form left incomplete loses nothing typed.
    const staff = await signIn('staff', { ...phone, javaScriptEnabled: false });
    await staff.goto(`${f.server.url}/incidents`);
    await clickAndWait(staff, staff.getByRole('button', { name: 'Report an incident' }));
    await staff.getByLabel('What happened?').fill('A care assessment went to the wrong e-mail address.');
    await date(staff, 'discoveredOn', ['25', '11', '2026']);
    await clickAndWait(staff, staff.getByRole('button', { name: 'Send the report' }));
    const errors = await staff.locator('.govuk-error-summary').innerText();
    assert.match(errors, /Roughly how many people|Choose roughly how many people/);
    assert.match(errors, /Enter the time it was found/);
    assert.equal(
      await staff.getByLabel('What happened?').inputValue(),
      'A care assessment went to the wrong e-mail address.',
    );
    await staff.getByLabel('At what time was it found?').fill('09:15');
    await staff.getByLabel('One', { exact: true }).check();
    await staff.getByLabel('No', { exact: true }).check();
    await clickAndWait(staff, staff.getByRole('button', { name: 'Send the report' }));
    const sent = await main(staff);
    const reference = /Your reference is (INC-2026-\d{4})/.exec(sent)![1]!;
    assert.match(sent, /What happens next/);
    const scrollWidth = await staff.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= 360, `no sideways scrolling on a phone (${scrollWidth}px)`);

    // Triage and assessment by the IG officer.
    const officer = await signIn('ig_officer');
    assert.match(await main(officer), /1 incident report is waiting for triage/);
    await follow(officer, /incident report is waiting for triage/, true);
    await follow(officer, reference);
    await follow(officer, 'Triage it', true);
    await officer.getByLabel('Personal-data breach').check();
    await officer.locator('#awareTime').fill('09:30');
    await press(officer, 'Save the triage');
    assert.match(await main(officer), /The 72 hours end at 09:30 on 28 November 2026 \(GMT\)/);
    assert.match(await main(officer), /2 days 23 hours 30 minutes left|2 days 23 hours left/);
    await follow(officer, 'Assess it', true);
    await officer.locator('#cause').selectOption('misdirected-email');
    await officer.locator('#breachTypes').check(); // confidentiality
    await officer.locator('#dataCategories').check(); // basic identifiers
    await officer.getByLabel('Health data', { exact: true }).check();
    await officer.getByLabel('Residents and service users', { exact: true }).check();
    await officer
      .getByLabel('Likely consequences for the people affected')
      .fill('Distress; care needs disclosed');
    await officer.locator('#likelihood-2').check();
    await officer.locator('#severity-2').check();
    await officer.getByLabel('Why you judged it so').fill('Health data to a stranger');
    await officer.getByLabel('Yes, within the last two years').check();
    await press(officer, 'Save the assessment', true);
    assert.match(await main(officer), /high risk/);

    // The DPO decides, reads the ICO report, downloads its PDF and records the report.
    const dpo = await signIn('dpo');
    assert.match(await main(dpo), new RegExp(`open breach, ${reference}: .* on the ICO clock`));
    await follow(dpo, new RegExp(`open breach, ${reference}`));
    await clickAndWait(dpo, dpo.locator('a[href$="/ico-decision"]'));
    await press(dpo, 'Record the decision', true);
    assert.match(await dpo.locator('.govuk-error-summary').innerText(), /Choose whether the ICO is told/);
    await dpo.getByLabel('Report it to the ICO').check();
    await dpo.getByLabel('The reason').fill('Health data: a risk to the person');
    await press(dpo, 'Record the decision');
    await clickAndWait(dpo, dpo.locator('a[href$="/subjects-decision"]'));
    await check(dpo);
    await dpo.getByLabel('Tell them', { exact: true }).check();
    await dpo.getByLabel('The reason').fill('High risk: written to with advice');
    await press(dpo, 'Record the decision');
    await follow(dpo, /The ICO report’s answers/, true);
    const report = await main(dpo);
    for (const part of [
      '1. Your report',
      '2. About the breach',
      '3. Personal data',
      '4. Consequences',
      '5. Taking action',
      '6. About you',
    ])
      assert.ok(report.includes(part), part);
    const pdf = await dpo.request.get(`${dpo.url().replace(/\?.*$/, '')}.pdf`);
    assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
    await dpo.goBack();
    await follow(dpo, 'Record a report sent to the ICO', true);
    await dpo.getByLabel('The first report').check();
    await date(dpo, 'submittedOn', ['25', '11', '2026']);
    await dpo.getByLabel('At what time? (London time)').fill('09:55');
    await dpo.getByLabel('The ICO’s case reference').fill('IC-000111-A1');
    await press(dpo, 'Record the report', true);
    assert.match(
      await main(dpo),
      /Reported to the ICO 09:55 on 25 November 2026 \(GMT\) \(ICO reference IC-000111-A1\)/,
    );

    // Actions, the lessons review, and closing.
    await follow(officer, 'Incidents');
    await follow(officer, reference);
    await follow(officer, 'Add an action', true);
    await officer.getByLabel('Containment').check();
    await officer.getByLabel('What is to be done').fill('Get written confirmation of deletion');
    await officer.getByLabel('Owner’s work e-mail address').fill(emailFor('staff'));
    await date(officer, 'dueOn', ['26', '11', '2026']);
    await press(officer, 'Add the action');
    assert.match(await main(officer), /Finish or close its open action/);
    await follow(officer, /^Record it as done/, true);
    await officer.getByLabel('What shows it was done').fill('Confirmation filed');
    await press(officer, 'Record it as done');
    await follow(officer, 'Record the review', true);
    await officer.getByLabel('Root cause').fill('Autocomplete of external addresses');
    await officer
      .getByLabel('What was learned, and what changes')
      .fill('Autocomplete off for external addresses');
    await press(officer, 'Save the review');
    await press(officer, 'Close the case', true);
    await press(officer, 'Close the case', true);
    const closed = await main(officer);
    assert.match(closed, /Closed/);
    assert.match(closed, /Timeline/);
    assert.match(closed, /Lessons-learned review recorded/);

    // The reporter sees where their report stands, not the case.
    await staff.goto(`${f.server.url}/incidents`);
    assert.match(await main(staff), new RegExp(`${reference}.*Closed`, 's'));
    assert.deepEqual(f.violations, []);
  });

  it('shows the lists, the trends, the rota and the public form without an accessibility failure', async () => {
    const dpo = await signIn('dpo');
    for (const path of ['/incidents', '/incidents?status=closed', '/incidents/trends']) {
      await dpo.goto(`${f.server.url}${path}`);
      await check(dpo);
    }
    assert.match(await main(dpo), /Data emailed to the wrong recipient/);
    await dpo.goto(`${f.server.url}/incidents/rota`);
    await check(dpo);
    await dpo.getByLabel('The deputy’s work e-mail address').fill(emailFor('ig_officer'));
    await date(dpo, 'startsOn', ['24', '12', '2026']);
    await date(dpo, 'endsOn', ['2', '1', '2027']);
    await press(dpo, 'Add to the rota');
    assert.match(await main(dpo), /Test ig_officer/);
    await follow(dpo, /^Remove/, true);
    assert.match(await main(dpo), /Remove Test ig_officer from the rota\?/);
    await press(dpo, 'Remove them');
    assert.match(await main(dpo), /Nobody is on the rota/);

    const staff = await signIn('staff');
    await staff.goto(`${f.server.url}/incidents`);
    await check(staff);
    const citizen = await newPage(f.browser, { viewport: { width: 360, height: 740 } });
    await citizen.goto(`${f.server.url}/report-a-concern`);
    await check(citizen);
    await citizen.getByLabel('What happened?').fill('A letter about my neighbour came to me.');
    await date(citizen, 'discoveredOn', ['24', '11', '2026']);
    await citizen.getByLabel('At what time was it found?').fill('18:00');
    await citizen.getByLabel('One', { exact: true }).check();
    await citizen.getByLabel('Not sure', { exact: true }).check();
    await press(citizen, 'Send', true);
    assert.match(await main(citizen), /Your reference is INC-2026-\d{4}/);
    assert.deepEqual(f.violations, []);
  });
});
