import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor, Orm } from '../../platform/db/database.ts';
import { countAll } from '../../platform/db/count.ts';
import { updateVersioned } from '../../platform/db/queries.ts';
import type { IsoDate } from '../../domain/calendar/dates.ts';
import {
  classificationRules,
  recordClasses,
  recordClassVersions,
  recordItems,
  recordScheduleSeen,
} from './schema.ts';

/**
 * The queries on the schedule: classes and their versions, classification rules, and the schedule run's writes.
 * Holds are in holds-repository.ts, what is due in due-repository.ts, disposal lists in disposal-repository.ts; nothing
 * else in the module writes SQL.
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

/** Every class's id by its code: for other modules linking to the schedule in the demo council's transaction. */
export async function classIdsByCode(db: Executor): Promise<Map<string, number>> {
  const rows = await db.select({ id: recordClasses.id, code: recordClasses.code }).from(recordClasses);
  return new Map(rows.map((r) => [r.code, r.id]));
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

// ---------- scheduling ----------

export function classificationRulesOf(db: Executor) {
  return db.select().from(classificationRules).orderBy(asc(classificationRules.id));
}

/** A record ready for the schedule: where it is, its class under the version in force, and its dates. */
export interface ScheduledRow {
  scope: number;
  key: string;
  title: string;
  classId: number;
  classVersion: number;
  triggerOn: IsoDate;
  until: IsoDate | null;
  directorateId: number | null;
  size: number;
  fingerprint: string;
}

/**
 * The classes reviewers assigned to records of a source ("scope/key" → class): they outrank the source's rules. Few
 * records have one, so they are read once a run — not looked up a batch at a time, which scans the source's items
 * again for every batch.
 */
export async function assignedClasses(db: Executor, source: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ scope: recordItems.scope, key: recordItems.key, classId: recordItems.assignedClassId })
    .from(recordItems)
    .where(and(eq(recordItems.source, source), sql`${recordItems.assignedClassId} is not null`));
  return new Map(rows.map((r) => [`${r.scope}/${r.key}`, r.classId!]));
}

/**
 * Puts a batch of a source's records on the schedule, and notes them as seen by this run. A record already on a
 * disposal list or disposed of is left as it is; one whose schedule has not changed is not rewritten.
 */
export async function scheduleBatch(
  db: Executor,
  source: string,
  run: number,
  rows: readonly ScheduledRow[],
) {
  if (!rows.length) return;
  const column = <K extends keyof ScheduledRow>(k: K) => sql.param(rows.map((r) => r[k]));
  await db.execute(sql`
    insert into record_items as i
      (source, scope, key, title, class_id, class_version, trigger_on, until, directorate_id, size, fingerprint)
    select ${source}, * from unnest(${column('scope')}::int[], ${column('key')}::text[], ${column('title')}::text[],
      ${column('classId')}::int[], ${column('classVersion')}::int[], ${column('triggerOn')}::date[],
      ${column('until')}::date[], ${column('directorateId')}::int[], ${column('size')}::bigint[],
      ${column('fingerprint')}::text[])
    on conflict (source, scope, key) do update set
      title = excluded.title, class_id = excluded.class_id, class_version = excluded.class_version,
      trigger_on = excluded.trigger_on, until = excluded.until, directorate_id = excluded.directorate_id,
      size = excluded.size, fingerprint = excluded.fingerprint, scheduled_at = now()
    where i.status = 'scheduled'
      and (i.title, i.class_id, i.class_version, i.trigger_on, i.until, i.directorate_id, i.size, i.fingerprint)
        is distinct from (excluded.title, excluded.class_id, excluded.class_version, excluded.trigger_on,
          excluded.until, excluded.directorate_id, excluded.size, excluded.fingerprint)`);
}

/** Notes records a run found in its source (scheduled or not: a record that lost its class leaves the schedule). */
export async function markSeen(
  db: Executor,
  source: string,
  run: number,
  records: readonly { scope: number; key: string }[],
) {
  if (!records.length) return;
  await db.execute(sql`
    insert into record_schedule_seen (run, source, scope, key)
    select ${run}, ${source}, * from unnest(${sql.param(records.map((r) => r.scope))}::int[],
      ${sql.param(records.map((r) => r.key))}::text[])`);
}

/**
 * Takes off the schedule the records of a source that the run did not find scheduled (gone from the source, or no
 * longer in a class), unless a disposal list already holds them; then forgets the run's notes.
 */
export async function unscheduleUnseen(db: Orm, source: string, run: number): Promise<number> {
  return db.transaction(async (tx) => {
    // Always a large anti-join: planned as a nested loop over two tables without statistics yet (a first run, a new
    // install) it takes minutes where a hash join takes milliseconds (38 s against 12 ms for 20,000 files).
    await tx.execute(sql`set local enable_nestloop = off`);
    const removed = await tx
      .delete(recordItems)
      .where(
        and(
          eq(recordItems.source, source),
          eq(recordItems.status, 'scheduled'),
          sql`not exists (select 1 from record_schedule_seen s where s.run = ${run} and s.source = ${recordItems.source}
                and s.scope = ${recordItems.scope} and s.key = ${recordItems.key})`,
        ),
      )
      .returning({ id: recordItems.id });
    await tx.delete(recordScheduleSeen).where(eq(recordScheduleSeen.run, run));
    return removed.length;
  });
}

export async function insertClassificationRule(
  tx: Executor,
  values: typeof classificationRules.$inferInsert,
): Promise<number | undefined> {
  const [row] = await tx
    .insert(classificationRules)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: classificationRules.id });
  return row?.id;
}

export async function deleteClassificationRule(tx: Executor, id: number) {
  const [row] = await tx.delete(classificationRules).where(eq(classificationRules.id, id)).returning();
  return row;
}

/** The sources whose records are in a class, on the schedule or by a rule. */
export async function sourcesOfClass(db: Executor, classId: number): Promise<string[]> {
  // In turn: this runs in a class change's transaction, one connection that takes one query at a time.
  const fromRules = await db
    .selectDistinct({ source: classificationRules.source })
    .from(classificationRules)
    .where(eq(classificationRules.classId, classId));
  const fromItems = await db
    .selectDistinct({ source: recordItems.source })
    .from(recordItems)
    .where(eq(recordItems.classId, classId));
  return [...new Set([...fromRules, ...fromItems].map((r) => r.source))];
}

export async function findItem(db: Executor, id: number) {
  const [row] = await db.select().from(recordItems).where(eq(recordItems.id, id));
  return row;
}
