import { loadConfig, type Config } from '../platform/config.ts';
import type { Services } from '../composition.ts';

/**
 * Runs a one-off command with the services on the right database (see connectForCommand), migrated, and closes
 * everything afterwards whatever happens. The database drivers and every module are loaded here, when a command
 * needs them, so a command that answers without a database (a deadline, a retention date) starts in a fraction of
 * the time.
 */
export async function withServices<T>(
  work: (services: Services) => Promise<T>,
  config: Config = loadConfig(),
): Promise<T> {
  const [{ connectForCommand }, { migrate }, { createServices }, { createLogger }, { systemClock }] =
    await Promise.all([
      import('../platform/db/connect.ts'),
      import('../platform/db/migrate.ts'),
      import('../composition.ts'),
      import('../platform/logger.ts'),
      import('../platform/clock.ts'),
    ]);
  const db = await connectForCommand(config);
  try {
    await migrate(db);
    const services = createServices({
      config,
      db,
      clock: systemClock,
      logger: createLogger(process.env.LOG_LEVEL ?? 'warn'),
    });
    return await work(services);
  } finally {
    await db.close();
  }
}
