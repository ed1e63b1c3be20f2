import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database, Orm, Tx } from './database.ts';

type Rows<T extends PgTable> = T['$inferInsert'][];

export interface UpsertOptions {
  /** The unique key a row conflicts on. */
  target: PgColumn[];
  /** Columns set to these values on every upserted row (by their property names). */
  reset?: Record<string, unknown>;
}

/** Writes many rows at once inside a transaction. */
export interface Bulk {
  insert<T extends PgTable>(table: T, rows: Rows<T>): Promise<void>;
  upsert<T extends PgTable>(table: T, rows: Rows<T>, options: UpsertOptions): Promise<void>;
}

/**
 * A transaction with bulk writes: `COPY … FROM STDIN` on a PostgreSQL server (pg-copy-streams; several times faster
 * than INSERT for thousands of rows), multi-row INSERTs on the embedded database, which has no COPY from a client
 * stream.
 */
export async function withBulkTransaction<T>(
  db: Database,
  work: (tx: Tx, bulk: Bulk) => Promise<T>,
): Promise<T> {
  if (db.kind !== 'postgresql' || !db.pool) return db.orm.transaction((tx) => work(tx, multiRowBulk(tx)));
  const client = await db.pool.connect();
  try {
    const orm = drizzle(client) as unknown as Orm;
    return await orm.transaction((tx) => work(tx, copyBulk(client, tx)));
  } finally {
    client.release();
  }
}

/** PostgreSQL allows 65,535 parameters a statement. */
const chunkFor = (table: PgTable) =>
  Math.max(1, Math.floor(60_000 / Object.keys(getTableColumns(table)).length));

function multiRowBulk(tx: Tx): Bulk {
  return {
    async insert(table, rows) {
      const size = chunkFor(table);
      for (let i = 0; i < rows.length; i += size) await tx.insert(table).values(rows.slice(i, i + size));
    },
    async upsert(table, rows, options) {
      const size = chunkFor(table);
      const set = updateSet(table, rows, options);
      for (let i = 0; i < rows.length; i += size)
        await tx
          .insert(table)
          .values(rows.slice(i, i + size))
          .onConflictDoUpdate({ target: options.target, set });
    },
  };
}

/** On conflict, every written column takes the new value, and the reset columns their reset value. */
function updateSet(
  table: PgTable,
  rows: Rows<PgTable>,
  options: UpsertOptions,
): Record<string, SQL | unknown> {
  const targets = new Set(options.target.map((c) => c.name));
  const set: Record<string, SQL | unknown> = {};
  for (const [key, column] of writtenColumns(table, rows))
    if (!targets.has(column.name)) set[key] = sql.raw(`excluded.${quote(column.name)}`);
  return { ...set, ...options.reset };
}

/** The columns any row gives a value for (the others keep their defaults). */
function writtenColumns(table: PgTable, rows: Rows<PgTable>): [string, PgColumn][] {
  return Object.entries(getTableColumns(table)).filter(([key]) =>
    rows.some((r) => (r as Record<string, unknown>)[key] !== undefined),
  );
}

function copyBulk(client: pg.PoolClient, tx: Tx): Bulk {
  const copy = async (into: string, columns: [string, PgColumn][], rows: Rows<PgTable>) => {
    const names = columns.map(([, c]) => quote(c.name)).join(', ');
    const lines = Readable.from(
      (function* () {
        for (const row of rows)
          yield `${columns.map(([key, c]) => copyValue(c, (row as Record<string, unknown>)[key])).join('\t')}\n`;
      })(),
    );
    await pipeline(lines, client.query(copyFrom(`COPY ${into} (${names}) FROM STDIN`)));
  };
  return {
    async insert(table, rows) {
      if (rows.length) await copy(quote(getTableName(table)), writtenColumns(table, rows), rows);
    },
    async upsert(table, rows, options) {
      if (!rows.length) return;
      // COPY cannot resolve conflicts: copy into a temporary table, then insert from it with ON CONFLICT.
      const name = quote(getTableName(table));
      const staging = quote(`bulk_${getTableName(table)}`);
      const columns = writtenColumns(table, rows);
      await tx.execute(
        sql.raw(
          `CREATE TEMPORARY TABLE IF NOT EXISTS ${staging} (LIKE ${name} INCLUDING DEFAULTS) ON COMMIT DROP`,
        ),
      );
      await tx.execute(sql.raw(`TRUNCATE ${staging}`));
      await copy(staging, columns, rows);
      const names = columns.map(([, c]) => quote(c.name)).join(', ');
      const targets = options.target.map((c) => quote(c.name)).join(', ');
      const targetNames = new Set(options.target.map((c) => c.name));
      const assignments = [
        ...columns
          .filter(([, c]) => !targetNames.has(c.name))
          .map(([, c]) => sql.raw(`${quote(c.name)} = excluded.${quote(c.name)}`)),
        ...Object.entries(options.reset ?? {}).map(
          ([key, value]) => sql`${sql.raw(quote(getTableColumns(table)[key]!.name))} = ${value}`,
        ),
      ];
      await tx.execute(
        sql`INSERT INTO ${sql.raw(name)} (${sql.raw(names)}) SELECT ${sql.raw(names)} FROM ${sql.raw(staging)} ON CONFLICT (${sql.raw(targets)}) DO UPDATE SET ${sql.join(assignments, sql`, `)}`,
      );
    },
  };
}

/** A value in COPY's text format: the column's own encoding (JSON, timestamps), then backslash escapes; NULL as \N. */
function copyValue(column: PgColumn, value: unknown): string {
  if (value === undefined || value === null) return '\\N';
  const driver = column.mapToDriverValue(value);
  const text = driver instanceof Date ? driver.toISOString() : String(driver);
  return text.replace(/[\\\n\r\t]/g, (c) => ({ '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!);
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
