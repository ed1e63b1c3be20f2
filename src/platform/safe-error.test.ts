import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../../test/support/databases.ts';
import { safeError, statementName } from './safe-error.ts';
import { createLogger } from './logger.ts';

/** Personal data a failed statement would have carried as parameters. */
const PERSONAL = ['Jane Requester', 'jane.requester@example.com', 'QQ 12 34 56 C', '$argon2id$v=19$m=19456'];

function lines(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  return {
    stream: new Writable({
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk.toString());
        done();
      },
    }),
    text: () => chunks.join(''),
  };
}

async function failure(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected the statement to fail');
}

for (const kind of DATABASE_KINDS) {
  describe(`safe errors from ${kind}`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await createTestDatabase(kind);
      await database.db.exec('create table people (id serial primary key, name text unique, email text)');
    });
    after(() => database.close());

    it('keeps the code and the statement, never the parameters, of a NUL refused by the database', async () => {
      const error = await failure(() =>
        database.db.orm.execute(
          sql`insert into people (name, email) values (${`${PERSONAL[0]}\u0000`}, ${PERSONAL[1]})`,
        ),
      );
      const safe = safeError(error);
      const text = JSON.stringify(safe);
      for (const value of PERSONAL.slice(0, 2)) assert.ok(!text.includes(value), `${value} leaked: ${text}`);
      assert.equal(safe.query, 'insert people');
      assert.equal(safe.cause?.code ?? safe.code, '22021');
    });

    it('drops the duplicate key PostgreSQL quotes, and a value quoted in its message', async () => {
      await database.db.orm.execute(sql`insert into people (name) values (${PERSONAL[1]})`);
      const duplicate = JSON.stringify(
        safeError(
          await failure(() =>
            database.db.orm.execute(sql`insert into people (name) values (${PERSONAL[1]})`),
          ),
        ),
      );
      assert.ok(!duplicate.includes(PERSONAL[1]!), duplicate);
      assert.match(duplicate, /23505/);
      assert.match(duplicate, /people_name_key/);
      const cast = JSON.stringify(
        safeError(await failure(() => database.db.orm.execute(sql`select ${PERSONAL[1]}::int`))),
      );
      assert.ok(!cast.includes(PERSONAL[1]!), cast);
      assert.match(cast, /22P02/);
    });

    it('writes a logged database error without its parameters, however it is logged', async () => {
      const error = await failure(() =>
        database.db.orm.execute(
          sql`insert into people (name, email) values (${PERSONAL[3]}, ${`${PERSONAL[2]}\u0000`})`,
        ),
      );
      const out = lines();
      const logger = createLogger('info', out.stream);
      logger.error({ err: error }, 'request failed');
      logger.error({ error }, 'job failed');
      logger.error(error as Error, 'plain');
      for (const value of PERSONAL) assert.ok(!out.text().includes(value), `${value} leaked: ${out.text()}`);
      assert.match(out.text(), /insert people/);
    });
  });
}

describe('safe errors', () => {
  it('names statements by verb and table', () => {
    assert.equal(statementName('insert into "request_cases" ("a") values ($1)'), 'insert request_cases');
    assert.equal(statementName('update "users" set "x" = $1 where "id" = $2'), 'update users');
    assert.equal(statementName('delete from "sessions" where sid = $1'), 'delete sessions');
    assert.equal(statementName('select "id" from "users" where "email" = $1'), 'select users');
    assert.equal(statementName('with x as (select 1) select 2'), 'with');
  });

  it('keeps an SMTP refusal’s codes and drops the address it names', () => {
    const error = Object.assign(
      new Error(
        "Can't send mail - all recipients were rejected: 550 5.1.1 <jane@example.com>: Recipient address rejected",
      ),
      { code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO' },
    );
    const safe = safeError(error);
    assert.deepEqual(
      { code: safe.code, responseCode: safe.responseCode, command: safe.command, message: safe.message },
      { code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO', message: undefined },
    );
    assert.ok(!JSON.stringify(safe).includes('jane@example.com'));
  });

  it('keeps an ordinary error’s message, less addresses and long numbers', () => {
    const safe = safeError(
      new TypeError('Cannot read properties of undefined (jane@example.com, 943 476 5919)'),
    );
    assert.equal(safe.type, 'TypeError');
    assert.equal(safe.message, 'Cannot read properties of undefined ([address], [number])');
  });
});
