import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { emailFor } from '../support/app.ts';
import { browserFixture, clickAndWait, newPage } from '../support/browser.ts';

describe('a request from the public to the disclosure log, in Chromium', () => {
  const f = browserFixture();
  before(() => f.start());
  after(() => f.stop());
  const check = (page: Page) => f.check(page);
  const expandAndSubmit = async (
    page: Page,
    summary: string,
    fill: (page: Page) => Promise<void> = async () => undefined,
    button?: string,
  ) => {
    const details = page.locator('details', { has: page.locator('summary', { hasText: summary }) });
    if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
    await fill(page);
    await clickAndWait(page, details.getByRole('button', button ? { name: button } : undefined).first());
  };

  it('is submitted by a member of the public, taken to closure by an officer and published, with no WCAG 2.2 AA failures', async () => {
    const pub = await newPage(f.browser);
    await pub.goto(`${f.server.url}/requests/new`);
    await check(pub);
    await clickAndWait(pub, pub.getByRole('button', { name: 'Continue' }));
    await pub.locator('.govuk-error-summary').waitFor({ state: 'visible' });
    await check(pub);
    await pub.getByLabel('Information the council holds (Freedom of Information)').check();
    await clickAndWait(pub, pub.getByRole('button', { name: 'Continue' }));
    await check(pub);
    await pub
      .getByLabel('What information do you want?')
      .fill('How many streetlights were converted to LED in 2025, and what did it cost?');
    await clickAndWait(pub, pub.getByRole('button', { name: 'Continue' }));
    await check(pub);
    await pub.getByLabel('Full name').fill('Pat Public');
    await pub.getByLabel('Email address').fill('pat.public@example.com');
    await clickAndWait(pub, pub.getByRole('button', { name: 'Continue' }));
    await check(pub);
    await clickAndWait(pub, pub.getByRole('button', { name: 'Send request' }));
    const reference = (await pub.locator('#reference').innerText()).trim();
    assert.match(reference, /^FOI-2026-\d{5}$/);
    assert.match(await pub.locator('#due').innerText(), /24 December 2026/);
    await check(pub);

    const page = await newPage(f.browser);
    await f.signInOn(page, emailFor('ig_officer'));
    await clickAndWait(page, page.getByRole('link', { name: 'Requests', exact: true }).first());
    await check(page);
    await clickAndWait(page, page.getByRole('link', { name: reference }));
    await check(page);
    assert.match(await page.locator('h1').innerText(), /streetlights/);

    await expandAndSubmit(page, 'Allocate', async (p) => {
      await p.getByLabel('Directorate').selectOption({ label: 'Resources' });
    });
    await expandAndSubmit(
      page,
      'Record the outcome and send for approval',
      async (p) => {
        await p.getByLabel('Granted in full').check();
        await p
          .getByLabel('Response to send')
          .fill('4,120 streetlights were converted to LED in 2025 at a cost of £1.9 million.');
      },
      'Send for approval',
    );
    await check(page);
    await expandAndSubmit(page, 'Approve the response', undefined, 'Approve');
    await expandAndSubmit(page, 'Send the response', undefined, 'Send response');
    await expandAndSubmit(page, 'Close the case', undefined, 'Close case');
    await expandAndSubmit(
      page,
      'Publish in the disclosure log',
      async (p) => {
        await p.getByLabel('Title').fill('Streetlight LED conversion 2025');
      },
      'Publish',
    );
    assert.match(await page.locator('main .govuk-tag').first().innerText(), /Closed/);
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /Saved/);
    await check(page);
    await page.goto(`${f.server.url}/requests/reports`);
    await check(page);

    await pub.goto(`${f.server.url}/disclosure-log`);
    await pub.getByLabel('Search published responses').fill('LED');
    await clickAndWait(pub, pub.getByRole('button', { name: 'Search' }));
    await clickAndWait(pub, pub.getByRole('link', { name: 'Streetlight LED conversion 2025' }));
    assert.match(await pub.content(), /4,120 streetlights/);
    assert.doesNotMatch(await pub.content(), /Pat Public|pat\.public@example\.com/);
    await check(pub);
    await pub.goto(`${f.server.url}/publication-scheme`);
    await check(pub);

    assert.deepEqual(f.violations, []);
  });

  it('fits a phone: the case list and a case are no wider than a 375-pixel screen', async () => {
    const phone = await newPage(f.browser, { viewport: { width: 375, height: 812 } });
    await f.signInOn(phone, emailFor('requests_officer'));
    for (const path of ['/requests?view=all', '/requests/1']) {
      await phone.goto(`${f.server.url}${path}`);
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 375, `${path} is ${width} pixels wide on a 375-pixel phone`);
      await check(phone);
    }
    assert.deepEqual(f.violations, []);
  });
});
