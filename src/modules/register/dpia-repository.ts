import { and, asc, desc, eq, inArray, max } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/queries.ts';
import type { DpiaStep } from '../../domain/register/dpia.ts';
import { registerDpiaRisks, registerDpias, registerDpiaSections } from './schema.ts';

/** The queries on impact assessments, the revisions of their steps and their risk registers. */

export type DpiaRow = typeof registerDpias.$inferSelect;
export type RiskRow = typeof registerDpiaRisks.$inferSelect;
export type SectionRow = typeof registerDpiaSections.$inferSelect;

export async function insertDpia(tx: Executor, values: typeof registerDpias.$inferInsert): Promise<DpiaRow> {
  const [row] = await tx.insert(registerDpias).values(values).returning();
  return row!;
}

export function updateDpia(
  tx: Executor,
  dpia: { id: number; version: number },
  values: Partial<DpiaRow>,
  now: Date,
): Promise<DpiaRow> {
  return updateVersioned(tx, registerDpias, dpia, values, now);
}

export async function findDpia(db: Executor, id: number): Promise<DpiaRow | undefined> {
  const [row] = await db.select().from(registerDpias).where(eq(registerDpias.id, id));
  return row;
}

export function dpias(db: Executor, filter: { ids?: number[] } = {}) {
  return db
    .select()
    .from(registerDpias)
    .where(filter.ids ? inArray(registerDpias.id, filter.ids.length ? filter.ids : [0]) : undefined)
    .orderBy(desc(registerDpias.updatedAt), desc(registerDpias.id));
}

/** Every revision of every step of an assessment, newest first within each step. */
export function sectionsOf(db: Executor, dpiaId: number) {
  return db
    .select()
    .from(registerDpiaSections)
    .where(eq(registerDpiaSections.dpiaId, dpiaId))
    .orderBy(asc(registerDpiaSections.step), desc(registerDpiaSections.revision));
}

export async function latestRevision(tx: Executor, dpiaId: number, step: DpiaStep): Promise<number> {
  const [row] = await tx
    .select({ revision: max(registerDpiaSections.revision) })
    .from(registerDpiaSections)
    .where(and(eq(registerDpiaSections.dpiaId, dpiaId), eq(registerDpiaSections.step, step)));
  return row?.revision ?? 0;
}

export async function insertSection(tx: Executor, values: SectionRow) {
  await tx.insert(registerDpiaSections).values(values);
}

export function risksOf(db: Executor, dpiaId: number) {
  return db
    .select()
    .from(registerDpiaRisks)
    .where(eq(registerDpiaRisks.dpiaId, dpiaId))
    .orderBy(asc(registerDpiaRisks.id));
}

export async function insertRisk(tx: Executor, values: typeof registerDpiaRisks.$inferInsert) {
  const [row] = await tx.insert(registerDpiaRisks).values(values).returning();
  return row!;
}

export async function updateRisk(
  tx: Executor,
  risk: { id: number; dpiaId: number },
  values: Partial<RiskRow>,
) {
  const rows = await tx
    .update(registerDpiaRisks)
    .set(values)
    .where(and(eq(registerDpiaRisks.id, risk.id), eq(registerDpiaRisks.dpiaId, risk.dpiaId)))
    .returning();
  return rows[0];
}
