import type { Command } from 'commander';
import { withServices } from './context.ts';

export function auditCommands(program: Command): void {
  const audit = program.command('audit').description('the audit trail');
  audit
    .command('verify')
    .description('recompute the hash chain; exits non-zero naming the first event that does not hold')
    .action(async () => {
      await withServices(async (services) => {
        const result = await services.audit.verify();
        if (result.ok) {
          console.log(`ok ${result.count} events`);
        } else {
          console.error(
            `broken at event ${result.brokenAt}: ${result.reason} (${result.count} events before it verified)`,
          );
          process.exitCode = 2;
        }
      });
    });
}
