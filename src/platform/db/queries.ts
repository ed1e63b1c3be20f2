import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { ConflictError, NotFoundError } from '../errors.ts';
import { countWhere } from './count.ts';
import type { Executor } from './database.ts';

/** A LIKE pattern's own characters (\ % _) escaped, so the text matches only itself. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A LIKE pattern for "contains this text". */
export function containing(text: string): string {
  return `%${escapeLike(text)}%`;
}

export interface Page {
  limit: number;
  offset: number;
}

/**
 * One page of a list and the total that matches, in parallel: `rows` runs the query for the page, `total` counts
 * every row of `table` matching `where`.
 */
export async function paged<T>(
  db: Executor,
  table: PgTable,
  where: SQL | undefined,
  rows: () => Promise<T[]>,
): Promise<{ rows: T[]; total: number }> {
  const [found, total] = await Promise.all([rows(), countWhere(db, table, where)]);
  return { rows: found, total };
}

/** A table with the optimistic-locking columns every editable record has. */
type Versioned = PgTable & {
  id: PgColumn;
  version: PgColumn;
  updatedAt: PgColumn;
};

/**
 * Saves changes to a record only if nobody has saved it since `version` was read: the version goes up by one and the
 * new row comes back. A record that has changed is a ConflictError (the person re-reads it and tries again); one
 * that is gone is a NotFoundError.
 */
export async function updateVersioned<T extends Versioned>(
  tx: Executor,
  table: T,
  record: { id: number; version: number },
  changes: Record<string, unknown>,
  now: Date,
  conflict = 'Someone else changed this while you were working on it. Nothing has been saved: reload it and try again.',
): Promise<T['$inferSelect']> {
  const returned = (await tx
    .update(table)
    .set({ ...changes, version: sql`${table.version} + 1`, updatedAt: now } as never)
    .where(and(eq(table.id, record.id), eq(table.version, record.version)))
    .returning()) as T['$inferSelect'][];
  if (returned[0]) return returned[0];
  const [exists] = await tx
    .select({ id: table.id })
    .from(table as PgTable)
    .where(eq(table.id, record.id));
  if (!exists) throw new NotFoundError('No such record');
  throw new ConflictError(conflict);
}

/**
 * The rows of a statement written in SQL (an aggregate the query builder cannot say well), on both drivers: both
 * answer `{ rows }`, but the union of their executors types the answer as unknown.
 */
export async function selectRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
