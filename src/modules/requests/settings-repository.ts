import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { requestTargets, sarSystems } from './schema.ts';

/** The queries on the requests settings: the systems searched for subject access requests, and the targets. */

export function systems(db: Executor, options: { activeOnly: boolean }) {
  return db
    .select()
    .from(sarSystems)
    .where(options.activeOnly ? eq(sarSystems.active, true) : undefined)
    .orderBy(asc(sarSystems.name));
}

export async function findSystem(db: Executor, id: number) {
  const [row] = await db.select().from(sarSystems).where(eq(sarSystems.id, id));
  return row;
}

export async function findSystemByName(db: Executor, name: string) {
  const [row] = await db
    .select()
    .from(sarSystems)
    .where(sql`lower(${sarSystems.name}) = lower(${name})`);
  return row;
}

export async function insertSystem(db: Executor, name: string): Promise<number> {
  const [row] = await db.insert(sarSystems).values({ name }).returning({ id: sarSystems.id });
  return row!.id;
}

export async function setSystemActive(db: Executor, id: number, active: boolean): Promise<boolean> {
  const done = await db
    .update(sarSystems)
    .set({ active })
    .where(eq(sarSystems.id, id))
    .returning({ id: sarSystems.id });
  return done.length > 0;
}

export function targets(db: Executor) {
  return db.select().from(requestTargets);
}

export async function upsertTarget(
  db: Executor,
  target: { directorateId: number; foiPercent: number; sarPercent: number },
): Promise<void> {
  await db
    .insert(requestTargets)
    .values(target)
    .onConflictDoUpdate({
      target: requestTargets.directorateId,
      set: { foiPercent: target.foiPercent, sarPercent: target.sarPercent },
    });
}
