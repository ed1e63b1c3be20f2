import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import supertest from 'supertest';
import { createTestContext, emailFor, signedInAgent, type TestContext } from '../support/app.ts';

describe('security headers and error pages', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext('pglite');
  });
  after(() => ctx.close());

  it('sends a strict CSP with a fresh nonce and no unsafe-inline', async () => {
    const a = await supertest(ctx.app).get('/sign-in');
    const b = await supertest(ctx.app).get('/sign-in');
    const csp = a.headers['content-security-policy']!;
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    assert.notEqual(nonce, /'nonce-([^']+)'/.exec(b.headers['content-security-policy']!)![1]);
    assert.match(a.text, new RegExp(`<script nonce="${nonce.replace(/[+/]/g, '\\$&')}">`));
    assert.equal(a.headers['x-content-type-options'], 'nosniff');
    assert.equal(a.headers['cache-control'], 'no-store');
    assert.equal(a.headers['x-powered-by'], undefined);
  });

  it('serves GOV.UK Frontend from the package', async () => {
    const css = await supertest(ctx.app).get('/assets/govuk-frontend.min.css');
    assert.equal(css.status, 200);
    assert.match(css.headers['content-type']!, /text\/css/);
    assert.equal((await supertest(ctx.app).get('/assets/images/favicon.svg')).status, 200);
  });

  it('shows GOV.UK 404 and 403 pages', async () => {
    const missing = await supertest(ctx.app).get('/no/such/page');
    assert.equal(missing.status, 404);
    assert.match(missing.text, /Page not found/);
    const staff = await signedInAgent(ctx, emailFor('staff'));
    const forbidden = await staff.get('/admin');
    assert.equal(forbidden.status, 403);
    assert.match(forbidden.text, /You do not have permission to see this page/);
  });

  it('shows the navigation each role may use, and no more', async () => {
    const nav = async (role: Parameters<typeof emailFor>[0]) => {
      const html = (await (await signedInAgent(ctx, emailFor(role))).get('/')).text;
      const list = html.slice(html.indexOf('govuk-service-navigation__list'));
      return [...list.matchAll(/class="govuk-service-navigation__link" href="([^"]+)"/g)].map((m) => m[1]);
    };
    assert.deepEqual(await nav('staff'), ['/', '/incidents', '/training', '/policies', '/account']);
    assert.deepEqual(await nav('admin'), [
      '/',
      '/incidents',
      '/staff',
      '/training',
      '/policies',
      '/audit',
      '/admin',
      '/account',
    ]);
    assert.deepEqual(await nav('records_manager'), [
      '/',
      '/records',
      '/incidents',
      '/training',
      '/policies',
      '/discovery',
      '/account',
    ]);
  });

  it('shows the GOV.UK error page, not a stack trace, when something breaks', async () => {
    const dpo = await signedInAgent(ctx, emailFor('dpo'));
    await ctx.database.db.exec('alter table audit_events rename to audit_events_gone');
    try {
      const res = await dpo.get('/audit');
      assert.equal(res.status, 500);
      assert.match(res.text, /Sorry, there is a problem with the service/);
      assert.doesNotMatch(res.text, /audit_events_gone|at .*\.ts/);
    } finally {
      await ctx.database.db.exec('alter table audit_events_gone rename to audit_events');
    }
  });
});
