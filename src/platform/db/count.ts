import { sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './database.ts';

/** count(*) as a number on both drivers. */
export const countAll = () => sql<number>`count(*)`.mapWith(Number);

/** How many rows of a table match, for "showing N of M" and pagination. */
export async function countWhere(db: Executor, table: PgTable, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: countAll() }).from(table).where(where);
  return row?.n ?? 0;
}
