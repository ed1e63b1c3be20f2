import { loadConfig, type Config } from '../platform/config.ts';
import { createLogger } from '../platform/logger.ts';
import { systemClock } from '../platform/clock.ts';
import { connectForCommand } from '../platform/db/connect.ts';
import { migrate } from '../platform/db/migrate.ts';
import { createServices, type Services } from '../composition.ts';

/**
 * Runs a one-off command with the services on the right database (see connectForCommand), migrated, and closes
 * everything afterwards whatever happens.
 */
export async function withServices<T>(
  work: (services: Services) => Promise<T>,
  config: Config = loadConfig(),
): Promise<T> {
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
