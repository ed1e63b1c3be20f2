import fs from 'node:fs';
import os from 'node:os';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify';
import { and, asc, eq, gt, or } from 'drizzle-orm';
import { withServices } from './context.ts';
import { loadConfig, type Config } from '../platform/config.ts';
import { systemActor } from '../platform/audit/service.ts';
import { ValidationError } from '../platform/commands.ts';
import { spawn } from 'node:child_process';
import { runScan, type ScanBatch, type ScanProgress } from '../discovery/scan.ts';
import { createServices, type Services } from '../composition.ts';
import { connectForServer } from '../platform/db/connect.ts';
import { currentHolder } from '../platform/db/lock.ts';
import { migrate } from '../platform/db/migrate.ts';
import { systemClock } from '../platform/clock.ts';
import { createLogger } from '../platform/logger.ts';
import { findingKey } from '../discovery/finding-key.ts';
import { inspectorFor } from '../discovery/inspect/pool.ts';
import { walk } from '../discovery/walk/walk.ts';
import { progressText, type ScanTotal } from './progress.ts';
import { discoverySources, inventoryFiles } from '../discovery/inventory/schema.ts';

/**
 * Services for a scan. With worker processes on the embedded database, this process serves it on the local socket
 * (as `serve` does) so the workers can reach it; otherwise as any command.
 */
async function withScanServices<T>(
  config: Config,
  distributed: boolean,
  work: (services: Services) => Promise<T>,
): Promise<T> {
  if (!distributed || config.databaseUrl || currentHolder(config.dataDir)) return withServices(work, config);
  const served = await connectForServer(config);
  try {
    await migrate(served.db);
    return await work(
      createServices({ config, db: served.db, clock: systemClock, logger: createLogger(config.logLevel) }),
    );
  } finally {
    await served.close();
  }
}

/**
 * Starts `custodian worker` processes on this machine and hands scan batches to them through the job queue; workers on
 * other machines pointed at the same PostgreSQL server take batches from it too.
 */
async function startWorkers(services: Services, count: number) {
  await services.jobs.start();
  const children = Array.from({ length: count }, () =>
    spawn(process.execPath, [process.argv[1]!, 'worker'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      // The machine's cores shared between the workers' reading threads, unless set.
      env: {
        CUSTODIAN_THREADS: String(Math.max(1, Math.floor(os.availableParallelism() / count))),
        ...process.env,
      },
    }),
  );
  const queue = 'discovery.process-batch';
  return {
    dispatch: async (batch: ScanBatch) => {
      await services.jobs.send(queue, batch);
    },
    drain: async (scanId: number) => {
      for (;;) {
        const [state] = await services.db.query<{ waiting: number; failed: number }>(
          `select count(*) filter (where state in ('created', 'retry', 'active')) as waiting, count(*) filter (where state = 'failed') as failed
           from pgboss.job where name = $1 and (data->>'scanId')::int = $2`,
          [queue, scanId],
        );
        if (Number(state?.failed) > 0)
          throw new Error(
            `${state!.failed} batches of scan ${scanId} failed; run the scan again to retry them`,
          );
        if (Number(state?.waiting) === 0) return;
        if (children.every((c) => c.exitCode !== null)) throw new Error('every worker process has stopped');
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    stop: async () => {
      await services.jobs.stop();
      await Promise.all(
        children.map((c) =>
          c.exitCode !== null
            ? undefined
            : new Promise((resolve) => (c.once('exit', resolve), c.kill('SIGTERM'))),
        ),
      );
    },
  };
}

/**
 * A progress line on a terminal. A second walk counts the tree meanwhile (it runs far ahead of the reading), so the
 * line gains a total and a time left once it is done.
 */
function progressLine(started: number, root: string, exclude?: RegExp): (p: ScanProgress) => void {
  if (!process.stderr.isTTY) return () => undefined;
  let total: ScanTotal | undefined;
  void (async () => {
    const counted = { files: 0, bytes: 0 };
    for await (const entry of walk([root], { exclude })) {
      counted.files += 1;
      if (entry.kind === 'file') counted.bytes += entry.size;
    }
    total = counted;
  })().catch(() => undefined);
  return (p) => process.stderr.write(`\r${progressText(p, (performance.now() - started) / 1000, total)}   `);
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
      '--near-threshold <bits>',
      'texts whose SimHashes differ in at most this many of 64 bits are near copies',
      (v) => Number.parseInt(v, 10),
      3,
    )
    .option(
      '--workers <n>',
      'worker processes to start on this machine; 0 reads files in this process',
      (v) => Number.parseInt(v, 10),
      0,
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
        opts: {
          source: string;
          exclude?: string;
          staleYears: number;
          nearThreshold: number;
          batchSize: number;
          workers: number;
        },
      ) => {
        if (!fs.existsSync(root) || !fs.statSync(root).isDirectory())
          throw new ValidationError(`${root} is not a folder`);
        let exclude: RegExp | undefined;
        try {
          exclude = opts.exclude ? new RegExp(opts.exclude) : undefined;
        } catch {
          throw new ValidationError(`--exclude is not a valid regular expression: ${opts.exclude}`);
        }
        if (!(opts.nearThreshold >= 0 && opts.nearThreshold <= 16))
          throw new ValidationError('--near-threshold must be a whole number from 0 to 16');
        const config = loadConfig();
        await withScanServices(config, opts.workers > 0, async (services) => {
          const started = performance.now();
          const workers = opts.workers > 0 ? await startWorkers(services, opts.workers) : undefined;
          const inspector = workers ? undefined : inspectorFor(config, findingKey(config));
          const summary = await runScan(
            services,
            systemActor(`Command line (${process.env.USER ?? 'unknown user'})`),
            {
              source: opts.source,
              root,
              findingKey: findingKey(config),
              staleYears: opts.staleYears,
              nearThreshold: opts.nearThreshold,
              batchSize: Math.max(1, opts.batchSize || 200),
              exclude,
              onProgress: progressLine(started, root, exclude),
              inspector,
              ...(workers ? { dispatch: workers.dispatch, drain: workers.drain } : {}),
            },
          ).finally(async () => {
            await workers?.stop();
            await inspector?.close();
          });
          const seconds = (performance.now() - started) / 1000;
          if (process.stderr.isTTY) process.stderr.write('\n');
          console.log(
            `${summary.resumed ? 'Resumed and finished' : 'Finished'} scan ${summary.scanId} of ${opts.source}: ${summary.files} files (${summary.processed} read, ${summary.files - summary.processed} unchanged), ` +
              `${(summary.bytes / 1e6).toFixed(1)} MB, ${summary.errors} errors, ${summary.duplicates} duplicates, ${summary.nearDuplicates} near duplicates, ${summary.gone} gone, in ${seconds.toFixed(seconds < 10 ? 2 : 1)} s`,
          );
        });
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
