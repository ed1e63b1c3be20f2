import type { Command } from 'commander';
import { withServices } from './context.ts';
import { systemActor } from '../platform/audit/service.ts';
import { londonToday, systemClock } from '../platform/clock.ts';
import { ValidationError } from '../platform/errors.ts';
import { isIsoDate } from '../domain/calendar/dates.ts';
import type { HoldScopeInput } from '../modules/records/commands/holds/holds.ts';

const many = (value: string, previous: string[]) => [...previous, value];

interface HoldAddOptions {
  name: string;
  reason: string;
  authority?: string;
  requestedBy?: string;
  review?: string;
  class: string[];
  source: string[];
  folder: string[];
  directorate: string[];
  item: string[];
  search: string[];
}

/** The scopes a `hold add` names, in the order of the options' kinds. */
export function holdScopes(opts: HoldAddOptions): HoldScopeInput[] {
  if (opts.folder.length && opts.folder.length !== opts.source.length)
    throw new ValidationError('Give one --folder after each --source it belongs to');
  const items = opts.item.map((id) => {
    if (!/^\d{1,10}$/.test(id)) throw new ValidationError(`--item takes a record's number, not "${id}"`);
    return { kind: 'item' as const, itemId: Number(id) };
  });
  return [
    ...opts.class.map((classCode) => ({ kind: 'class' as const, classCode })),
    ...opts.source.map((source, i) => ({ kind: 'source' as const, source, folder: opts.folder[i] })),
    ...opts.directorate.map((directorate) => ({ kind: 'directorate' as const, directorate })),
    ...items,
    ...opts.search.map((term) => ({ kind: 'search' as const, term })),
  ];
}

export function disposalCommands(program: Command): void {
  const hold = program.command('hold').description('legal holds: nothing they cover is disposed of');
  hold
    .command('add')
    .description('place a hold over classes, sources or folders, directorates, records or a search')
    .requiredOption('--name <name>', 'what the hold is called, e.g. the inquiry')
    .requiredOption('--reason <text>', 'why the records must be kept')
    .option('--authority <text>', 'the order, instruction or request behind it', '')
    .option('--requested-by <text>', 'who asked for it', '')
    .option('--review <date>', 'when to review it, YYYY-MM-DD')
    .option('--class <code>', 'a class of the schedule; repeatable', many, [])
    .option(
      '--source <name>',
      'a record source (requests, files) or a discovery source; repeatable',
      many,
      [],
    )
    .option('--folder <path>', 'a folder of the --source before it', many, [])
    .option('--directorate <name>', "a directorate's records; repeatable", many, [])
    .option('--item <id>', 'one record on the schedule, by number; repeatable', many, [])
    .option('--search <text>', 'every record mentioning this; repeatable', many, [])
    .action(async (opts: HoldAddOptions) => {
      if (opts.review && !isIsoDate(opts.review))
        throw new ValidationError('--review takes a date, YYYY-MM-DD');
      const scopes = holdScopes(opts);
      await withServices(async (services) => {
        const placed = await services.legalHolds.place(systemActor('Command line'), {
          name: opts.name.trim(),
          reason: opts.reason.trim(),
          authority: opts.authority ?? '',
          requestedBy: opts.requestedBy ?? '',
          reviewOn: opts.review ?? null,
          scopes,
        });
        console.log(`Hold placed: ${placed.name}`);
      });
    });
  hold
    .command('list')
    .description('every hold, standing ones first')
    .option('--json', 'one JSON line a hold')
    .action(async (opts: { json?: boolean }) => {
      await withServices(async (services) => {
        for (const h of await services.legalHolds.list()) {
          const line = {
            name: h.name,
            standing: !h.releasedAt,
            reason: h.reason,
            authority: h.authority,
            reviewOn: h.reviewOn,
            placedAt: h.placedAt.toISOString(),
            releasedAt: h.releasedAt?.toISOString() ?? null,
            scopes: h.scopes.map((s) => s.kind),
          };
          console.log(
            opts.json
              ? JSON.stringify(line)
              : `${h.releasedAt ? 'released' : 'standing'}  ${h.name}  ${h.reason}`,
          );
        }
      });
    });
  hold
    .command('release')
    .description('release a standing hold, with the reason')
    .requiredOption('--name <name>', 'the hold')
    .requiredOption('--reason <text>', 'why it can be released')
    .action(async (opts: { name: string; reason: string }) => {
      await withServices(async (services) => {
        const found = await services.legalHolds.find({ name: opts.name });
        await services.legalHolds.release(systemActor('Command line'), found, opts.reason);
        console.log(`Hold released: ${found.name}`);
      });
    });

  const disposal = program.command('disposal').description('records at the end of their retention');
  disposal
    .command('due')
    .description('every record whose retention has ended by a day (default today), with the holds over it')
    .option('--on <date>', 'the day, YYYY-MM-DD')
    .option('--json', 'one JSON line a record')
    .action(async (opts: { on?: string; json?: boolean }) => {
      if (opts.on && !isIsoDate(opts.on)) throw new ValidationError('--on takes a date, YYYY-MM-DD');
      const on = opts.on ?? londonToday(systemClock);
      await withServices(async (services) => {
        for await (const batch of services.dueRecords.all(on))
          for (const r of batch) {
            const line = {
              item: r.id,
              source: r.source,
              title: r.title,
              class: r.classCode,
              until: r.until,
              held: r.holds.length > 0,
              holds: r.holds,
            };
            process.stdout.write(
              opts.json
                ? `${JSON.stringify(line)}\n`
                : `${r.until}  ${r.classCode}  ${r.title}${r.holds.length ? `  (held: ${r.holds.join(', ')})` : ''}\n`,
            );
          }
      });
    });
}
