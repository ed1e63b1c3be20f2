import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { redactUrl } from '../config.ts';

export type Orm = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Orm['transaction']>[0]>[0];
/** Anything queries can run on: the database or an open transaction. */
export type Executor = Orm | Tx;
export type Row = Record<string, unknown>;

export type DatabaseKind = 'pglite' | 'postgresql';

/**
 * One handle over either database. Services use `orm` (Drizzle) and, for the odd statement Drizzle cannot express,
 * `query`. Values come back the same on both: 64-bit integers as numbers, JSON parsed, timestamps as Dates.
 */
export interface Database {
  readonly kind: DatabaseKind;
  readonly orm: Orm;
  /** Where it points, safe to print. */
  readonly description: string;
  query<T extends Row = Row>(text: string, params?: unknown[]): Promise<T[]>;
  /** Several statements without parameters (migrations, scripts). */
  exec(text: string): Promise<void>;
  /**
   * Raw statements in one transaction on one connection, for hot paths written in SQL (the inventory's batch
   * writes); committed when `work` resolves, rolled back when it throws.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** The PGlite instance when this handle owns one (for the local socket server). */
  readonly pglite?: PGlite;
  /** The connection pool when this handle is a PostgreSQL server (for COPY, which needs one connection). */
  readonly pool?: pg.Pool;
}

/** Something statements can be run on: the database, or a transaction of it. */
export interface Queryable {
  query<T extends Row = Row>(text: string, params?: unknown[]): Promise<T[]>;
}

export class DatabaseOpenError extends Error {}

// pg returns int8 (count(*), bigint ids) as strings to avoid precision loss; our counts and sequence numbers stay far
// below 2^53, so they are parsed as numbers to match PGlite.
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

export async function openPglite(dataDir?: string): Promise<Database> {
  let client: PGlite;
  try {
    if (dataDir && !fs.existsSync(path.join(dataDir, 'PG_VERSION'))) await initialiseDataDir(dataDir);
    client = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
    await client.query('select 1');
  } catch (error) {
    const where = dataDir ? `the data directory ${dataDir}` : 'an in-memory database';
    throw new DatabaseOpenError(
      `Could not open ${where} as an embedded PostgreSQL database (${describeError(error)}). ` +
        'If the directory is damaged, restore it from a backup or move it aside to start afresh.',
    );
  }
  return pgliteHandle(
    client,
    dataDir ? `embedded PostgreSQL in ${dataDir}` : 'embedded PostgreSQL in memory',
  );
}

/**
 * Creates a new embedded data directory in a child process. The PGlite instance that runs initdb keeps its memory
 * (some 350 MB) for as long as it lives, and whether the collector frees it before the real instance opens is luck;
 * a process that exits gives it all back.
 */
function initialiseDataDir(dataDir: string): Promise<void> {
  const pglite = pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')).href;
  const script = `const { PGlite } = await import(${JSON.stringify(pglite)}); await (await PGlite.create(process.argv[1])).close();`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '-e', script, dataDir], (error, _stdout, stderr) =>
      error ? reject(new Error(stderr.trim() || error.message)) : resolve(),
    );
  });
}

export function pgliteHandle(client: PGlite, description: string): Database {
  return {
    kind: 'pglite',
    orm: drizzlePglite(client) as unknown as Orm,
    description,
    pglite: client,
    async query<T extends Row>(text: string, params: unknown[] = []) {
      const result = await client.query<T>(text, params);
      return result.rows;
    },
    async exec(text: string) {
      await client.exec(text);
    },
    transaction: (work) =>
      client.transaction((tx) =>
        work({
          query: async <T extends Row>(text: string, params: unknown[] = []) =>
            (await tx.query<T>(text, params)).rows,
        }),
      ),
    async close() {
      if (!client.closed) await client.close();
    },
  };
}

export interface PostgresOptions {
  /** Pool size. */
  max?: number;
  /** Shown instead of the URL (the local socket of a running server). */
  description?: string;
  /** The server behind this URL is PGlite reached through the local socket. */
  kind?: DatabaseKind;
}

export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, types: pgTypes });
  // A client that errors (the server restarted or was killed) must not crash the process with an unhandled 'error'
  // event: an idle one is dropped and the next query reconnects; a busy one's query rejects, and the caller says so.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseOpenError(
      `Could not connect to the database at ${redactUrl(url)}: ${describeError(error)}`,
    );
  }
  return {
    kind: options.kind ?? 'postgresql',
    orm: drizzlePg(pool) as unknown as Orm,
    pool,
    description: options.description ?? redactUrl(url),
    async query<T extends Row>(text: string, params: unknown[] = []) {
      const result = await pool.query<T>(text, params);
      return result.rows;
    },
    async exec(text: string) {
      await pool.query(text);
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work({
          query: async <T extends Row>(text: string, params: unknown[] = []) =>
            (await client.query<T>(text, params)).rows,
        });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describeError(error.errors[0]);
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
