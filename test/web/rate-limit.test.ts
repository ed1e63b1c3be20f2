import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import supertest from 'supertest';
import { createTestContext, csrfFrom, emailFor, PASSWORD, type TestContext } from '../support/app.ts';
import { createApp } from '../../src/app.ts';
import { runCli, startCli, stop } from '../support/cli.ts';
import { createTestDatabase } from '../support/databases.ts';

type App = TestContext['app'];

async function signIn(app: App, email: string, password: string): Promise<number> {
  const agent = supertest.agent(app);
  const page = await agent.get('/sign-in');
  const res = await agent
    .post('/sign-in')
    .type('form')
    .send({ _csrf: csrfFrom(page.text), email, password });
  return res.status;
}

describe('the sign-in limit', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext('pglite');
  });
  after(() => ctx.close());

  it('never counts successful sign-ins: a council behind one address signs in all morning', async () => {
    for (let i = 0; i < 40; i++)
      assert.equal(await signIn(ctx.app, emailFor('dpo'), PASSWORD), 303, `sign-in ${i + 1}`);
  });

  it('counts failures per address across every web process sharing the database', async () => {
    // A second web process: its own app and limiter, the same database.
    const other = createApp(ctx.services, { sessionSecret: 'test-secret' });
    for (let i = 0; i < 15; i++) {
      assert.equal(await signIn(ctx.app, `nobody${i}@test.example`, 'wrong password'), 401);
      assert.equal(await signIn(other, `someone${i}@test.example`, 'wrong password'), 401);
    }
    assert.equal(await signIn(ctx.app, emailFor('ig_officer'), PASSWORD), 429, 'the 31st attempt waits');
    assert.equal(await signIn(other, emailFor('ig_officer'), PASSWORD), 429);
    // Fifteen minutes later (the window is on the wall clock; move it rather than wait).
    await ctx.database.db.query(`update rate_limits set reset_at = now() - interval '1 second'`);
    assert.equal(
      await signIn(other, emailFor('ig_officer'), PASSWORD),
      303,
      'and is let in when the window ends',
    );
  });
});

describe('secure cookies without a trusted proxy', () => {
  it('says at start that no sign-in would stick', async () => {
    const database = await createTestDatabase('postgresql');
    try {
      const server = await startCli(
        ['serve', '--no-jobs'],
        { DATABASE_URL: database.url, PORT: '0', SECURE_COOKIES: 'true' },
        /running at/,
      );
      assert.match(server.output(), /SECURE_COOKIES=true but TRUST_PROXY=0/);
      // And, with no SMTP server set, that letters wait in the outbox rather than being sent.
      assert.match(server.output(), /SMTP_URL is not set, so letters wait in the outbox/);
      await stop(server.child);
      const trusted = await runCli(['migrate'], { DATABASE_URL: database.url, SECURE_COOKIES: 'true' });
      assert.doesNotMatch(trusted.stdout + trusted.stderr, /TRUST_PROXY/, 'only serve warns');
    } finally {
      await database.close();
    }
  });
});
