import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Command } from 'commander';
import { z } from 'zod';
import { withServices } from './context.ts';
import { readInputFile } from './files.ts';
import { systemActor } from '../platform/audit/service.ts';
import { ValidationError } from '../platform/errors.ts';
import { isIsoDate } from '../domain/calendar/dates.ts';
import {
  parseRetention,
  RETENTION_FROM,
  retentionUntil,
  RetentionInputError,
} from '../domain/records/retention.ts';

const untilLine = z.object({
  trigger: z.string().refine(isIsoDate, 'a real date, YYYY-MM-DD'),
  period: z.string(),
  from: z.enum(RETENTION_FROM).default('trigger'),
});

/** One JSON line in, one out: `{"until":"YYYY-MM-DD"}`, `{"until":null}` for permanent, or `{"error":…}`. */
export function retentionUntilLine(line: string): string {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return JSON.stringify({ error: 'not a JSON object' });
  }
  const parsed = untilLine.safeParse(json);
  if (!parsed.success)
    return JSON.stringify({
      error: parsed.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; '),
    });
  try {
    const { trigger, period, from } = parsed.data;
    return JSON.stringify({ until: retentionUntil({ trigger, retention: parseRetention(period), from }) });
  } catch (error) {
    if (error instanceof RetentionInputError) return JSON.stringify({ error: error.message });
    throw error;
  }
}

export function retentionCommands(program: Command): void {
  const retention = program.command('retention').description('the retention schedule and its arithmetic');
  retention
    .command('until')
    .description('the last day a record must be kept, for JSON lines {"trigger","period","from"}')
    .requiredOption(
      '--batch <file>',
      'JSON lines from a file, or - for standard input; one JSON line out per line in',
    )
    .action(async (opts: { batch: string }) => {
      const input = opts.batch === '-' ? process.stdin : fs.createReadStream(opts.batch);
      input.on('error', (error: NodeJS.ErrnoException) => {
        console.error(`custodian: cannot read ${opts.batch}: ${error.code ?? 'unreadable'}`);
        process.exitCode = 1;
      });
      for await (const line of readline.createInterface({ input, crlfDelay: Infinity }))
        process.stdout.write(`${retentionUntilLine(line)}\n`);
    });
  retention
    .command('import')
    .description('load a schedule from CSV or XLSX (every row checked first; a bad row changes nothing)')
    .argument('<file>', 'the schedule file')
    .action(async (file: string) => {
      const bytes = readInputFile(file);
      await withServices(async (services) => {
        const counts = await services.retentionSchedule.import(
          systemActor('Command line'),
          bytes,
          path.basename(file),
        );
        console.log(`${counts.added} added, ${counts.changed} changed, ${counts.unchanged} unchanged`);
      });
    });
  retention
    .command('export')
    .description('write the schedule in force to standard output')
    .option('--format <format>', 'csv or xlsx', 'csv')
    .action(async (opts: { format: string }) => {
      if (opts.format !== 'csv' && opts.format !== 'xlsx')
        throw new ValidationError('--format is csv or xlsx');
      await withServices(async (services) => {
        process.stdout.write(await services.retentionSchedule.export(opts.format as 'csv' | 'xlsx'));
      });
    });
}
