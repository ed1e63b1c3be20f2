import { and, asc, eq, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/database.ts';
import { containing, updateVersioned } from '../../platform/db/queries.ts';
import { settings } from '../../platform/db/schema.ts';
import {
  registerActivities,
  registerActivityAssets,
  registerActivityClasses,
  registerAssetClasses,
  registerAssetLocations,
  registerAssets,
} from './schema.ts';
import type { ControllerDetails } from './inputs.ts';

/**
 * The queries on assets, processing activities and the links between them and to the retention schedule and
 * discovery. Sharing agreements are in sharing-repository.ts, privacy notices in notices-repository.ts.
 */

export type AssetRow = typeof registerAssets.$inferSelect;
export type ActivityRow = typeof registerActivities.$inferSelect;
export type AssetValues = Omit<
  typeof registerAssets.$inferInsert,
  'id' | 'version' | 'createdAt' | 'updatedAt'
>;
export type ActivityValues = Omit<
  typeof registerActivities.$inferInsert,
  'id' | 'version' | 'createdAt' | 'updatedAt'
>;

/** Which directorates' entries a list shows: every one, or some (an asset owner's). */
export type Scope = 'all' | number[];

const inScope = (column: PgColumn, scope: Scope): SQL | undefined =>
  scope === 'all' ? undefined : scope.length ? inArray(column, scope) : sql`false`;

export async function insertAsset(tx: Executor, values: AssetValues): Promise<AssetRow> {
  const [row] = await tx.insert(registerAssets).values(values).returning();
  return row!;
}

export function updateAsset(
  tx: Executor,
  asset: { id: number; version: number },
  values: Partial<AssetValues>,
  now: Date,
): Promise<AssetRow> {
  return updateVersioned(tx, registerAssets, asset, values, now);
}

export async function findAsset(db: Executor, id: number): Promise<AssetRow | undefined> {
  const [row] = await db.select().from(registerAssets).where(eq(registerAssets.id, id));
  return row;
}

export interface AssetFilter {
  scope: Scope;
  search?: string;
  directorateId?: number;
  /** Only those whose review fell due on or before this day. */
  reviewDueBy?: string;
  ownerUserId?: number;
  ids?: number[];
}

export function assets(db: Executor, filter: AssetFilter) {
  return db
    .select()
    .from(registerAssets)
    .where(
      and(
        inScope(registerAssets.directorateId, filter.scope),
        filter.search
          ? or(
              ilike(registerAssets.name, containing(filter.search)),
              ilike(registerAssets.system, containing(filter.search)),
            )
          : undefined,
        filter.directorateId ? eq(registerAssets.directorateId, filter.directorateId) : undefined,
        filter.reviewDueBy ? lt(registerAssets.nextReviewOn, nextDay(filter.reviewDueBy)) : undefined,
        filter.ownerUserId ? eq(registerAssets.ownerUserId, filter.ownerUserId) : undefined,
        filter.ids ? inArray(registerAssets.id, filter.ids.length ? filter.ids : [0]) : undefined,
      ),
    )
    .orderBy(asc(registerAssets.name), asc(registerAssets.id));
}

/** How many assets a scope holds, and how many of them are due for review by a day: the register's front page. */
export async function assetCounts(db: Executor, scope: Scope, today: string) {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      due: sql<number>`(count(*) filter (where ${registerAssets.nextReviewOn} <= ${today}))::int`,
    })
    .from(registerAssets)
    .where(inScope(registerAssets.directorateId, scope));
  return { total: row?.total ?? 0, due: row?.due ?? 0 };
}

/** How many entries of each kind are past their review in a scope: for the home page. */
export async function overdueReviews(db: Executor, today: string, scope: Scope, ownerUserId?: number) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(registerAssets)
    .where(
      and(
        inScope(registerAssets.directorateId, scope),
        lt(registerAssets.nextReviewOn, today),
        ownerUserId ? eq(registerAssets.ownerUserId, ownerUserId) : undefined,
      ),
    );
  return row?.count ?? 0;
}

const nextDay = (iso: string) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export async function setAssetClasses(tx: Executor, assetId: number, classIds: number[]) {
  await tx.delete(registerAssetClasses).where(eq(registerAssetClasses.assetId, assetId));
  if (classIds.length)
    await tx.insert(registerAssetClasses).values(classIds.map((classId) => ({ assetId, classId })));
}

export async function setAssetLocations(
  tx: Executor,
  assetId: number,
  locations: { sourceId: number; folder: string }[],
) {
  await tx.delete(registerAssetLocations).where(eq(registerAssetLocations.assetId, assetId));
  if (locations.length)
    await tx.insert(registerAssetLocations).values(locations.map((l) => ({ ...l, assetId })));
}

export function assetClassIds(db: Executor, assetIds: number[]) {
  if (!assetIds.length) return Promise.resolve([]);
  return db.select().from(registerAssetClasses).where(inArray(registerAssetClasses.assetId, assetIds));
}

export function assetLocations(db: Executor, assetId: number) {
  return db.select().from(registerAssetLocations).where(eq(registerAssetLocations.assetId, assetId));
}

export async function insertActivity(tx: Executor, values: ActivityValues): Promise<ActivityRow> {
  const [row] = await tx.insert(registerActivities).values(values).returning();
  return row!;
}

export function updateActivity(
  tx: Executor,
  activity: { id: number; version: number },
  values: Partial<ActivityValues>,
  now: Date,
): Promise<ActivityRow> {
  return updateVersioned(tx, registerActivities, activity, values, now);
}

export async function findActivity(db: Executor, id: number): Promise<ActivityRow | undefined> {
  const [row] = await db.select().from(registerActivities).where(eq(registerActivities.id, id));
  return row;
}

export interface ActivityFilter {
  scope: Scope;
  search?: string;
  service?: string;
  ids?: number[];
}

export function activities(db: Executor, filter: ActivityFilter) {
  return db
    .select()
    .from(registerActivities)
    .where(
      and(
        inScope(registerActivities.directorateId, filter.scope),
        filter.search ? ilike(registerActivities.name, containing(filter.search)) : undefined,
        filter.service ? eq(registerActivities.service, filter.service) : undefined,
        filter.ids ? inArray(registerActivities.id, filter.ids.length ? filter.ids : [0]) : undefined,
      ),
    )
    .orderBy(asc(registerActivities.service), asc(registerActivities.name), asc(registerActivities.id));
}

export async function setActivityLinks(
  tx: Executor,
  activityId: number,
  links: { assetIds: number[]; classIds: number[] },
) {
  await tx.delete(registerActivityAssets).where(eq(registerActivityAssets.activityId, activityId));
  await tx.delete(registerActivityClasses).where(eq(registerActivityClasses.activityId, activityId));
  if (links.assetIds.length)
    await tx
      .insert(registerActivityAssets)
      .values(links.assetIds.map((assetId) => ({ activityId, assetId })));
  if (links.classIds.length)
    await tx
      .insert(registerActivityClasses)
      .values(links.classIds.map((classId) => ({ activityId, classId })));
}

/** The asset–activity links of some activities (or of some assets), for showing either view's other side. */
export function activityAssetLinks(db: Executor, by: { activityIds?: number[]; assetIds?: number[] }) {
  const where = by.activityIds
    ? inArray(registerActivityAssets.activityId, by.activityIds.length ? by.activityIds : [0])
    : inArray(registerActivityAssets.assetId, by.assetIds?.length ? by.assetIds : [0]);
  return db.select().from(registerActivityAssets).where(where);
}

export function activityClassIds(db: Executor, activityIds: number[]) {
  return db
    .select()
    .from(registerActivityClasses)
    .where(inArray(registerActivityClasses.activityId, activityIds.length ? activityIds : [0]));
}

/** Ids that exist, of those asked about: a link to an asset that is not there is refused, not half-saved. */
export async function existingAssetIds(tx: Executor, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await tx
    .select({ id: registerAssets.id })
    .from(registerAssets)
    .where(inArray(registerAssets.id, ids));
  return new Set(rows.map((r) => r.id));
}

const CONTROLLER = 'register.controller';

export async function controllerDetails(db: Executor): Promise<ControllerDetails | undefined> {
  const [row] = await db.select().from(settings).where(eq(settings.key, CONTROLLER));
  return row?.value as ControllerDetails | undefined;
}

export async function saveControllerDetails(tx: Executor, details: ControllerDetails, now: Date) {
  await tx
    .insert(settings)
    .values({ key: CONTROLLER, value: details, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value: details, updatedAt: now } });
}
