import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/queries.ts';
import type { IsoDate } from '../../domain/calendar/dates.ts';
import { disposalNumber } from '../../domain/records/disposal.ts';
import { dueBy } from './due-repository.ts';
import { notHeld } from './holds-repository.ts';
import {
  disposalCertificates,
  disposalListItems,
  disposalLists,
  disposalSequences,
  recordClasses,
  recordItems,
} from './schema.ts';

/** The disposal lists' SQL: proposing, reviewing, approving, carrying out and certifying. */

export type DisposalListRow = typeof disposalLists.$inferSelect;
export type ListItemRow = typeof disposalListItems.$inferSelect;

/** The next number of a kind for a year: DL-2026-0001, DC-2026-0001. */
export async function nextNumber(tx: Executor, prefix: 'DL' | 'DC', year: number): Promise<string> {
  const [row] = await tx
    .insert(disposalSequences)
    .values({ prefix, year, last: 1 })
    .onConflictDoUpdate({
      target: [disposalSequences.prefix, disposalSequences.year],
      set: { last: sql`${disposalSequences.last} + 1` },
    })
    .returning({ last: disposalSequences.last });
  return disposalNumber(prefix, year, row!.last);
}

/**
 * Groups of records ready to propose on a day: due, on the schedule (on no list), held by no standing hold's class,
 * source, folder, directorate, item or title search. One group a class and owning directorate (the record's own,
 * else its class's owner).
 */
export function proposalGroups(db: Executor, on: IsoDate) {
  const owner = sql<
    number | null
  >`coalesce(${recordItems.directorateId}, ${recordClasses.ownerDirectorateId})`;
  return db
    .select({ classId: recordItems.classId, directorateId: owner, n: count() })
    .from(recordItems)
    .innerJoin(recordClasses, eq(recordClasses.id, recordItems.classId))
    .where(and(dueBy(on), eq(recordItems.status, 'scheduled'), notHeld))
    .groupBy(recordItems.classId, owner)
    .orderBy(recordItems.classId, owner);
}

/** Up to `limit` records of one group, the longest overdue first. */
export function groupCandidates(
  db: Executor,
  on: IsoDate,
  group: { classId: number; directorateId: number | null },
  limit: number,
) {
  const owner = sql`coalesce(${recordItems.directorateId}, ${recordClasses.ownerDirectorateId})`;
  return db
    .select({ id: recordItems.id, source: recordItems.source, key: recordItems.key })
    .from(recordItems)
    .innerJoin(recordClasses, eq(recordClasses.id, recordItems.classId))
    .where(
      and(
        dueBy(on),
        eq(recordItems.status, 'scheduled'),
        notHeld,
        eq(recordItems.classId, group.classId),
        group.directorateId === null ? sql`${owner} is null` : sql`${owner} = ${group.directorateId}`,
      ),
    )
    .orderBy(asc(recordItems.until), asc(recordItems.id))
    .limit(limit);
}

export async function insertList(tx: Executor, values: typeof disposalLists.$inferInsert) {
  const [row] = await tx.insert(disposalLists).values(values).returning();
  return row!;
}

/** Puts records on a list: they leave the schedule's "scheduled" state until the list is done with them. */
export async function addListItems(tx: Executor, listId: number, itemIds: readonly number[]) {
  if (!itemIds.length) return;
  await tx.insert(disposalListItems).values(itemIds.map((itemId) => ({ listId, itemId })));
  await tx
    .update(recordItems)
    .set({ status: 'listed' })
    .where(inArray(recordItems.id, [...itemIds]));
}

export async function findList(db: Executor, by: { id: number } | { number: string }) {
  const [row] = await db
    .select()
    .from(disposalLists)
    .where('id' in by ? eq(disposalLists.id, by.id) : eq(disposalLists.number, by.number));
  return row;
}

export async function findListForUpdate(db: Executor, id: number) {
  const [row] = await db.select().from(disposalLists).where(eq(disposalLists.id, id)).for('update');
  return row;
}

export function updateList(
  tx: Executor,
  list: { id: number; version: number },
  changes: Partial<typeof disposalLists.$inferInsert>,
  now: Date,
) {
  return updateVersioned(
    tx,
    disposalLists,
    list,
    changes,
    now,
    'Someone else changed this list while you were looking at it. Nothing has been saved: look at it again.',
  );
}

export function lists(db: Executor, statuses?: readonly string[]) {
  return db
    .select({ list: disposalLists, classCode: recordClasses.code })
    .from(disposalLists)
    .innerJoin(recordClasses, eq(recordClasses.id, disposalLists.classId))
    .where(statuses ? inArray(disposalLists.status, [...statuses]) : undefined)
    .orderBy(desc(disposalLists.id));
}

/** A list's records with the owner's decisions, in the order they are reviewed. */
export function listItems(db: Executor, listId: number, page?: { limit: number; offset: number }) {
  const query = db
    .select({ entry: disposalListItems, item: recordItems })
    .from(disposalListItems)
    .innerJoin(recordItems, eq(recordItems.id, disposalListItems.itemId))
    .where(eq(disposalListItems.listId, listId))
    .orderBy(asc(recordItems.until), asc(recordItems.id));
  return page ? query.limit(page.limit).offset(page.offset) : query;
}

/** How many of a list's records have each decision and outcome. */
export async function listTally(db: Executor, listId: number) {
  const rows = await db
    .select({ decision: disposalListItems.decision, outcome: disposalListItems.outcome, n: count() })
    .from(disposalListItems)
    .where(eq(disposalListItems.listId, listId))
    .groupBy(disposalListItems.decision, disposalListItems.outcome);
  const tally = { total: 0, pending: 0, dispose: 0, keep: 0, reclassify: 0, done: 0, skipped: 0 };
  for (const r of rows) {
    tally.total += r.n;
    tally[r.decision as 'pending' | 'dispose' | 'keep' | 'reclassify'] += r.n;
    if (r.outcome === 'done') tally.done += r.n;
    if (r.outcome === 'skipped') tally.skipped += r.n;
  }
  return tally;
}

export async function findListItem(db: Executor, listId: number, itemId: number) {
  const [row] = await db
    .select({ entry: disposalListItems, item: recordItems })
    .from(disposalListItems)
    .innerJoin(recordItems, eq(recordItems.id, disposalListItems.itemId))
    .where(and(eq(disposalListItems.listId, listId), eq(disposalListItems.itemId, itemId)));
  return row;
}

export async function setDecision(
  tx: Executor,
  listId: number,
  itemIds: readonly number[],
  decision: Partial<typeof disposalListItems.$inferInsert>,
) {
  if (!itemIds.length) return;
  await tx
    .update(disposalListItems)
    .set(decision)
    .where(and(eq(disposalListItems.listId, listId), inArray(disposalListItems.itemId, [...itemIds])));
}

/** The records of a list still undecided. */
export async function pendingOf(db: Executor, listId: number): Promise<number[]> {
  const rows = await db
    .select({ itemId: disposalListItems.itemId })
    .from(disposalListItems)
    .where(and(eq(disposalListItems.listId, listId), eq(disposalListItems.decision, 'pending')));
  return rows.map((r) => r.itemId);
}

/** Records to carry out, not yet dealt with: the work a killed execution resumes. */
export function outstanding(db: Executor, listId: number, limit: number) {
  return db
    .select({ entry: disposalListItems, item: recordItems })
    .from(disposalListItems)
    .innerJoin(recordItems, eq(recordItems.id, disposalListItems.itemId))
    .where(
      and(
        eq(disposalListItems.listId, listId),
        eq(disposalListItems.decision, 'dispose'),
        eq(disposalListItems.outcome, 'pending'),
      ),
    )
    .orderBy(asc(recordItems.id))
    .limit(limit);
}

export async function setOutcome(
  tx: Executor,
  listId: number,
  itemId: number,
  outcome: { outcome: 'done' | 'skipped'; outcomeNote?: string; doneAt: Date },
) {
  await tx
    .update(disposalListItems)
    .set(outcome)
    .where(and(eq(disposalListItems.listId, listId), eq(disposalListItems.itemId, itemId)));
}

/** Records back on the schedule as they were (a stopped list, a record kept, held or changed since review). */
export async function backOnSchedule(
  tx: Executor,
  itemIds: readonly number[],
  changes: {
    keepUntil?: string;
    keepReason?: string;
    classId?: number;
    assignedClassId?: number;
    classVersion?: number;
  } = {},
) {
  if (!itemIds.length) return;
  await tx
    .update(recordItems)
    .set({ status: 'scheduled', ...changes })
    .where(inArray(recordItems.id, [...itemIds]));
}

export async function markDisposed(
  tx: Executor,
  itemId: number,
  outcome: { status: 'disposed' | 'transferred'; certificateNumber: string; disposedOn: IsoDate },
) {
  await tx.update(recordItems).set(outcome).where(eq(recordItems.id, itemId));
}

/** Lists whose cooling-off ended before a day, or whose carrying out was interrupted. */
export function listsToCarryOut(db: Executor, today: IsoDate) {
  return db
    .select()
    .from(disposalLists)
    .where(
      sql`(${disposalLists.status} = 'cooling-off' and ${disposalLists.coolingOffUntil} < ${today})
          or ${disposalLists.status} = 'executing'`,
    )
    .orderBy(asc(disposalLists.id));
}

export async function insertCertificate(tx: Executor, values: typeof disposalCertificates.$inferInsert) {
  await tx.insert(disposalCertificates).values(values);
}

export async function findCertificate(db: Executor, number: string) {
  const [row] = await db.select().from(disposalCertificates).where(eq(disposalCertificates.number, number));
  return row;
}

/** Certificates in number order after one: the certificates record source's batches. */
export function certificatesAfter(db: Executor, afterNumber: string, limit: number) {
  return db
    .select({ number: disposalCertificates.number, issuedAt: disposalCertificates.issuedAt })
    .from(disposalCertificates)
    .where(sql`${disposalCertificates.number} > ${afterNumber}`)
    .orderBy(asc(disposalCertificates.number))
    .limit(limit);
}

/** The items of a list not yet decided or dealt with, for a stop or a return: unused ones go back. */
export async function unfinishedDisposals(db: Executor, listId: number) {
  const rows = await db
    .select({ itemId: disposalListItems.itemId })
    .from(disposalListItems)
    .where(
      and(
        eq(disposalListItems.listId, listId),
        inArray(disposalListItems.decision, ['dispose', 'pending']),
        eq(disposalListItems.outcome, 'pending'),
      ),
    );
  return rows.map((r) => r.itemId);
}

/** The figures a certificate states: counts by outcome, total size, and the span of the records' dates. */
export async function certificateFigures(db: Executor, listId: number) {
  const [row] = await db
    .select({
      listed: count(),
      destroyed: sql<number>`count(*) filter (where ${disposalListItems.outcomeNote} = 'destroyed')`.mapWith(
        Number,
      ),
      transferred:
        sql<number>`count(*) filter (where ${disposalListItems.outcomeNote} = 'transferred')`.mapWith(Number),
      kept: sql<number>`count(*) filter (where ${disposalListItems.decision} = 'keep')`.mapWith(Number),
      reclassified: sql<number>`count(*) filter (where ${disposalListItems.decision} = 'reclassify')`.mapWith(
        Number,
      ),
      held: sql<number>`count(*) filter (where ${disposalListItems.outcomeNote} = 'held')`.mapWith(Number),
      changed:
        sql<number>`count(*) filter (where ${disposalListItems.outcomeNote} in ('changed since it was reviewed', 'gone from its source'))`.mapWith(
          Number,
        ),
      bytes:
        sql<number>`coalesce(sum(${recordItems.size}) filter (where ${disposalListItems.outcome} = 'done'), 0)`.mapWith(
          Number,
        ),
      firstTrigger: sql<
        string | null
      >`min(${recordItems.triggerOn}) filter (where ${disposalListItems.outcome} = 'done')`,
      lastTrigger: sql<
        string | null
      >`max(${recordItems.triggerOn}) filter (where ${disposalListItems.outcome} = 'done')`,
      firstUntil: sql<
        string | null
      >`min(${recordItems.until}) filter (where ${disposalListItems.outcome} = 'done')`,
      lastUntil: sql<
        string | null
      >`max(${recordItems.until}) filter (where ${disposalListItems.outcome} = 'done')`,
    })
    .from(disposalListItems)
    .innerJoin(recordItems, eq(recordItems.id, disposalListItems.itemId))
    .where(eq(disposalListItems.listId, listId));
  const sources = await db
    .selectDistinct({ source: recordItems.source })
    .from(disposalListItems)
    .innerJoin(recordItems, eq(recordItems.id, disposalListItems.itemId))
    .where(and(eq(disposalListItems.listId, listId), eq(disposalListItems.outcome, 'done')));
  return { ...row!, sources: sources.map((s) => s.source) };
}

export async function deleteCertificate(tx: Executor, number: string) {
  await tx.delete(disposalCertificates).where(eq(disposalCertificates.number, number));
}
