import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runCli, startCli, stop } from '../support/cli.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';

/** The production path: every command pointed at a PostgreSQL server with DATABASE_URL. */
describe('command line on a PostgreSQL server', () => {
  let database: TestDatabase;
  let env: NodeJS.ProcessEnv;
  before(async () => {
    database = await createTestDatabase('postgresql');
    env = { DATABASE_URL: database.url };
  });
  after(() => database.close());

  it('migrates, seeds, and verifies the audit trail', async () => {
    const migrate = await runCli(['migrate'], env);
    assert.equal(migrate.code, 0, migrate.stderr);
    assert.match(migrate.stdout, /0 migrations applied/);
    const seed = await runCli(['seed', '--demo'], env);
    assert.equal(seed.code, 0, seed.stderr);
    assert.match(seed.stdout, /6 directorates, 26 teams, 200 users/);
    const again = await runCli(['seed', '--demo'], env);
    assert.notEqual(again.code, 0);
    assert.match(again.stderr, /already has users/);
    const verify = await runCli(['audit', 'verify'], env);
    assert.equal(verify.code, 0, verify.stderr);
    const [{ n }] = (await database.db.query<{ n: number }>('select count(*) as n from audit_events')) as [
      { n: number },
    ];
    assert.ok(n > 230, 'every seeded change was audited');
    assert.equal(verify.stdout, `ok ${n} events\n`);
  });

  it('runs jobs in a separate worker process', async () => {
    const worker = await startCli(['worker'], env, /worker running/);
    try {
      await database.db.query(
        `insert into sessions (sid, data, expires_at) values ('stale', '{}', now() - interval '1 hour')`,
      );
      const { JobQueue } = await import('../../src/platform/jobs/queue.ts');
      const { createLogger } = await import('../../src/platform/logger.ts');
      const sender = new JobQueue(database.db, [], createLogger('silent'));
      await sender.start();
      const id = await sender.send('sessions.purge-expired');
      const deadline = Date.now() + 30_000;
      let state = '';
      while (state !== 'completed' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        state =
          (await database.db.query<{ state: string }>('select state from pgboss.job where id = $1', [id]))[0]
            ?.state ?? '';
      }
      await sender.stop();
      assert.equal(state, 'completed');
      assert.equal((await database.db.query(`select 1 from sessions where sid = 'stale'`)).length, 0);
    } finally {
      await stop(worker.child);
    }
  });

  it('finds a tampered event on the server too', async () => {
    await database.db.exec(`set session_replication_role = replica;
      update audit_events set action = 'user.deleted' where seq = 40;
      set session_replication_role = origin;`);
    const verify = await runCli(['audit', 'verify'], env);
    assert.equal(verify.code, 2);
    assert.match(verify.stderr, /broken at event 40: its contents do not match its hash/);
  });
});
