import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify';
import { and, asc, eq, gt, or } from 'drizzle-orm';
import { withServices } from './context.ts';
import { loadConfig, type Config } from '../platform/config.ts';
import { systemActor } from '../platform/audit/service.ts';
import { ValidationError } from '../platform/commands.ts';
import { runScan, type ScanProgress } from '../discovery/scan.ts';
import { discoverySources, inventoryFiles } from '../discovery/inventory/schema.ts';

/**
 * The key for finding hashes: CUSTODIAN_FINDING_KEY (hex, 32 bytes or more) on servers that share a database, or one
 * generated once and kept in the data directory. Never stored in the database.
 */
export function findingKey(config: Config): Buffer {
  const fromEnv = process.env.CUSTODIAN_FINDING_KEY;
  if (fromEnv) {
    if (!/^[0-9a-f]{64,}$/i.test(fromEnv))
      throw new ValidationError('CUSTODIAN_FINDING_KEY must be at least 64 hexadecimal characters');
    return Buffer.from(fromEnv, 'hex');
  }
  const file = path.join(config.dataDir, 'finding-key');
  try {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  } catch {
    fs.mkdirSync(config.dataDir, { recursive: true });
    const key = randomBytes(32).toString('hex');
    fs.writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
    return Buffer.from(key, 'hex');
  }
}

function progressLine(started: number): (p: ScanProgress) => void {
  if (!process.stderr.isTTY) return () => undefined;
  return (p) => {
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write(
      `\r${p.files.toLocaleString('en-GB')} files · ${(p.bytes / 1e6).toFixed(1)} MB · ${Math.round(p.files / Math.max(seconds, 0.001))} files/s · ${p.errors} errors   `,
    );
  };
}

export function discoveryCommands(program: Command): void {
  program
    .command('scan')
    .description(
      'scan a folder tree into the inventory; run again to rescan incrementally or to resume an interrupted scan',
    )
    .argument('<path>', 'the folder to scan')
    .requiredOption('--source <name>', 'a name for this source (one source per folder)')
    .option('--exclude <regex>', 'leave out paths matching this regular expression')
    .option(
      '--stale-years <n>',
      'not modified for longer than this is obsolete',
      (v) => Number.parseInt(v, 10),
      6,
    )
    .option(
      '--batch-size <n>',
      'files committed together (smaller resumes more finely)',
      (v) => Number.parseInt(v, 10),
      200,
    )
    .action(
      async (
        root: string,
        opts: { source: string; exclude?: string; staleYears: number; batchSize: number },
      ) => {
        if (!fs.existsSync(root) || !fs.statSync(root).isDirectory())
          throw new ValidationError(`${root} is not a folder`);
        let exclude: RegExp | undefined;
        try {
          exclude = opts.exclude ? new RegExp(opts.exclude) : undefined;
        } catch {
          throw new ValidationError(`--exclude is not a valid regular expression: ${opts.exclude}`);
        }
        const config = loadConfig();
        await withServices(async (services) => {
          const started = performance.now();
          const summary = await runScan(
            services,
            systemActor(`Command line (${process.env.USER ?? 'unknown user'})`),
            {
              source: opts.source,
              root,
              findingKey: findingKey(config),
              staleYears: opts.staleYears,
              batchSize: Math.max(1, opts.batchSize || 200),
              exclude,
              onProgress: progressLine(started),
            },
          );
          const seconds = (performance.now() - started) / 1000;
          if (process.stderr.isTTY) process.stderr.write('\n');
          console.log(
            `${summary.resumed ? 'Resumed and finished' : 'Finished'} scan ${summary.scanId} of ${opts.source}: ${summary.files} files (${summary.processed} read, ${summary.files - summary.processed} unchanged), ` +
              `${(summary.bytes / 1e6).toFixed(1)} MB, ${summary.errors} errors, ${summary.duplicates} duplicates, ${summary.nearDuplicates} near duplicates, ${summary.gone} gone, in ${seconds.toFixed(1)} s`,
          );
        }, config);
      },
    );

  const inventory = program.command('inventory').description('the discovery inventory');
  inventory
    .command('export')
    .description(
      'one row per file: path, size, mtime, sha256, mime, duplicateOf, nearDuplicateGroup, rot, pii, error',
    )
    .requiredOption('--format <format>', 'jsonl or csv')
    .option('--source <name>', 'one source only')
    .option('--include-gone', 'include files no longer present')
    .action(async (opts: { format: string; source?: string; includeGone?: boolean }) => {
      if (opts.format !== 'jsonl' && opts.format !== 'csv')
        throw new ValidationError('--format is jsonl or csv');
      await withServices(async (services) => {
        const orm = services.db.orm;
        let sourceId: number | undefined;
        if (opts.source) {
          const [s] = await orm.select().from(discoverySources).where(eq(discoverySources.name, opts.source));
          if (!s) throw new ValidationError(`No source called ${opts.source}`);
          sourceId = s.id;
        }
        const csv =
          opts.format === 'csv'
            ? stringify({
                header: true,
                escape_formulas: true,
                columns: [
                  'path',
                  'size',
                  'mtime',
                  'sha256',
                  'mime',
                  'duplicateOf',
                  'nearDuplicateGroup',
                  'rot',
                  'pii',
                  'error',
                ],
              })
            : undefined;
        csv?.pipe(process.stdout);
        let after: { sourceId: number; path: string } | undefined;
        for (;;) {
          const rows = await orm
            .select()
            .from(inventoryFiles)
            .where(
              and(
                sourceId ? eq(inventoryFiles.sourceId, sourceId) : undefined,
                opts.includeGone ? undefined : eq(inventoryFiles.gone, false),
                after
                  ? or(
                      gt(inventoryFiles.sourceId, after.sourceId),
                      and(eq(inventoryFiles.sourceId, after.sourceId), gt(inventoryFiles.path, after.path)),
                    )
                  : undefined,
              ),
            )
            .orderBy(asc(inventoryFiles.sourceId), asc(inventoryFiles.path))
            .limit(5000);
          for (const r of rows) {
            const record = {
              path: r.path,
              size: r.size,
              mtime: r.mtime.toISOString(),
              sha256: r.sha256,
              mime: r.mime,
              duplicateOf: r.duplicateOf,
              nearDuplicateGroup: r.nearDuplicateGroup,
              rot: r.rot,
              pii: r.piiCounts,
              error: r.error,
            };
            if (csv)
              csv.write({
                ...record,
                rot: (r.rot as string[]).join(';'),
                pii: Object.entries(r.piiCounts as Record<string, number>)
                  .map(([k, v]) => `${k}=${v}`)
                  .join(';'),
              });
            else process.stdout.write(`${JSON.stringify(record)}\n`);
          }
          if (rows.length < 5000) break;
          after = { sourceId: rows.at(-1)!.sourceId, path: rows.at(-1)!.path };
        }
        csv?.end();
      });
    });
}
