import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import supertest from 'supertest';
import { eq } from 'drizzle-orm';
import type TestAgent from 'supertest/lib/agent.js';
import {
  createTestContext,
  csrfFrom,
  emailFor,
  keyShownOn,
  nextCode,
  PASSWORD,
  setUpAuthenticator,
  signedInAgent,
  submitForm,
  TEST_AUTHENTICATOR_KEY,
  type TestContext,
} from '../../../test/support/app.ts';
import { DATABASE_KINDS } from '../../../test/support/databases.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { recoveryCodes, users } from '../../platform/identity/schema.ts';
import { outbox } from '../../platform/mail/schema.ts';
import { DEMO_AUTHENTICATOR_KEY } from '../../platform/identity/demo.ts';
import { codeAt } from '../../platform/identity/two-step.ts';

const actor = systemActor('Test');

for (const kind of DATABASE_KINDS) {
  describe(`two-step sign-in (${kind})`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await createTestContext(kind);
    });
    after(() => ctx.close());

    /** The password step: the agent and where it was sent next. */
    const password = async (email: string, next = '/') => {
      const agent = supertest.agent(ctx.app);
      const page = await agent.get('/sign-in');
      const res = await agent
        .post('/sign-in')
        .type('form')
        .send({ _csrf: csrfFrom(page.text), email, password: PASSWORD, next });
      return { agent, location: res.headers.location as string };
    };
    const giveCode = async (agent: TestAgent, code: string, path = '/sign-in/two-step') => {
      const page = await agent.get(path);
      return agent
        .post(path)
        .type('form')
        .send({ _csrf: csrfFrom(page.text), code });
    };
    const newAccount = async (email: string, role: 'admin' | 'dpo' | null) =>
      ctx.services.users.create(actor, {
        email,
        displayName: email.split('@')[0]!,
        password: PASSWORD,
        grants: role ? [{ role, directorateId: null }] : [],
        teamIds: [],
      });
    const auditOf = async (action: string) =>
      (await ctx.services.audit.search({ action }, { limit: 20, offset: 0 })).rows;

    it('makes an administrator without an authenticator set one up at sign-in, from a QR code, before anything else', async () => {
      const email = 'new.admin@test.example';
      const id = await newAccount(email, 'admin');
      const { agent, location } = await password(email, '/admin');
      assert.equal(location, '/sign-in/two-step/set-up');
      assert.equal((await agent.get('/admin')).status, 303, 'not signed in yet');
      const page = await agent.get('/sign-in/two-step/set-up');
      assert.match(page.text, /<img class="app-qr-code" src="data:image\/png;base64,[A-Za-z0-9+/=]+"/);
      const key = keyShownOn(page.text);
      assert.match(key, /^[A-Z2-7]{32}$/);
      assert.equal(keyShownOn((await agent.get('/sign-in/two-step/set-up')).text), key, 'the same key again');

      const wrong = await giveCode(agent, '000000', '/sign-in/two-step/set-up');
      assert.equal(wrong.status, 400);
      assert.match(wrong.text, /Enter the 6-digit code your authenticator app shows now/);
      const done = await giveCode(agent, codeAt(key, ctx.clock.now()), '/sign-in/two-step/set-up');
      assert.equal(done.status, 200);
      assert.match(done.text, /Two-step sign-in is set up/);
      const codes = [...done.text.matchAll(/<li><code>([a-z0-9-]+)<\/code><\/li>/g)].map((m) => m[1]!);
      assert.equal(codes.length, 10);
      assert.match(done.text, /href="\/admin"/);
      assert.equal((await agent.get('/admin')).status, 200, 'signed in now');

      // Kept sealed and hashed: neither the key nor a recovery code is in the database in the clear.
      const [row] = await ctx.database.db.orm.select().from(users).where(eq(users.id, id));
      assert.ok(row!.totpSecret && !row!.totpSecret.includes(key));
      const hashes = await ctx.database.db.orm
        .select()
        .from(recoveryCodes)
        .where(eq(recoveryCodes.userId, id));
      assert.equal(hashes.length, 10);
      for (const h of hashes) assert.ok(!codes.some((c) => h.codeHash.includes(c.replace('-', ''))));
      assert.equal((await auditOf('user.two-step-set-up'))[0]!.entityId, String(id));
      assert.deepEqual((await auditOf('user.signed-in'))[0]!.details, {
        method: 'two-step',
        secondStep: 'set-up',
      });
      for (const e of await auditOf('user.two-step-set-up')) assert.ok(!JSON.stringify(e).includes(key));
    });

    it('asks the DPO for a code after the password; a used code, a wrong one or a stale sign-in does not let them in', async () => {
      const email = emailFor('dpo');
      const { agent, location } = await password(email, '/audit');
      assert.equal(location, '/sign-in/two-step');
      const page = await agent.get('/sign-in/two-step');
      assert.match(page.text, /Enter the code from your authenticator app/);
      assert.match(page.text, /autocomplete="one-time-code"/);
      assert.doesNotMatch(page.text, /demonstration council/, 'a real key’s code is never shown');
      const wrong = await giveCode(agent, '12345x');
      assert.equal(wrong.status, 401);
      assert.match(wrong.text, /After 5 wrong attempts the account is locked/);
      const code = await nextCode(ctx, email);
      const ok = await giveCode(agent, code);
      assert.equal(ok.headers.location, '/audit');
      assert.equal((await agent.get('/audit')).status, 200);

      // Someone who saw that code over the DPO's shoulder, with the password too, cannot use it again.
      const thief = await password(email);
      const replayed = await giveCode(thief.agent, code);
      assert.equal(replayed.status, 401);
      assert.equal((await thief.agent.get('/audit')).status, 303);

      // A sign-in left half done goes stale after ten minutes.
      const stale = await password(email);
      const form = await stale.agent.get('/sign-in/two-step');
      ctx.clock.advance(11 * 60_000);
      const late = await stale.agent
        .post('/sign-in/two-step')
        .type('form')
        .send({ _csrf: csrfFrom(form.text), code: await nextCode(ctx, email) });
      assert.match(late.text, /Your sign-in took too long to finish/);
      assert.match(late.text, /Sign in to Custodian/);
      assert.equal((await stale.agent.get('/audit')).status, 303);
      assert.match((await supertest(ctx.app).get('/sign-in/two-step')).text, /Sign in to Custodian/);
    });

    it('locks the account after five wrong codes, and a right password does not clear the count', async () => {
      const email = 'locked.dpo@test.example';
      const id = await newAccount(email, 'dpo');
      await setUpAuthenticator(ctx.services, ctx.clock, id, TEST_AUTHENTICATOR_KEY);
      for (let i = 0; i < 4; i++) {
        // The password again each time, as someone who knows it would try.
        const { agent } = await password(email);
        assert.equal((await giveCode(agent, '000000')).status, 401);
      }
      const { agent } = await password(email);
      const fifth = await giveCode(agent, '000000');
      assert.equal(fifth.status, 401);
      assert.match(fifth.text, /locked for 15 minutes/);
      assert.equal((await password(email)).location, undefined, 'the password is refused while locked');
      ctx.clock.advance(16 * 60_000);
      assert.ok(await signedInAgent(ctx, email));
      assert.equal((await auditOf('user.locked')).filter((e) => e.entityId === String(id)).length, 1);
    });

    it('lets someone without their phone in once with each recovery code, and says how many are left', async () => {
      const email = 'lost.phone@test.example';
      const id = await newAccount(email, 'admin');
      const codes = await setUpAuthenticator(ctx.services, ctx.clock, id, TEST_AUTHENTICATOR_KEY);
      const first = await password(email);
      const used = await giveCode(first.agent, codes[3]!.toUpperCase().replace('-', ' '));
      assert.equal(used.status, 303);
      assert.match((await first.agent.get('/')).text, /You signed in with a recovery code. You have 9 left/);
      const again = await password(email);
      assert.equal((await giveCode(again.agent, codes[3]!)).status, 401, 'each code works once');
      assert.deepEqual((await auditOf('user.signed-in'))[0]!.details, {
        method: 'two-step',
        secondStep: 'recovery-code',
      });
    });

    it('shows the demonstration council’s code, whose key is published, and no other', async () => {
      const email = 'demo.admin@test.example';
      const id = await newAccount(email, 'admin');
      await setUpAuthenticator(ctx.services, ctx.clock, id, DEMO_AUTHENTICATOR_KEY);
      const { agent } = await password(email);
      const page = await agent.get('/sign-in/two-step');
      const shown = /already filled in: (\d{6})\./.exec(page.text)?.[1];
      assert.ok(shown);
      assert.ok(new RegExp(`name="code"[^>]*value="${shown}"`).test(page.text), 'filled in');
      assert.equal((await giveCode(agent, shown)).status, 303, 'one click for a newcomer');
    });

    it('signs out someone given an administrator’s role during a session without a second factor', async () => {
      const email = 'promoted@test.example';
      const id = await newAccount(email, null);
      const agent = await signedInAgent(ctx, email);
      assert.equal((await agent.get('/')).status, 200);
      await ctx.services.users.grant(actor, id, { role: 'dpo', directorateId: null });
      const next = await agent.get('/');
      assert.equal(next.headers.location, '/sign-in?next=%2F');
      assert.match((await agent.get('/sign-in')).text, /Your role now needs two-step sign-in/);
      assert.equal((await password(email)).location, '/sign-in/two-step/set-up');
    });

    describe('your account', () => {
      it('lets a member of staff turn two-step sign-in on, and off again with a code', async () => {
        const email = 'careful.staff@test.example';
        await newAccount(email, null);
        const agent = await signedInAgent(ctx, email);
        const account = await agent.get('/account');
        assert.match(account.text, /Two-step sign-in is off/);
        const setUp = await agent.get('/account/two-step/set-up');
        const key = keyShownOn(setUp.text);
        const done = await agent
          .post('/account/two-step/set-up')
          .type('form')
          .send({ _csrf: csrfFrom(setUp.text), code: codeAt(key, ctx.clock.now()) });
        assert.equal(done.status, 200);
        assert.match(done.text, /Your recovery codes/);
        assert.match(
          (await agent.get('/account')).text,
          /Recovery codes left\s*<\/dt>\s*<dd[^>]*>\s*10 of 10/,
        );
        assert.equal((await password(email)).location, '/sign-in/two-step', 'asked for a code from now on');

        const wrong = await submitForm(agent, '/account/two-step/turn-off', '/account/two-step/turn-off', {
          code: '000000',
        });
        assert.equal(wrong.status, 400);
        ctx.clock.advance(30_000);
        const off = await submitForm(agent, '/account/two-step/turn-off', '/account/two-step/turn-off', {
          code: codeAt(key, ctx.clock.now()),
        });
        assert.equal(off.headers.location, '/account');
        assert.match((await agent.get('/account')).text, /Two-step sign-in is off for your account/);
        assert.equal((await password(email)).location, '/');
        assert.equal((await agent.get('/account/two-step/recovery-codes')).headers.location, '/account');
      });

      it('keeps it on for the DPO, and asks for a current code before new recovery codes or a new app', async () => {
        const email = emailFor('dpo');
        const agent = await signedInAgent(ctx, email);
        const account = await agent.get('/account');
        assert.match(account.text, /Your role needs two-step sign-in, so it stays on/);
        assert.doesNotMatch(account.text, /Turn off two-step sign-in/);
        const refused = await submitForm(agent, '/account/two-step/turn-off', '/account/two-step/turn-off', {
          code: await nextCode(ctx, email),
        });
        assert.equal(refused.status, 400);

        const wrong = await submitForm(
          agent,
          '/account/two-step/recovery-codes',
          '/account/two-step/recovery-codes',
          {
            code: '000000',
          },
        );
        assert.equal(wrong.status, 400);
        const fresh = await submitForm(
          agent,
          '/account/two-step/recovery-codes',
          '/account/two-step/recovery-codes',
          {
            code: await nextCode(ctx, email),
          },
        );
        assert.equal(fresh.status, 200);
        assert.match(fresh.text, /Any codes you had before no longer work/);

        const setUp = await agent.get('/account/two-step/set-up');
        assert.match(setUp.text, /Change your authenticator app/);
        const newKey = keyShownOn(setUp.text);
        const withoutCurrent = await agent
          .post('/account/two-step/set-up')
          .type('form')
          .send({ _csrf: csrfFrom(setUp.text), current: '000000', code: codeAt(newKey, ctx.clock.now()) });
        assert.equal(withoutCurrent.status, 400, 'a session left open cannot swap the app');
        assert.equal(keyShownOn(withoutCurrent.text), newKey);
      });
    });

    it('lets an administrator reset a lost authenticator, ending the person’s sessions; they set up a new one', async () => {
      const email = 'reset.me@test.example';
      const id = await newAccount(email, 'dpo');
      await setUpAuthenticator(ctx.services, ctx.clock, id, TEST_AUTHENTICATOR_KEY);
      const theirs = await signedInAgent(ctx, email);
      const admin = await signedInAgent(ctx, emailFor('admin'));
      const user = await admin.get(`/admin/users/${id}`);
      assert.match(user.text, /Set up on 25 November 2026/);
      const confirm = await admin.get(`/admin/users/${id}/two-step`);
      assert.match(confirm.text, /Check it is really them asking/);
      const done = await submitForm(admin, `/admin/users/${id}/two-step`, `/admin/users/${id}/two-step`, {});
      assert.equal(done.headers.location, `/admin/users/${id}`);
      assert.match(
        (await admin.get(`/admin/users/${id}`)).text,
        /will set up a new authenticator app at their next sign-in/,
      );
      assert.equal((await theirs.get('/')).status, 303, 'signed out everywhere');
      assert.equal((await password(email)).location, '/sign-in/two-step/set-up');
      assert.equal((await auditOf('user.two-step-reset'))[0]!.entityId, String(id));
      const notices = await ctx.database.db.orm.select().from(outbox).where(eq(outbox.toAddress, email));
      assert.deepEqual(
        notices.map((n) => n.subject),
        ['A change to how you sign in to Custodian', 'A change to how you sign in to Custodian'],
        'told when the app was set up, and when it was reset',
      );
      assert.match(notices[1]!.body, /An administrator reset two-step sign-in for your Custodian account/);
      assert.match(notices[1]!.body, /on 25 November 2026 at \d{1,2}:\d{2}[ap]m\./);
      assert.match(notices[1]!.body, /If it was not, tell your information governance team/);
      const staff = await signedInAgent(ctx, emailFor('staff'));
      assert.equal((await staff.post(`/admin/users/${id}/two-step`).type('form').send({})).status, 403);
    });
  });
}
