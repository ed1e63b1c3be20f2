import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import supertest from 'supertest';
import {
  createTestContext,
  csrfFrom,
  nextCode,
  emailFor,
  PASSWORD,
  signedInAgent,
  type TestContext,
} from '../../../test/support/app.ts';
import { DATABASE_KINDS } from '../../../test/support/databases.ts';

for (const kind of DATABASE_KINDS) {
  describe(`signing in and out on ${kind}`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await createTestContext(kind);
    });
    after(() => ctx.close());

    const attempt = async (email: string, password: string) => {
      const agent = supertest.agent(ctx.app);
      const page = await agent.get('/sign-in');
      const res = await agent
        .post('/sign-in')
        .type('form')
        .send({ _csrf: csrfFrom(page.text), email, password });
      return { agent, res };
    };

    it('signs in, shows the home page, issues a session only then, and signs out', async () => {
      const agent = supertest.agent(ctx.app);
      const page = await agent.get('/sign-in');
      const cookieNames = (r: { headers: Record<string, unknown> }) =>
        ((r.headers['set-cookie'] as string[] | undefined) ?? []).map((c) => c.split('=')[0]);
      assert.deepEqual(cookieNames(page), ['custodian-csrf'], 'an anonymous page sets no session cookie');
      const password = await agent
        .post('/sign-in')
        .type('form')
        .send({ _csrf: csrfFrom(page.text), email: emailFor('dpo'), password: PASSWORD, next: '/audit' });
      assert.equal(password.headers.location, '/sign-in/two-step', 'the DPO’s second step');
      assert.equal((await agent.get('/audit')).status, 303, 'the password alone signs nobody in');
      const step = await agent.get('/sign-in/two-step');
      const res = await agent
        .post('/sign-in/two-step')
        .type('form')
        .send({ _csrf: csrfFrom(step.text), code: await nextCode(ctx, emailFor('dpo')) });
      assert.equal(res.status, 303);
      assert.equal(res.headers.location, '/audit');
      assert.deepEqual(cookieNames(res), ['custodian']);
      const sessionOf = (r: { headers: Record<string, unknown> }) =>
        (r.headers['set-cookie'] as string[])[0]!.split(';')[0];
      assert.notEqual(sessionOf(res), sessionOf(password), 'a new session id once signed in');
      assert.match(res.headers['set-cookie']![0]!, /HttpOnly/i);
      assert.match(res.headers['set-cookie']![0]!, /SameSite=Lax/i);
      const home = await agent.get('/');
      assert.equal(home.status, 200);
      assert.match(home.text, /Hello, Test dpo/);
      assert.match(home.text, /Needs your attention/);
      assert.doesNotMatch(home.text, /<strong>0<\/strong>/, 'nothing to do is not listed');
      const out = await agent
        .post('/sign-out')
        .type('form')
        .send({ _csrf: csrfFrom(home.text) });
      assert.equal(out.status, 303);
      assert.equal((await agent.get('/')).status, 303);
    });

    it('stores no session for anonymous visitors, however many pages they read', async () => {
      const sessions = async () =>
        (await ctx.database.db.query<{ n: number }>('select count(*)::int as n from sessions'))[0]!.n;
      const before = await sessions();
      for (let i = 0; i < 100; i++) {
        const anonymous = supertest.agent(ctx.app);
        for (const path of ['/sign-in', '/requests/new', '/disclosure-log', '/publication-scheme', '/'])
          assert.ok((await anonymous.get(path)).status < 400, path);
      }
      assert.equal(await sessions(), before);
      const { agent } = await attempt(emailFor('records_manager'), PASSWORD);
      assert.equal(await sessions(), before + 1, 'signing in stores one');
      const home = await agent.get('/');
      await agent
        .post('/sign-out')
        .type('form')
        .send({ _csrf: csrfFrom(home.text) });
      assert.equal(await sessions(), before, 'signing out removes it');
    });

    it('refuses with one message whether or not the account exists, keeping the email typed', async () => {
      const wrong = await attempt(emailFor('staff'), 'not the password');
      const unknown = await attempt('nobody@test.example', 'not the password');
      assert.equal(wrong.res.status, 401);
      assert.equal(unknown.res.status, 401);
      const message = (html: string) => /govuk-error-summary__list[\s\S]*?<a[^>]*>([^<]+)</.exec(html)?.[1];
      assert.ok(message(wrong.res.text));
      assert.equal(message(wrong.res.text), message(unknown.res.text));
      assert.match(unknown.res.text, /value="nobody@test.example"/);
    });

    it('shows the fields to fix when the form is incomplete', async () => {
      const { res } = await attempt('', '');
      assert.equal(res.status, 400);
      assert.match(res.text, /Enter your email address/);
      assert.match(res.text, /Enter your password/);
      assert.match(res.text, /<title>Error: /);
    });

    it('locks an account for 15 minutes after 5 wrong passwords', async () => {
      const email = emailFor('auditor');
      for (let i = 0; i < 5; i++) assert.equal((await attempt(email, `wrong ${i}`)).res.status, 401);
      assert.equal(
        (await attempt(email, PASSWORD)).res.status,
        401,
        'locked: even the right password is refused',
      );
      ctx.clock.advance(16 * 60 * 1000);
      assert.equal((await attempt(email, PASSWORD)).res.status, 303);
      const events = await ctx.services.audit.search({ action: 'user.locked' }, { limit: 10, offset: 0 });
      assert.equal(events.total, 1);
    });

    it('refuses a form without its CSRF token', async () => {
      const agent = supertest.agent(ctx.app);
      await agent.get('/sign-in');
      const res = await agent
        .post('/sign-in')
        .type('form')
        .send({ email: emailFor('dpo'), password: PASSWORD });
      assert.equal(res.status, 403);
      const signedIn = await signedInAgent(ctx, emailFor('admin'));
      const forged = await signedIn
        .post(`/admin/users/${ctx.userIds.staff}/deactivate`)
        .type('form')
        .send({ _csrf: 'forged' });
      assert.equal(forged.status, 403);
      assert.equal((await ctx.services.users.get(ctx.userIds.staff))!.active, true);
    });

    it('ends a session after 30 idle minutes', async () => {
      const agent = await signedInAgent(ctx, emailFor('ig_officer'));
      ctx.clock.advance(29 * 60 * 1000);
      assert.equal((await agent.get('/')).status, 200);
      ctx.clock.advance(31 * 60 * 1000);
      const res = await agent.get('/');
      assert.equal(res.status, 303);
      assert.match(res.headers.location!, /^\/sign-in/);
    });

    it('ends a session 12 hours after sign-in however busy', async () => {
      const agent = await signedInAgent(ctx, emailFor('records_manager'));
      for (let i = 0; i < 24; i++) {
        ctx.clock.advance(29 * 60 * 1000);
        assert.equal((await agent.get('/')).status, 200, `still signed in after ${(i + 1) * 29} minutes`);
      }
      ctx.clock.advance(29 * 60 * 1000);
      assert.equal((await agent.get('/')).status, 303);
    });

    it('sends back only to paths on this site', async () => {
      const agent = supertest.agent(ctx.app);
      const page = await agent.get('/sign-in');
      const res = await agent
        .post('/sign-in')
        .type('form')
        .send({
          _csrf: csrfFrom(page.text),
          email: emailFor('staff'),
          password: PASSWORD,
          next: '//evil.example/',
        });
      assert.equal(res.headers.location, '/');
    });
  });
}
