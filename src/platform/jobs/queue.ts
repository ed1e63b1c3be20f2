import PgBoss from 'pg-boss';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { safeError, type SafeError } from '../safe-error.ts';

/** A kind of background job: what it is called, when it runs by itself (cron, UTC), and what it does. */
export interface JobDefinition<T extends object = object> {
  name: string;
  cron?: string;
  /** How often an idle worker asks for this job (pg-boss's minimum is 0.5 s). */
  pollingIntervalSeconds?: number;
  /** Jobs of this kind one process works on at once (default one). */
  concurrency?: number;
  run(data: T): Promise<unknown>;
}

/**
 * The PostgreSQL-backed job queue (pg-boss), on whichever database Custodian is using. On PGlite it runs through the
 * same handle as everything else, so jobs share the one connection safely.
 */
export class JobQueue {
  readonly boss: PgBoss;
  private started = false;

  constructor(
    db: Database,
    private readonly jobs: JobDefinition[],
    private readonly logger: Logger,
    options: { pollingIntervalSeconds?: number } = {},
  ) {
    this.pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
    this.boss = new PgBoss({
      db: { executeSql: (text, values) => executeSql(db, text, values) },
      schema: 'pgboss',
      // Maintenance and cron every minute is plenty for IG schedules, and light on the embedded database.
      maintenanceIntervalSeconds: 120,
      cronMonitorIntervalSeconds: 30,
    });
    this.boss.on('error', (error) => this.logger.error({ err: error }, 'job queue error'));
  }

  private readonly pollingIntervalSeconds: number;

  /** Creates the queue's tables (first run), queues and schedules. Does not take work. */
  async start(): Promise<void> {
    if (this.started) return;
    await this.boss.start();
    this.started = true;
    for (const job of this.jobs) {
      await this.boss.createQueue(job.name);
      if (job.cron) await this.boss.schedule(job.name, job.cron, {}, { tz: 'UTC' });
    }
  }

  /** Starts taking jobs in this process. */
  async work(): Promise<void> {
    await this.start();
    for (const job of this.jobs) {
      // pg-boss works on one job at a time per work() call, so a process takes several at once by calling it again.
      for (let n = 0; n < (job.concurrency ?? 1); n++)
        await this.boss.work(
          job.name,
          { pollingIntervalSeconds: job.pollingIntervalSeconds ?? this.pollingIntervalSeconds },
          async (batch) => {
            // Jobs are fetched one at a time (pg-boss's default), so the result is kept as that job's output.
            let result: unknown;
            for (const item of batch) {
              // pg-boss keeps a failed job's error in its table: only the safe summary goes there, and in the log.
              let failed: SafeError | undefined;
              try {
                result = await job.run((item.data ?? {}) as object);
              } catch (error) {
                failed = safeError(error);
                this.logger.error({ job: job.name, id: item.id, err: error }, 'job failed');
              }
              if (failed)
                throw new Error(`${job.name} failed: ${failed.type}${failed.code ? ` ${failed.code}` : ''}`);
              this.logger.info({ job: job.name, id: item.id, result }, 'job done');
            }
            return result;
          },
        );
    }
  }

  send(name: string, data: object = {}): Promise<string | null> {
    return this.boss.send(name, data);
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    await this.boss.stop({ graceful: true, wait: true, timeout: 5000 });
    this.started = false;
  }
}

async function executeSql(db: Database, text: string, values: unknown[] = []): Promise<{ rows: unknown[] }> {
  // PGlite's parameterised query takes one statement; pg-boss sends multi-statement scripts without parameters.
  if (values.length === 0 && db.pglite) {
    const results = await db.pglite.exec(text);
    return { rows: results.at(-1)?.rows ?? [] };
  }
  return { rows: await db.query(text, values) };
}
