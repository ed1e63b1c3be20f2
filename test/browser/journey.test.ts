import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { emailFor, PASSWORD } from '../support/app.ts';
import { codeAt } from '../../src/platform/identity/two-step.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { browserFixture, clickAndWait, newPage } from '../support/browser.ts';
import { writeTree } from '../support/tree.ts';
import { runScan } from '../../src/discovery/scan.ts';
import { systemActor } from '../../src/platform/audit/service.ts';

describe('staff journey in Chromium', () => {
  const f = browserFixture();
  before(() => f.start());
  after(() => f.stop());
  const check = (page: Page) => f.check(page);

  const signIn = (page: Page, email: string) => f.signInOn(page, email);

  it('signs in, uses home, administration and the audit trail, and signs out, with no WCAG 2.2 AA failures', async () => {
    const page = await newPage(f.browser);
    await page.goto(`${f.server.url}/`);
    assert.match(page.url(), /\/sign-in\?next=%2F$/);
    await check(page);

    await clickAndWait(page, page.getByRole('button', { name: 'Sign in' }));
    await page.locator('.govuk-error-summary').waitFor({ state: 'visible' });
    await check(page);

    await f.signInOn(page, emailFor('admin'), { check: true });
    await page.waitForURL(`${f.server.url}/`);
    assert.match(await page.locator('h1').innerText(), /Hello, Test admin/);
    await check(page);

    await clickAndWait(page, page.getByRole('link', { name: 'Admin' }));
    await check(page);
    await clickAndWait(page, page.getByRole('link', { name: 'Users' }));
    await check(page);
    await clickAndWait(page, page.getByRole('button', { name: 'Add a user' }));
    await check(page);
    await clickAndWait(page, page.getByRole('button', { name: 'Create account' }));
    await page.locator('.govuk-error-summary').waitFor({ state: 'visible' });
    await check(page);
    await page.getByLabel('Email address').fill('browser.person@test.example');
    await page.getByLabel('Full name').fill('Browser Person');
    await page.getByLabel('Initial password').fill('a-long-browser-password');
    await page.getByLabel('Auditor').check();
    await clickAndWait(page, page.getByRole('button', { name: 'Create account' }));
    assert.match(await page.locator('h1').innerText(), /Browser Person/);
    await check(page);

    await page.goto(`${f.server.url}/admin/organisation`);
    await check(page);
    await page.goto(`${f.server.url}/admin/api-tokens`);
    await check(page);

    await clickAndWait(page, page.getByRole('link', { name: 'Audit' }));
    assert.match(await page.locator('h1').innerText(), /Audit trail/);
    await page.getByLabel('Action').fill('user.created');
    await clickAndWait(page, page.getByRole('button', { name: 'Filter' }));
    assert.match(await page.content(), /9 events/);
    await check(page);
    await page.goto(`${f.server.url}/requests`);
    await check(page);
    await page.goto(`${f.server.url}/no-such-page`);
    await check(page);

    await clickAndWait(page, page.getByRole('button', { name: 'Sign out' }));
    assert.match(await page.locator('h1').innerText(), /You have signed out/);
    await check(page);
    await page.goto(`${f.server.url}/admin`);
    assert.match(page.url(), /\/sign-in/);

    assert.deepEqual(f.violations, []);
  });

  it('has a new administrator set up two-step sign-in from the key beside the QR code, and later use a recovery code', async () => {
    const before = f.violations.length;
    await f.ctx.services.users.create(systemActor('Test'), {
      email: 'first.admin@test.example',
      displayName: 'First Admin',
      password: PASSWORD,
      grants: [{ role: 'admin', directorateId: null }],
      teamIds: [],
    });
    const page = await newPage(f.browser, { viewport: { width: 375, height: 812 } });
    const typePassword = async () => {
      await page.goto(`${f.server.url}/sign-in`);
      await page.getByLabel('Email address').fill('first.admin@test.example');
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await clickAndWait(page, page.getByRole('button', { name: 'Sign in', exact: true }));
    };
    await typePassword();
    assert.match(await page.locator('h1').innerText(), /Set up two-step sign-in/);
    assert.ok(await page.getByRole('img', { name: /QR code to add Custodian/ }).isVisible());
    await check(page);
    await page.getByText('I cannot scan the QR code').click();
    const key = (await page.locator('.app-secret-key').innerText()).replace(/\s/g, '');
    await page.getByLabel('Code from your authenticator app').fill('000000');
    await clickAndWait(page, page.getByRole('button', { name: 'Continue' }));
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Enter the 6-digit code/);
    await check(page);
    await page.getByLabel('Code from your authenticator app').fill(codeAt(key, f.ctx.clock.now()));
    await clickAndWait(page, page.getByRole('button', { name: 'Continue' }));
    assert.match(await page.locator('main').innerText(), /Two-step sign-in is set up/);
    const codes = await page.locator('.app-recovery-codes code').allInnerTexts();
    assert.equal(codes.length, 10);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `the recovery codes are ${width} pixels wide on a 375-pixel phone`);
    await check(page);
    await clickAndWait(page, page.getByRole('button', { name: /I have kept my recovery codes/ }));
    // On a phone the navigation folds behind its menu button.
    await page.getByRole('button', { name: 'Menu' }).click();
    await clickAndWait(page, page.getByRole('link', { name: 'Your account' }));
    assert.match(await page.locator('main').innerText(), /Recovery codes left\s+10 of 10/);
    await check(page);
    await clickAndWait(page, page.getByRole('button', { name: 'Make new recovery codes' }));
    await check(page);
    await page.getByRole('button', { name: 'Menu' }).click();
    await clickAndWait(page, page.getByRole('button', { name: 'Sign out' }));

    // Without the phone: the password, then a recovery code in the same box.
    await typePassword();
    await page.getByText('I do not have my phone').click();
    await check(page);
    await page.getByLabel('Enter the code from your authenticator app').fill(codes[0]!);
    await clickAndWait(page, page.getByRole('button', { name: 'Continue' }));
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /You have 9 left/);
    await check(page);
    await page.goto(`${f.server.url}/admin/users/${f.ctx.userIds.dpo}/two-step`);
    assert.match(await page.locator('h1').innerText(), /Reset two-step sign-in for Test dpo/);
    await check(page);
    assert.deepEqual(f.violations.slice(before), []);
  });

  it('lets a records manager explore what discovery found, with no WCAG 2.2 AA failures', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'custodian-journey-share-'));
    try {
      writeTree(root, 5, 20);
      await runScan(f.ctx.services, systemActor('Test'), {
        source: 'Shared drive',
        root,
        findingKey: Buffer.alloc(32, 2),
      });
      const before = f.violations.length;
      const page = await newPage(f.browser);
      await signIn(page, emailFor('records_manager'));
      await clickAndWait(page, page.getByRole('link', { name: 'Discovery' }).first());
      await check(page);
      await clickAndWait(page, page.getByRole('link', { name: 'Shared drive' }));
      await check(page);
      await clickAndWait(page, page.getByRole('link', { name: 'Adults' }));
      await check(page);
      await clickAndWait(page, page.getByRole('link', { name: 'List the files' }));
      await check(page);
      await clickAndWait(page, page.locator('table a.govuk-link').first());
      assert.match(await page.locator('h1').innerText(), /Adults/);
      await check(page);
      assert.deepEqual(f.violations.slice(before), []);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('works with JavaScript switched off', async () => {
    const page = await newPage(f.browser, { javaScriptEnabled: false });
    await signIn(page, emailFor('dpo'));
    await page.waitForURL(`${f.server.url}/`);
    await page.goto(`${f.server.url}/audit?action=user.`);
    assert.match(await page.locator('h1').innerText(), /Audit trail/);
    await page.getByLabel('Person').fill('Test setup');
    await clickAndWait(page, page.getByRole('button', { name: 'Filter' }));
    assert.match(page.url(), /actor=Test\+setup/);
    await clickAndWait(page, page.getByRole('button', { name: 'Sign out' }));
    assert.match(await page.locator('h1').innerText(), /You have signed out/);
  });
});
