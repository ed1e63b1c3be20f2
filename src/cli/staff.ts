import path from 'node:path';
import type { Command } from 'commander';
import { withServices } from './context.ts';
import { readInputFile } from './files.ts';
import { systemActor } from '../platform/audit/service.ts';

export function staffCommands(program: Command): void {
  const staff = program.command('staff').description("the council's people from HR");
  staff
    .command('import')
    .description('load HR’s extract (CSV): every row checked first, a bad row changes nothing')
    .argument('<file>', 'the extract, with the columns of the template on the Staff page')
    .option('--dry-run', 'say what would change, and change nothing')
    .action(async (file: string, opts: { dryRun?: boolean }) => {
      const bytes = readInputFile(file);
      await withServices(async (services) => {
        const outcome = await services.staff.import(
          systemActor('Command line'),
          { name: path.basename(file), bytes },
          { dryRun: !!opts.dryRun },
        );
        const { plan } = outcome;
        const lines = [
          `${outcome.dryRun ? 'Would import' : 'Imported'} ${outcome.rows} people: ${plan.created.length} new, ${plan.updated.length} changed (${plan.updated.filter((u) => u.moved).length} moved post), ${plan.unchanged} unchanged`,
          plan.leavers.length ? `${plan.leavers.length} given a leave date` : '',
          outcome.accountsClosed
            ? `${outcome.accountsClosed} accounts ${outcome.dryRun ? 'would be closed' : 'closed'} as their holders have left`
            : '',
          outcome.administratorsLeaving
            ? `${outcome.administratorsLeaving} administrators have left: close their accounts by hand`
            : '',
          plan.newDirectorates.length ? `New directorates: ${plan.newDirectorates.join(', ')}` : '',
          plan.newTeams.length
            ? `New teams: ${plan.newTeams.map((t) => `${t.team} (${t.directorate})`).join(', ')}`
            : '',
          plan.notInFile.length
            ? `${plan.notInFile.length} people still working here are not in the file; they are left as they are`
            : '',
        ];
        console.log(lines.filter(Boolean).join('\n'));
      });
    });
}
