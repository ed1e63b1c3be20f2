import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Command } from 'commander';
import { z } from 'zod';
import { withServices } from './context.ts';
import { loadConfig } from '../platform/config.ts';
import { shippedCalendar } from '../domain/calendar/shipped.ts';
import { systemActor } from '../platform/audit/service.ts';
import {
  computeDeadline,
  DEADLINE_KINDS,
  DeadlineInputError,
  isDeadlineKind,
  type DeadlineInput,
} from '../domain/requests/deadlines.ts';
import { BreachClockInputError, breachDue } from '../domain/incidents/ico-clock.ts';
import { isNation, NATIONS } from '../domain/calendar/bank-holidays.ts';
import type { HolidayCalendar } from '../domain/calendar/bank-holidays.ts';
import { ValidationError } from '../platform/commands.ts';

const batchLine = z.discriminatedUnion('kind', [
  z.object({
    kind: z.enum(DEADLINE_KINDS),
    received: z.string(),
    nation: z.enum(NATIONS).optional(),
    restarted: z.string().optional(),
    paused: z.array(z.tuple([z.string(), z.string()])).optional(),
  }),
  z.object({ kind: z.literal('breach'), aware: z.string().max(100) }),
]);

/** One JSON line in, one JSON line out: `{"due":…}` or `{"error":…}`. */
export function deadlineLine(calendar: HolidayCalendar, line: string): string {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return JSON.stringify({ error: 'not a JSON object' });
  }
  const parsed = batchLine.safeParse(json);
  if (!parsed.success) {
    return JSON.stringify({
      error: parsed.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; '),
    });
  }
  try {
    if (parsed.data.kind === 'breach') return JSON.stringify(breachDue(parsed.data.aware));
    return JSON.stringify({ due: computeDeadline(calendar, parsed.data as DeadlineInput).due });
  } catch (error) {
    if (error instanceof DeadlineInputError || error instanceof BreachClockInputError)
      return JSON.stringify({ error: error.message });
    throw error;
  }
}

/**
 * The calendar in force. With no server configured and no embedded database yet, nothing can have been imported, so
 * the shipped calendar is used without creating a database just to answer.
 */
async function withCalendar(work: (calendar: HolidayCalendar) => Promise<void>): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl && !fs.existsSync(path.join(config.dataDir, 'PG_VERSION')))
    return work(shippedCalendar());
  await withServices(async (services) => work(await services.calendar.current()), config);
}

export function deadlineCommands(program: Command): void {
  program
    .command('deadline')
    .description(
      `print a statutory due date (YYYY-MM-DD). Kinds: ${DEADLINE_KINDS.join(', ')}; and breach, whose ICO deadline is printed as {"due":"2026-03-30T10:30+01:00"}`,
    )
    .argument('[kind]', 'foi, eir, sar, … (see above), or breach')
    .argument(
      '[received]',
      'date of receipt, YYYY-MM-DD; for a breach, when the council became aware (2026-03-27T09:30, London time, or with Z or an offset)',
    )
    .option(
      '--nation <nation>',
      `the council's nation for SAR rolling: ${NATIONS.join(', ')}`,
      'england-and-wales',
    )
    .option('--restarted <date>', 'clarification, identity or fee received: the clock starts again')
    .option(
      '--paused <from:to>',
      'a fee pause, inclusive; repeatable',
      (v: string, prev: string[]) => [...prev, v],
      [] as string[],
    )
    .option(
      '--batch <file>',
      'JSON lines from a file, or - for standard input; one JSON line out per line in',
    )
    .action(
      async (
        kind: string | undefined,
        received: string | undefined,
        opts: { nation: string; restarted?: string; paused: string[]; batch?: string },
      ) => {
        await withCalendar(async (calendar) => {
          if (opts.batch) {
            const input = opts.batch === '-' ? process.stdin : fs.createReadStream(opts.batch);
            for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) {
              process.stdout.write(`${deadlineLine(calendar, line)}\n`);
            }
            return;
          }
          if (kind === 'breach') {
            if (!received)
              throw new ValidationError('Give when the council became aware, as 2026-03-27T09:30');
            try {
              return console.log(JSON.stringify(breachDue(received)));
            } catch (error) {
              if (error instanceof BreachClockInputError) throw new ValidationError(error.message);
              throw error;
            }
          }
          if (!isDeadlineKind(kind))
            throw new ValidationError(`Give a kind: ${[...DEADLINE_KINDS, 'breach'].join(', ')}`);
          if (!received) throw new ValidationError('Give the date of receipt as YYYY-MM-DD');
          if (!isNation(opts.nation)) throw new ValidationError(`--nation is one of ${NATIONS.join(', ')}`);
          const paused = opts.paused.map((p) => {
            const [from, to] = p.split(':');
            if (!from || !to) throw new ValidationError(`--paused takes FROM:TO, not "${p}"`);
            return [from, to] as [string, string];
          });
          try {
            const result = computeDeadline(calendar, {
              kind,
              received,
              nation: opts.nation,
              restarted: opts.restarted,
              paused,
            });
            console.log(result.due);
          } catch (error) {
            if (error instanceof DeadlineInputError) throw new ValidationError(error.message);
            throw error;
          }
        });
      },
    );

  const calendar = program
    .command('calendar')
    .description('the bank holiday calendar deadlines are computed with');
  calendar
    .command('import')
    .description("load GOV.UK's bank-holidays.json (checked first; a bad file changes nothing)")
    .argument('<file>', 'path to bank-holidays.json')
    .action(async (file: string) => {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (error) {
        throw new ValidationError(
          `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        );
      }
      await withServices(async (services) => {
        const result = await services.calendar.import(systemActor('Command line'), text);
        console.log(
          result.unchanged ? `Already in force as ${result.version}` : `Imported as ${result.version}`,
        );
      });
    });
  calendar
    .command('show')
    .description('which calendar is in force, and the years its list covers')
    .action(async () => {
      await withServices(async (services) => {
        const current = await services.calendar.current();
        console.log(current.version);
        for (const n of NATIONS)
          console.log(
            `  ${n}: ${current.coverage(n).from}–${current.coverage(n).to} from the list, rules beyond`,
          );
      });
    });
}
