import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import supertest from 'supertest';
import { eq } from 'drizzle-orm';
import {
  createTestContext,
  csrfFrom,
  emailFor,
  nextCode,
  type TestContext,
} from '../../../test/support/app.ts';
import { DATABASE_KINDS } from '../../../test/support/databases.ts';
import { hrFile } from '../../../test/support/staff.ts';
import { OIDC_CLIENT, signInAtProvider, startOidcProvider } from '../../../test/support/oidc-provider.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { users } from '../../platform/identity/schema.ts';

/** Custodian's address as the provider knows it: the test follows the redirect to it through supertest. */
const PUBLIC_URL = 'http://custodian.test';

for (const kind of DATABASE_KINDS) {
  describe(`signing in with the council's OpenID provider (${kind})`, () => {
    let ctx: TestContext;
    let provider: Awaited<ReturnType<typeof startOidcProvider>>;

    before(async () => {
      provider = await startOidcProvider(`${PUBLIC_URL}/sign-in/oidc/callback`, {
        'entra-ann': { email: 'Ann.Other@Test.example', name: 'Ann Other' },
        'entra-staff': { email: emailFor('staff') },
        'entra-byid': { employeeid: 'E3' },
        'entra-stranger': { email: 'stranger@elsewhere.example' },
        'entra-leaver': { email: 'leaver@test.example' },
        'entra-dpo': { email: emailFor('dpo') },
      });
      ctx = await createTestContext(kind, undefined, {
        oidc: {
          issuerUrl: provider.issuer,
          ...OIDC_CLIENT,
          publicUrl: PUBLIC_URL,
          employeeIdClaim: 'employeeid',
          label: 'Sign in with your council account',
        },
      });
      await ctx.services.staff.import(
        systemActor('Test'),
        {
          name: 'hr.csv',
          bytes: hrFile([
            { employee_id: 'E1', name: 'Ann Other', email: 'ann.other@test.example' },
            { employee_id: 'E2', name: 'Test Staff', email: emailFor('staff') },
            { employee_id: 'E3', name: 'No Address' },
            { employee_id: 'E4', name: 'Leaver', email: 'leaver@test.example', leave_date: '2026-10-31' },
            { employee_id: 'E5', name: 'Test Dpo', email: emailFor('dpo') },
          ]),
        },
        { dryRun: false },
      );
    });
    after(async () => {
      await ctx.close();
      await provider.close();
    });

    /** Starts at Custodian, signs in at the provider, and comes back: Custodian's answer to the callback. */
    const signIn = async (login: string, next = '/', multiFactor = false) => {
      const agent = supertest.agent(ctx.app);
      const started = await agent.get(`/sign-in/oidc?next=${encodeURIComponent(next)}`);
      assert.equal(started.status, 303);
      const authorisation = new URL(started.headers.location!);
      assert.equal(authorisation.searchParams.get('code_challenge_method'), 'S256');
      assert.ok(authorisation.searchParams.get('state') && authorisation.searchParams.get('nonce'));
      const back = new URL(await signInAtProvider(authorisation.href, login, { multiFactor }));
      assert.equal(back.origin, PUBLIC_URL);
      return { agent, back, answer: await agent.get(back.pathname + back.search) };
    };

    it('offers the provider on the sign-in page, makes an account from HR’s record on first sign-in, and reuses it', async () => {
      assert.match((await supertest(ctx.app).get('/sign-in')).text, /Sign in with your council account/);
      const first = await signIn('entra-ann', '/training');
      assert.equal(first.answer.status, 303);
      assert.equal(first.answer.headers.location, '/training');
      const home = await first.agent.get('/');
      assert.match(home.text, /Hello, Ann Other/);
      const [account] = await ctx.database.db.orm
        .select()
        .from(users)
        .where(eq(users.email, 'ann.other@test.example'));
      assert.equal(account!.passwordHash, null, 'no password: the provider signs them in');
      const person = await ctx.services.staff.byUser(account!.id);
      assert.equal(person!.employeeId, 'E1');
      const again = await signIn('entra-ann');
      assert.equal(again.answer.status, 303);
      assert.equal(
        (await ctx.database.db.orm.select().from(users).where(eq(users.email, 'ann.other@test.example')))
          .length,
        1,
      );
      const events = await ctx.services.audit.search({ action: 'user.signed-in' }, { limit: 5, offset: 0 });
      assert.deepEqual(events.rows[0]!.details, { method: 'openid-connect', multiFactor: false });
    });

    it('matches an existing account by address, keeping its roles from Custodian', async () => {
      const { answer, agent } = await signIn('entra-staff');
      assert.equal(answer.status, 303);
      assert.match((await agent.get('/')).text, /Hello, Test staff/);
      assert.equal((await ctx.services.staff.byUser(ctx.userIds.staff))!.employeeId, 'E2');
    });

    it('takes the provider’s second factor for the DPO’s, and asks for Custodian’s code when the provider asked for none', async () => {
      const withMfa = await signIn('entra-dpo', '/audit', true);
      assert.equal(withMfa.answer.headers.location, '/audit');
      assert.equal((await withMfa.agent.get('/audit')).status, 200, 'the DPO’s role counts at once');
      const events = await ctx.services.audit.search({ action: 'user.signed-in' }, { limit: 1, offset: 0 });
      assert.deepEqual(events.rows[0]!.details, { method: 'openid-connect', multiFactor: true });

      const passwordOnly = await signIn('entra-dpo', '/audit');
      assert.equal(passwordOnly.answer.headers.location, '/sign-in/two-step');
      assert.equal((await passwordOnly.agent.get('/audit')).status, 303, 'not signed in until the code');
      const step = await passwordOnly.agent.get('/sign-in/two-step');
      const done = await passwordOnly.agent
        .post('/sign-in/two-step')
        .type('form')
        .send({ _csrf: csrfFrom(step.text), code: await nextCode(ctx, emailFor('dpo')) });
      assert.equal(done.headers.location, '/audit');
      assert.equal((await passwordOnly.agent.get('/audit')).status, 200);
    });

    it('refuses, with a page saying why, someone HR does not know, a leaver and someone with no address', async () => {
      const stranger = await signIn('entra-stranger');
      assert.equal(stranger.answer.status, 403);
      assert.match(stranger.answer.text, /not in the HR record Custodian holds/);
      assert.equal((await stranger.agent.get('/')).status, 303, 'not signed in');
      assert.match((await signIn('entra-leaver')).answer.text, /you have left the council/);
      assert.match((await signIn('entra-byid')).answer.text, /HR’s record has no e-mail address for you/);
    });

    it('refuses a wrong state, a wrong nonce, a code used twice, and a callback with no sign-in under way', async () => {
      const { back } = await signIn('entra-ann');
      // The same answer again: the session's sign-in is spent, so it is refused before the code is even tried.
      const replay = await supertest(ctx.app).get(back.pathname + back.search);
      assert.equal(replay.status, 400);
      assert.match(replay.text, /This sign-in has expired or was started in another browser/);

      const agent = supertest.agent(ctx.app);
      const started = await agent.get('/sign-in/oidc');
      const returned = new URL(await signInAtProvider(started.headers.location!, 'entra-ann'));
      returned.searchParams.set('state', 'not-the-state');
      const forged = await agent.get(returned.pathname + returned.search);
      assert.equal(forged.status, 400);
      assert.match(forged.text, /The sign-in could not be completed/);

      // The provider answering with another nonce than the one this sign-in sent (state and PKCE as sent).
      const tampered = supertest.agent(ctx.app);
      const sent = new URL((await tampered.get('/sign-in/oidc')).headers.location!);
      sent.searchParams.set('nonce', 'not-the-nonce');
      const withOtherNonce = new URL(await signInAtProvider(sent.href, 'entra-ann'));
      const refused = await tampered.get(withOtherNonce.pathname + withOtherNonce.search);
      assert.equal(refused.status, 400);
      assert.match(refused.text, /The sign-in could not be completed/);

      const fresh = supertest.agent(ctx.app);
      const once = await fresh.get('/sign-in/oidc');
      const code = new URL(await signInAtProvider(once.headers.location!, 'entra-ann'));
      assert.equal((await fresh.get(code.pathname + code.search)).status, 303);
      // Started again in the same browser, then answered with the first, spent code.
      await fresh.get('/sign-in/oidc');
      const spent = await fresh.get(code.pathname + code.search);
      assert.equal(spent.status, 400);
    });
  });
}
