import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { countAll } from '../../platform/db/count.ts';
import { updateVersioned } from '../../platform/db/queries.ts';
import { legalHolds, legalHoldScopes, recordItems } from './schema.ts';

/** The queries on legal holds: the holds and their scopes, and which records they cover. */

export type LegalHoldRow = typeof legalHolds.$inferSelect;
export type HoldScopeRow = typeof legalHoldScopes.$inferSelect;

/** A LIKE pattern of a column's text in SQL, its own % _ \ escaped. */
const likeEscaped = (text: SQL) =>
  sql`replace(replace(replace(lower(${text}), '\\', '\\\\'), '%', '\\%'), '_', '\\_')`;

/** Whether a standing hold's scope `s` covers the record_items row in the outer query. */
const scopeCoversItem = sql`(
     (s.kind = 'class' and s.class_id = ${recordItems.classId})
  or (s.kind = 'item' and s.item_id = ${recordItems.id})
  or (s.kind = 'directorate' and s.directorate_id = coalesce(${recordItems.directorateId},
        (select c.owner_directorate_id from record_classes c where c.id = ${recordItems.classId})))
  or (s.kind = 'source' and s.source = ${recordItems.source} and (s.scope is null or s.scope = ${recordItems.scope})
        and (coalesce(s.folder, '') = '' or lower(${recordItems.key}) = lower(s.folder)
             or lower(${recordItems.key}) like ${likeEscaped(sql`s.folder`)} || '/%'))
  or (s.kind = 'search' and lower(${recordItems.title}) like '%' || ${likeEscaped(sql`s.term`)} || '%')
)`;

/** Items no standing hold covers (by class, source or folder, directorate, the item itself, or its title). */
export const notHeld = sql`not exists (select 1 from legal_hold_scopes s
  join legal_holds h on h.id = s.hold_id and h.released_at is null where ${scopeCoversItem})`;

/** The standing holds covering each of these items, by name. */
export async function holdNamesOf(db: Executor, itemIds: readonly number[]): Promise<Map<number, string[]>> {
  const held = new Map<number, string[]>();
  if (!itemIds.length) return held;
  const rows = await db
    .selectDistinct({ itemId: recordItems.id, name: legalHolds.name })
    .from(recordItems)
    .innerJoin(sql`legal_hold_scopes s`, scopeCoversItem)
    .innerJoin(legalHolds, and(sql`${legalHolds.id} = s.hold_id`, isNull(legalHolds.releasedAt)))
    .where(inArray(recordItems.id, [...itemIds]));
  for (const r of rows) held.set(r.itemId, [...(held.get(r.itemId) ?? []), r.name]);
  return held;
}

export function holds(db: Executor, options: { standing?: boolean } = {}) {
  return db
    .select()
    .from(legalHolds)
    .where(options.standing ? isNull(legalHolds.releasedAt) : undefined)
    .orderBy(asc(legalHolds.name));
}

export async function findHold(db: Executor, by: { id: number } | { name: string }) {
  const [row] = await db
    .select()
    .from(legalHolds)
    .where('id' in by ? eq(legalHolds.id, by.id) : eq(legalHolds.name, by.name));
  return row;
}

export function scopesOf(db: Executor, holdIds: readonly number[]) {
  if (!holdIds.length) return Promise.resolve([] as HoldScopeRow[]);
  return db
    .select()
    .from(legalHoldScopes)
    .where(inArray(legalHoldScopes.holdId, [...holdIds]))
    .orderBy(asc(legalHoldScopes.id));
}

/** The search terms of standing holds, for the sources that can look inside their records. */
export function standingSearches(db: Executor) {
  return db
    .select({ name: legalHolds.name, term: legalHoldScopes.term })
    .from(legalHoldScopes)
    .innerJoin(legalHolds, eq(legalHolds.id, legalHoldScopes.holdId))
    .where(and(eq(legalHoldScopes.kind, 'search'), isNull(legalHolds.releasedAt)));
}

export async function insertHold(
  tx: Executor,
  values: typeof legalHolds.$inferInsert,
): Promise<LegalHoldRow> {
  const [row] = await tx.insert(legalHolds).values(values).returning();
  return row!;
}

export async function insertHoldScopes(tx: Executor, values: (typeof legalHoldScopes.$inferInsert)[]) {
  if (values.length) await tx.insert(legalHoldScopes).values(values);
}

export function releaseHoldRow(
  tx: Executor,
  hold: { id: number; version: number },
  release: { releasedBy: string; releasedAt: Date; releaseReason: string },
) {
  return updateVersioned(tx, legalHolds, hold, release, release.releasedAt);
}

/** How many records on the schedule one standing hold covers (its searches by title; content is looked at per list). */
export async function countHeldBy(db: Executor, holdId: number): Promise<number> {
  const [row] = await db
    .select({ n: countAll() })
    .from(recordItems)
    .where(
      and(
        inArray(recordItems.status, ['scheduled', 'listed']),
        sql`exists (select 1 from legal_hold_scopes s where s.hold_id = ${holdId} and ${scopeCoversItem})`,
      ),
    );
  return row?.n ?? 0;
}
