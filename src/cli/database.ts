import type { Command } from 'commander';
import { loadConfig } from '../platform/config.ts';
import { connectForCommand } from '../platform/db/connect.ts';
import { migrate } from '../platform/db/migrate.ts';
import { withServices } from './context.ts';
import { DEFAULT_DEMO_SEED, seedDemo } from './demo.ts';

export function databaseCommands(program: Command): void {
  program
    .command('migrate')
    .description('apply database migrations (also done by `serve` on start)')
    .action(async () => {
      const db = await connectForCommand(loadConfig());
      try {
        const { applied } = await migrate(db);
        console.log(`${applied} migration${applied === 1 ? '' : 's'} applied on ${db.description}`);
      } finally {
        await db.close();
      }
    });

  program
    .command('seed')
    .description('fill an empty database with data')
    .requiredOption('--demo', 'the fictional demo council')
    .option(
      '--seed <n>',
      'random seed (the same seed gives the same council)',
      (v) => Number.parseInt(v, 10),
      DEFAULT_DEMO_SEED,
    )
    .action(async (opts: { seed: number }) => {
      await withServices(async (services) => {
        const outcome = await seedDemo(services, opts.seed);
        if (!outcome.seeded) {
          console.error(`custodian: not seeded: ${outcome.reason}`);
          process.exitCode = 1;
          return;
        }
        console.log(
          `Seeded the demo council: ${Object.entries(outcome.counts)
            .map(([k, v]) => `${v} ${k}`)
            .join(', ')}`,
        );
      });
    });
}
