import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { countAll } from '../../platform/db/count.ts';
import { updateVersioned } from '../../platform/db/queries.ts';
import type { IsoDate } from '../../domain/calendar/dates.ts';
import { recordClasses, recordClassVersions, recordItems } from './schema.ts';

/**
 * Every query on the records module's tables. Commands and queries call these; nothing else in the module writes SQL.
 */

export type RecordClassRow = typeof recordClasses.$inferSelect;
export type ClassVersionRow = typeof recordClassVersions.$inferSelect;
/** A class with the version of its definition in force. */
export type ScheduleClass = RecordClassRow & { rule: ClassVersionRow };

const current = and(
  eq(recordClassVersions.classId, recordClasses.id),
  eq(recordClassVersions.version, recordClasses.currentVersion),
);

function withRule(rows: { record_classes: RecordClassRow; record_class_versions: ClassVersionRow }[]) {
  return rows.map((r) => ({ ...r.record_classes, rule: r.record_class_versions }));
}

/** The whole schedule in force, in the order of the classification scheme. */
export async function scheduleClasses(db: Executor): Promise<ScheduleClass[]> {
  return withRule(
    await db
      .select()
      .from(recordClasses)
      .innerJoin(recordClassVersions, current)
      .orderBy(asc(recordClassVersions.function), asc(recordClasses.code)),
  );
}

export async function findClass(
  db: Executor,
  by: { id: number } | { code: string },
): Promise<ScheduleClass | undefined> {
  const where = 'id' in by ? eq(recordClasses.id, by.id) : eq(recordClasses.code, by.code);
  return withRule(
    await db.select().from(recordClasses).innerJoin(recordClassVersions, current).where(where),
  )[0];
}

/** Locks a class for a change to it, so two saves cannot both make version n + 1. */
export async function lockClass(tx: Executor, id: number): Promise<void> {
  await tx.execute(sql`select 1 from record_classes where id = ${id} for update`);
}

export function classVersions(db: Executor, classId: number) {
  return db
    .select()
    .from(recordClassVersions)
    .where(eq(recordClassVersions.classId, classId))
    .orderBy(desc(recordClassVersions.version));
}

export async function insertClass(
  tx: Executor,
  values: { code: string; ownerDirectorateId: number | null },
): Promise<RecordClassRow> {
  const [row] = await tx
    .insert(recordClasses)
    .values({ ...values, currentVersion: 1 })
    .returning();
  return row!;
}

export async function insertClassVersion(tx: Executor, values: typeof recordClassVersions.$inferInsert) {
  await tx.insert(recordClassVersions).values(values);
}

/** Puts a new version in force (and a new owner), if nobody has changed the class since `version` was read. */
export function setClassVersion(
  tx: Executor,
  record: { id: number; version: number },
  changes: { currentVersion: number; ownerDirectorateId: number | null },
  now: Date,
) {
  return updateVersioned(
    tx,
    recordClasses,
    record,
    changes,
    now,
    'Someone else changed this class while you were working on it. Nothing has been saved: look at it again and make your change.',
  );
}

/** How many records each class holds on the schedule, not yet disposed of. */
export async function itemCountsByClass(db: Executor): Promise<Map<number, number>> {
  const rows = await db
    .select({ classId: recordItems.classId, n: countAll() })
    .from(recordItems)
    .where(sql`${recordItems.status} in ('scheduled', 'listed')`)
    .groupBy(recordItems.classId);
  return new Map(rows.map((r) => [r.classId, r.n]));
}

/**
 * The scheduled records of a class grouped by their trigger date and last day: enough to work out what a change of
 * rule would do to every one of them without reading them one by one.
 */
export function scheduledDatesOfClass(db: Executor, classId: number) {
  return db
    .select({ triggerOn: recordItems.triggerOn, until: recordItems.until, n: countAll() })
    .from(recordItems)
    .where(and(eq(recordItems.classId, classId), eq(recordItems.status, 'scheduled')))
    .groupBy(recordItems.triggerOn, recordItems.until);
}

/** Moves a class's scheduled records onto a new version: each trigger date to its new last day. */
export async function rescheduleClass(
  tx: Executor,
  classId: number,
  classVersion: number,
  untilByTrigger: ReadonlyMap<IsoDate, IsoDate | null>,
): Promise<void> {
  if (!untilByTrigger.size) return;
  const triggers = [...untilByTrigger.keys()];
  const untils = triggers.map((t) => untilByTrigger.get(t) ?? null);
  await tx.execute(sql`
    update record_items as i
       set until = n.until, class_version = ${classVersion}
      from unnest(${sql.param(triggers)}::date[], ${sql.param(untils)}::date[]) as n(trigger_on, until)
     where i.class_id = ${classId} and i.status = 'scheduled' and i.trigger_on = n.trigger_on`);
}
