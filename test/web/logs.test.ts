import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import express from 'express';
import supertest from 'supertest';
import { sql } from 'drizzle-orm';
import { createTestContext, csrfFrom, formBody, type TestContext } from '../support/app.ts';
import { startSmtpCapture } from '../support/smtp.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { errorHandler } from '../../src/platform/web/middleware/errors.ts';
import { configureViews } from '../../src/platform/web/nunjucks.ts';

const NAME = 'Jane Requester';
const EMAIL = 'jane.requester@example.com';
const ADDRESS = '12 Acacia Avenue, Kingsmere KM1 2AB';
const NINO = 'QQ123456C';

function capture() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger('debug', stream), text: () => chunks.join('') };
}

function assertNoPersonalData(text: string) {
  for (const value of [NAME, EMAIL, ADDRESS, NINO, 'argon2id'])
    assert.ok(!text.includes(value), `the logs hold "${value}":\n${text}`);
}

describe('no personal data in the logs', () => {
  let ctx: TestContext;
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  const logs = capture();

  before(async () => {
    smtp = await startSmtpCapture({ refuse: (address) => address === EMAIL });
    ctx = await createTestContext('pglite', undefined, { smtpUrl: smtp.url }, { logger: logs.logger });
  });
  after(async () => {
    await ctx.close();
    await smtp.close();
  });

  it('refuses a NUL in the public form at the edge, and logs none of what was typed', async () => {
    const agent = supertest.agent(ctx.app);
    const csrf = () => agent.get('/requests/new').then((r) => csrfFrom(r.text));
    await agent
      .post('/requests/new')
      .type('form')
      .send(formBody({ _csrf: await csrf(), type: 'sar' }));
    await agent
      .post('/requests/new/details')
      .type('form')
      .send(formBody({ _csrf: await csrf(), description: `All you hold on me, NI number ${NINO}.` }));
    const res = await agent
      .post('/requests/new/contact')
      .type('form')
      .send(
        formBody({
          _csrf: await csrf(),
          requesterName: `${NAME}\u0000`,
          requesterEmail: EMAIL,
          requesterAddress: ADDRESS,
        }),
      );
    assert.equal(res.status, 400);
    const rows = await ctx.database.db.query<{ count: number }>(
      'select count(*)::int as count from request_cases',
    );
    assert.equal(rows[0]?.count, 0);
    assertNoPersonalData(logs.text());
  });

  it('logs a failed query by its code and statement, not its parameters', async () => {
    const app = express();
    app.get('/boom', async () => {
      await ctx.database.db.orm.execute(
        sql`insert into request_cases (reference, requester_name, requester_email) values (${'X'}, ${`${NAME}\u0000`}, ${EMAIL})`,
      );
    });
    app.use(errorHandler(logs.logger));
    configureViews(app, { serviceName: 'Custodian', councilName: 'Test' });
    const res = await supertest(app).get('/boom');
    assert.equal(res.status, 500);
    assert.match(logs.text(), /"query":"insert request_cases"/);
    assertNoPersonalData(logs.text());
  });

  it('logs a refused delivery by its codes, not the recipient’s address', async () => {
    await ctx.services.mail.queue(ctx.database.db.orm, {
      to: EMAIL,
      subject: 'Your request',
      body: 'Dear Jane',
    });
    const first = await ctx.services.mail.deliver();
    const second = await ctx.services.mail.deliver();
    assert.equal(first.failed + second.failed, 2, 'refused on each attempt');
    assert.match(logs.text(), /mail delivery failed/);
    assert.match(logs.text(), /"responseCode":550/);
    assertNoPersonalData(logs.text());
  });
});
