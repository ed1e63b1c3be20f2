import type { Command } from 'commander';
import { withServices } from './context.ts';
import { systemActor } from '../platform/audit/service.ts';
import { apiTokenSchema } from '../platform/identity/schemas.ts';
import { ValidationError } from '../platform/commands.ts';

export function tokenCommands(program: Command): void {
  const token = program.command('token').description('API tokens');
  token
    .command('create')
    .description('create an API token and print it (shown once)')
    .requiredOption('--name <name>', 'what will use it')
    .requiredOption('--role <role>', 'the role it acts as')
    .action(async (opts: { name: string; role: string }) => {
      await withServices(async (services) => {
        const parsed = apiTokenSchema.safeParse({ name: opts.name, role: opts.role });
        if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => i.message).join('; '));
        const { id, token: secret } = await services.apiTokens.create(
          systemActor('Command line'),
          parsed.data,
        );
        console.log(`Token ${id}: ${secret}`);
      });
    });
}
