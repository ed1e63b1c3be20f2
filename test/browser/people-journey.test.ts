import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserFixture, clickAndWait, freePort, newPage } from '../support/browser.ts';
import { OIDC_CLIENT, startOidcProvider } from '../support/oidc-provider.ts';
import { emailFor } from '../support/app.ts';
import { hrFile } from '../support/staff.ts';
import { policyInput, versionInput } from '../support/policies.ts';
import { systemActor } from '../../src/platform/audit/service.ts';
import { actorOf } from '../../src/platform/web/request.ts';
import { courseInput } from '../support/training.ts';

describe('staff, training and policies in Chromium', () => {
  const f = browserFixture();
  let provider: Awaited<ReturnType<typeof startOidcProvider>>;
  before(async () => {
    // Staff sign in through the council's identity provider, a real OpenID provider on its own port.
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    provider = await startOidcProvider(`${url}/sign-in/oidc/callback`, {
      'sam.staff': { email: emailFor('staff') },
    });
    await f.start({
      port,
      config: {
        oidc: {
          issuerUrl: provider.issuer,
          ...OIDC_CLIENT,
          publicUrl: url,
          employeeIdClaim: 'employeeid',
          label: 'Sign in with your council account',
        },
      },
    });
    const services = f.ctx.services;
    const actor = systemActor('Test');
    await services.staff.import(
      actor,
      {
        name: 'hr.csv',
        bytes: hrFile([
          {
            employee_id: 'M1',
            name: 'Rita Manager',
            email: emailFor('records_manager'),
            team: 'Information Governance',
          },
          {
            employee_id: 'S1',
            name: 'Sam Staff',
            email: emailFor('staff'),
            line_manager_email: emailFor('records_manager'),
          },
          {
            employee_id: 'S2',
            name: 'Una Overdue',
            email: 'una@test.example',
            line_manager_email: emailFor('records_manager'),
          },
          { employee_id: 'D1', name: 'Dee Pio', email: emailFor('dpo') },
        ]),
      },
      { dryRun: false },
    );
    const course = await services.training.addCourse(actor, courseInput());
    await services.training.recordCompletion(actor, {
      person: 'S1',
      courseId: course.id,
      status: 'passed',
      completedOn: '2026-03-01',
      evidence: 'Certificate',
    });
    const caller = async (role: 'ig_officer' | 'dpo') => {
      const principal = (await services.signIn.principalFor(f.ctx.userIds[role]))!;
      return { principal, actor: actorOf(principal) };
    };
    const policy = await services.policies.create(await caller('ig_officer'), policyInput());
    const version = await services.policies.addVersion(await caller('ig_officer'), policy.id, versionInput());
    await services.policies.approve(await caller('dpo'), policy.id, version.id);
    await services.policies.publish(await caller('ig_officer'), policy.id, version.id);
  });
  after(async () => {
    await f.stop();
    await provider.close();
  });

  const main = (page: Page) => page.locator('main').innerText();
  const follow = async (page: Page, name: string | RegExp, check = true) => {
    await clickAndWait(page, page.getByRole('link', { name }).or(page.getByRole('button', { name })).first());
    if (check) await f.check(page);
  };

  it('lets a member of staff on a phone sign in with their council account, acknowledge a policy and see their IG record', async () => {
    const page = await newPage(f.browser, { viewport: { width: 375, height: 740 } });
    await page.goto(`${f.server.url}/sign-in`);
    await f.check(page);
    await clickAndWait(page, page.getByRole('button', { name: 'Sign in with your council account' }));
    // The provider's own sign-in page (its development one: any password).
    await page.locator('input[name="login"]').fill('sam.staff');
    await page.locator('input[name="password"]').fill('anything');
    await clickAndWait(page, page.locator('button[type="submit"]'));
    assert.equal(new URL(page.url()).origin, f.server.url);
    assert.match(await main(page), /1 policy is waiting for you to read and acknowledge it/);
    await follow(page, /policy is waiting for you/);
    await follow(page, 'Data protection policy');
    assert.match(await main(page), /Everyone protects personal data/);
    await page.getByLabel('No one').check();
    await page.getByLabel('I have read it and will follow it').check();
    await follow(page, 'Acknowledge', false);
    assert.match(await main(page), /You scored 0%; the pass mark is 100%/);
    await f.check(page);
    await page.getByLabel('The IG team at once').check();
    await page.getByLabel('I have read it and will follow it').check();
    await follow(page, 'Acknowledge');
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /acknowledgement is recorded/);
    await page.goto(`${f.server.url}/training/me`);
    await f.check(page);
    const record = await main(page);
    assert.match(record, /Your information governance record/);
    assert.match(record, /Up to date until 28 February 2027/);
    assert.match(record, /Data protection policy 1\.0/);
    assert.deepEqual(f.violations, []);
  });

  it('shows a line manager who is overdue, and the IG team the figures, the library and the HR import', async () => {
    const manager = await f.signIn('records_manager');
    assert.match(await main(manager), /1 person you manage is overdue with mandatory training/);
    await follow(manager, /person you manage is overdue/);
    assert.match(await main(manager), /Una Overdue[\s\S]*Overdue since/);
    await follow(manager, 'Una Overdue');
    assert.match(await main(manager), /Information governance record: Una Overdue/);

    const dpo = await f.signIn('dpo');
    await dpo.goto(`${f.server.url}/training`);
    await f.check(dpo);
    await follow(dpo, 'Data protection');
    assert.match(await main(dpo), /Rita Manager \(1\)[\s\S]*Una Overdue/);
    await follow(dpo, 'Remind those not up to date');
    await follow(dpo, 'Send the reminders', false);
    assert.match(
      await dpo.locator('.govuk-notification-banner').innerText(),
      /Reminders sent to 3 people and 1 line manager/,
    );
    for (const path of [
      '/training/import',
      '/training/targets',
      '/training/courses/new',
      '/policies/new',
      '/our-policies',
      '/policies',
    ]) {
      await dpo.goto(`${f.server.url}${path}`);
      await f.check(dpo);
    }
    const library = dpo.getByRole('table', { name: /Every policy/ });
    await clickAndWait(dpo, library.getByRole('link', { name: 'Data protection policy' }));
    await f.check(dpo);
    assert.match(await main(dpo), /1 of 4 \(25\.0%\)/);

    const admin = await f.signIn('admin');
    await admin.goto(`${f.server.url}/staff`);
    await f.check(admin);
    await follow(admin, 'Sam Staff');
    assert.match(await main(admin), /Rita Manager/);
    await admin.goto(`${f.server.url}/staff/import`);
    await f.check(admin);
    assert.deepEqual(f.violations, []);
  });
});
