import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { countAll } from '../../platform/db/count.ts';
import { paged, type Page } from '../../platform/db/queries.ts';
import type { IsoDate } from '../../domain/calendar/dates.ts';
import { recordClasses, recordItems } from './schema.ts';

/** The queries on what is due for disposal, and the backlog of what is overdue. */

/**
 * Records whose retention has ended by a day: past their last day (and any date a reviewer kept them to), not
 * permanent, not yet disposed of. Held ones are included: the list says so.
 */
export const dueBy = (on: IsoDate) =>
  and(
    inArray(recordItems.status, ['scheduled', 'listed']),
    sql`${recordItems.until} < ${on}`,
    or(isNull(recordItems.keepUntil), sql`${recordItems.keepUntil} < ${on}`),
  );

const dueColumns = {
  id: recordItems.id,
  source: recordItems.source,
  key: recordItems.key,
  title: recordItems.title,
  classCode: recordClasses.code,
  until: recordItems.until,
  status: recordItems.status,
  size: recordItems.size,
};

/** A page of the records due by a day, the longest overdue first, and how many there are. */
export function duePage(db: Executor, on: IsoDate, page: Page) {
  const where = dueBy(on);
  return paged(db, recordItems, where, () =>
    db
      .select(dueColumns)
      .from(recordItems)
      .innerJoin(recordClasses, eq(recordClasses.id, recordItems.classId))
      .where(where)
      .orderBy(asc(recordItems.until), asc(recordItems.id))
      .limit(page.limit)
      .offset(page.offset),
  );
}

/** The records due by a day in id order after a given one: a batch of the whole list. */
export function dueAfter(db: Executor, on: IsoDate, afterId: number, limit: number) {
  return db
    .select(dueColumns)
    .from(recordItems)
    .innerJoin(recordClasses, eq(recordClasses.id, recordItems.classId))
    .where(and(dueBy(on), sql`${recordItems.id} > ${afterId}`))
    .orderBy(asc(recordItems.id))
    .limit(limit);
}

/** Records past their date and not disposed of on a day: by directorate, by class and by how long overdue. */
export async function backlog(db: Executor, on: IsoDate) {
  const where = dueBy(on);
  const owner = sql<
    number | null
  >`coalesce(${recordItems.directorateId}, ${recordClasses.ownerDirectorateId})`;
  const overdue = sql<string>`case
      when ${recordItems.until} >= (${on}::date - 365) then 'under-1'
      when ${recordItems.until} >= (${on}::date - 730) then '1-2'
      when ${recordItems.until} >= (${on}::date - 1825) then '2-5'
      else 'over-5' end`;
  const grouped = (key: SQL) =>
    db
      .select({
        key,
        n: countAll(),
        bytes: sql<number>`coalesce(sum(${recordItems.size}), 0)`.mapWith(Number),
      })
      .from(recordItems)
      .innerJoin(recordClasses, eq(recordClasses.id, recordItems.classId))
      .where(where)
      // By position: a key with the day in it is a new parameter each time it is written, so not "the same".
      .groupBy(sql`1`);
  const [byDirectorate, byClass, byAge] = await Promise.all([
    grouped(owner),
    grouped(sql`${recordClasses.code}`),
    grouped(overdue),
  ]);
  return { byDirectorate, byClass, byAge };
}

/** Records disposed of (destroyed or transferred) each month from a day on. */
export function disposedByMonth(db: Executor, from: IsoDate) {
  const month = sql<string>`to_char(${recordItems.disposedOn}, 'YYYY-MM')`;
  return db
    .select({ month, n: countAll() })
    .from(recordItems)
    .where(
      and(
        inArray(recordItems.status, ['disposed', 'transferred']),
        sql`${recordItems.disposedOn} >= ${from}`,
      ),
    )
    .groupBy(month)
    .orderBy(month);
}
