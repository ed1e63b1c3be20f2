import type { Command } from 'commander';
import { loadConfig } from '../platform/config.ts';
import { createLogger } from '../platform/logger.ts';
import { systemClock } from '../platform/clock.ts';
import { connectForCommand } from '../platform/db/connect.ts';
import { migrate } from '../platform/db/migrate.ts';
import { createServices } from '../composition.ts';

export function workerCommand(program: Command): void {
  program
    .command('worker')
    .description('run background jobs without the web app; start as many as the work needs, on any machine')
    .action(async () => {
      const config = loadConfig();
      const logger = createLogger(config.logLevel);
      const db = await connectForCommand(config);
      await migrate(db);
      const services = createServices({ config, db, clock: systemClock, logger });
      await services.jobs.work();
      console.log(`Custodian worker running on ${db.description}`);
      const stop = async () => {
        await services.jobs.stop();
        await db.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });
}
