import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../../../test/support/databases.ts';
import { createServices, type Services } from '../../composition.ts';
import { FixedClock } from '../clock.ts';
import { createLogger } from '../logger.ts';
import { loadConfig } from '../config.ts';
import { sessions } from '../identity/schema.ts';
import { JobQueue } from './queue.ts';
import { purgeExpiredSessions } from '../auth/session-store.ts';

async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

for (const kind of DATABASE_KINDS) {
  describe(`job queue on ${kind}`, () => {
    let database: TestDatabase;
    let services: Services;
    let queue: JobQueue;
    const clock = new FixedClock(new Date('2026-11-25T12:00:00Z'));

    before(async () => {
      database = await createTestDatabase(kind);
      services = createServices({
        config: loadConfig({}),
        db: database.db,
        clock,
        logger: createLogger('silent'),
      });
      queue = new JobQueue(
        database.db,
        [
          {
            name: 'sessions.purge-expired',
            cron: '*/10 * * * *',
            run: async () => ({ purged: await purgeExpiredSessions({ db: database.db, clock }) }),
          },
        ],
        createLogger('silent'),
        { pollingIntervalSeconds: 0.5 },
      );
    });
    after(async () => {
      await queue.stop();
      await services.jobs.stop();
      await database.close();
    });

    it('schedules the session purge and runs it as a real job', async () => {
      await database.db.orm.insert(sessions).values([
        { sid: 'old', data: '{}', expiresAt: new Date('2026-11-25T11:00:00Z') },
        { sid: 'live', data: '{}', expiresAt: new Date('2026-11-25T12:30:00Z') },
      ]);
      await queue.work();
      const schedules = await database.db.query<{ name: string; cron: string }>(
        'select name, cron from pgboss.schedule',
      );
      assert.deepEqual(schedules, [{ name: 'sessions.purge-expired', cron: '*/10 * * * *' }]);
      const id = await queue.send('sessions.purge-expired');
      assert.ok(id);
      await until(
        async () =>
          (await database.db.query(`select 1 from pgboss.job where id = $1 and state = 'completed'`, [id]))
            .length === 1,
      );
      const left = await database.db.query<{ sid: string }>('select sid from sessions order by sid');
      assert.deepEqual(left, [{ sid: 'live' }]);
    });
  });
}
