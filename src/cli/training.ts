import path from 'node:path';
import type { Command } from 'commander';
import { withServices } from './context.ts';
import { readInputFile } from './files.ts';
import { systemActor } from '../platform/audit/service.ts';
import { ValidationError } from '../platform/errors.ts';
import { parseInput } from '../platform/validation.ts';
import { isIsoDate } from '../domain/calendar/dates.ts';
import { courseSchema } from '../modules/training/inputs.ts';

const actor = systemActor('Command line');
const percent = (p: number | null) => (p === null ? '–' : `${p.toFixed(1)}%`);

export function trainingCommands(program: Command): void {
  const training = program.command('training').description('courses, completions and the 95% figure');
  const course = training.command('course').description('the courses staff take');
  course
    .command('add')
    .description('add a course')
    .requiredOption('--code <code>', 'short and stable, as completions files name it: DPA-IG')
    .requiredOption('--title <title>', 'the course title')
    .option('--mandatory', 'counted towards the 95% figure and reminded')
    .option('--refresh-months <months>', 'how many months a completion lasts', '12')
    .option('--xapi-activity <iri...>', 'the xAPI activity ids a learning record store names it by')
    .action(
      async (opts: {
        code: string;
        title: string;
        mandatory?: boolean;
        refreshMonths: string;
        xapiActivity?: string[];
      }) => {
        const input = parseInput(courseSchema, {
          code: opts.code,
          title: opts.title,
          mandatory: !!opts.mandatory,
          refreshMonths: opts.refreshMonths,
          audienceDirectorateIds: [],
          xapiActivityIds: opts.xapiActivity ?? [],
        });
        await withServices(async (services) => {
          const saved = await services.training.addCourse(actor, input);
          console.log(`Added ${saved.code}: ${saved.title}`);
        });
      },
    );
  training
    .command('import')
    .description('load completions from an LMS’s CSV or a learning record store’s xAPI statements (JSON)')
    .argument('<file>', 'the completions file')
    .option('--import-the-rest', 'when some rows have problems, import the others and list those left out')
    .action(async (file: string, opts: { importTheRest?: boolean }) => {
      const bytes = readInputFile(file);
      await withServices(async (services) => {
        const outcome = await services.training.importCompletions(
          actor,
          { name: path.basename(file), bytes },
          { importTheRest: !!opts.importTheRest },
        );
        for (const p of outcome.problems) console.error(`${p.where}: ${p.reason}`);
        if (!outcome.done) {
          process.exitCode = 1;
          console.error(
            `Nothing imported: ${outcome.problems.length} with problems, ${outcome.matched} fine. Fix the file, or run again with --import-the-rest.`,
          );
          return;
        }
        console.log(
          `${outcome.imported} imported, ${outcome.alreadyHeld} already held, ${outcome.problems.length} left out`,
        );
      });
    });
  training
    .command('report')
    .description('the 95% figure for a course on a day: in scope, completed and percent per directorate')
    .requiredOption('--course <code>', 'the course code')
    .option('--on <date>', 'the day, YYYY-MM-DD (today if left out)')
    .option('--json', 'one JSON object')
    .action(async (opts: { course: string; on?: string; json?: boolean }) => {
      if (opts.on !== undefined && !isIsoDate(opts.on))
        throw new ValidationError(`--on must be a real date written YYYY-MM-DD, not "${opts.on}"`);
      await withServices(async (services) => {
        const report = await services.training.report(opts.course, opts.on ?? services.training.today());
        if (opts.json) return void console.log(JSON.stringify(report));
        for (const d of report.directorates)
          console.log(`${d.name}: ${d.completed} of ${d.inScope} (${percent(d.percent)})`);
        console.log(
          `Total: ${report.total.completed} of ${report.total.inScope} (${percent(report.total.percent)})`,
        );
        console.log(
          `Councillors: ${report.councillors.completed} of ${report.councillors.inScope} (${percent(report.councillors.percent)})`,
        );
      });
    });
}
