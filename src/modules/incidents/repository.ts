import { randomUUID } from 'node:crypto';
import {
  and,
  asc,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lte,
  lt,
  ne,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/queries.ts';
import { directorates, userRoles, users } from '../../platform/identity/schema.ts';
import type { Classification } from '../../domain/incidents/taxonomy.ts';
import { londonParts } from '../../domain/incidents/ico-clock.ts';
import type { IncidentStatus } from '../../domain/incidents/workflow.ts';
import {
  incidentActions,
  incidentEscalations,
  incidentIcoReports,
  incidentNotifications,
  incidentRota,
  incidents,
} from './schema.ts';

export type IncidentRow = typeof incidents.$inferSelect;
export type NewIncident = Omit<typeof incidents.$inferInsert, 'id' | 'reference'>;
export type ActionRow = typeof incidentActions.$inferSelect;
export type NotificationRow = typeof incidentNotifications.$inferSelect;

/**
 * A reference a reporter can quote: INC-2026-0042, the London year it was reported and the row's own id, so two
 * reports never collide.
 */
export async function insertIncident(tx: Executor, values: NewIncident): Promise<IncidentRow> {
  const year = londonParts(values.reportedAt).date.slice(0, 4);
  const [inserted] = await tx
    .insert(incidents)
    .values({ ...values, reference: `pending-${randomUUID()}` })
    .returning({ id: incidents.id });
  const [row] = await tx
    .update(incidents)
    .set({ reference: `INC-${year}-${String(inserted!.id).padStart(4, '0')}` })
    .where(eq(incidents.id, inserted!.id))
    .returning();
  return row!;
}

export async function findIncident(db: Executor, id: number): Promise<IncidentRow | undefined> {
  const [row] = await db.select().from(incidents).where(eq(incidents.id, id));
  return row;
}

export async function findByReference(db: Executor, reference: string): Promise<IncidentRow | undefined> {
  const [row] = await db.select().from(incidents).where(eq(incidents.reference, reference));
  return row;
}

export function updateIncident(
  tx: Executor,
  incident: { id: number; version: number },
  changes: Partial<IncidentRow>,
  now: Date,
): Promise<IncidentRow> {
  return updateVersioned(
    tx,
    incidents,
    incident,
    changes,
    now,
    'Someone else changed this case while you were working on it. Nothing has been saved: open the case again and redo your change.',
  );
}

export interface IncidentFilter {
  /** The directorates whose cases may be listed, or every one. */
  scope: 'all' | number[];
  status?: IncidentStatus | 'open';
  classification?: Classification;
  reportedBy?: number;
}

function where(f: IncidentFilter): SQL | undefined {
  return and(
    f.scope === 'all' ? undefined : f.scope.length ? inArray(incidents.directorateId, f.scope) : sql`false`,
    f.status === 'open'
      ? ne(incidents.status, 'closed')
      : f.status
        ? eq(incidents.status, f.status)
        : undefined,
    f.classification ? eq(incidents.classification, f.classification) : undefined,
    f.reportedBy !== undefined ? eq(incidents.reportedBy, f.reportedBy) : undefined,
  );
}

export async function listIncidents(
  db: Executor,
  f: IncidentFilter,
  page: { limit: number; offset: number },
) {
  const [rows, [count]] = [
    await db
      .select({ incident: incidents, directorate: directorates.name })
      .from(incidents)
      .leftJoin(directorates, eq(directorates.id, incidents.directorateId))
      .where(where(f))
      .orderBy(desc(incidents.reportedAt), desc(incidents.id))
      .limit(page.limit)
      .offset(page.offset),
    await db
      .select({ n: sql<number>`count(*)::int` })
      .from(incidents)
      .where(where(f)),
  ];
  return { rows, total: Number(count?.n ?? 0) };
}

/** Breaches whose ICO clock is running: triaged as breaches, not closed, neither reported nor decided against. */
export function runningClocks(db: Executor, scope: 'all' | number[] = 'all') {
  return db
    .select()
    .from(incidents)
    .where(
      and(
        where({ scope }),
        eq(incidents.classification, 'breach'),
        ne(incidents.status, 'closed'),
        isNotNull(incidents.awareAt),
        isNull(incidents.icoReportedAt),
        or(isNull(incidents.icoDecision), eq(incidents.icoDecision, 'report')),
      ),
    )
    .orderBy(asc(incidents.awareAt));
}

/** Reports nobody has triaged, oldest first. */
export function untriaged(db: Executor) {
  return db
    .select()
    .from(incidents)
    .where(eq(incidents.status, 'reported'))
    .orderBy(asc(incidents.reportedAt));
}

export function actionsOf(db: Executor, incidentIds: number[]) {
  if (!incidentIds.length) return Promise.resolve([]);
  return db
    .select({ action: incidentActions, owner: users.displayName, ownerEmail: users.email })
    .from(incidentActions)
    .innerJoin(users, eq(users.id, incidentActions.ownerId))
    .where(inArray(incidentActions.incidentId, incidentIds))
    .orderBy(asc(incidentActions.dueOn), asc(incidentActions.id));
}

/** A member of staff's actions on cases still open, with the case's reference. */
export function actionsOwnedBy(db: Executor, userId: number) {
  return db
    .select({ action: incidentActions, reference: incidents.reference })
    .from(incidentActions)
    .innerJoin(incidents, eq(incidents.id, incidentActions.incidentId))
    .where(and(eq(incidentActions.ownerId, userId), ne(incidents.status, 'closed')))
    .orderBy(asc(incidentActions.dueOn));
}

export async function insertAction(tx: Executor, values: typeof incidentActions.$inferInsert) {
  const [row] = await tx.insert(incidentActions).values(values).returning();
  return row!;
}

export async function completeAction(tx: Executor, id: number, doneAt: Date, evidence: string) {
  const [row] = await tx
    .update(incidentActions)
    .set({ doneAt, evidence })
    .where(and(eq(incidentActions.id, id), isNull(incidentActions.doneAt)))
    .returning();
  return row;
}

export async function findAction(db: Executor, id: number): Promise<ActionRow | undefined> {
  const [row] = await db.select().from(incidentActions).where(eq(incidentActions.id, id));
  return row;
}

/** Open actions due on or before a day whose owner has not been reminded today, with the case they belong to. */
export function actionsToRemind(db: Executor, today: string) {
  return db
    .select({ action: incidentActions, reference: incidents.reference, ownerEmail: users.email })
    .from(incidentActions)
    .innerJoin(incidents, eq(incidents.id, incidentActions.incidentId))
    .innerJoin(users, eq(users.id, incidentActions.ownerId))
    .where(
      and(
        isNull(incidentActions.doneAt),
        lte(incidentActions.dueOn, today),
        or(isNull(incidentActions.remindedOn), lt(incidentActions.remindedOn, today)),
        eq(users.active, true),
      ),
    );
}

export async function markReminded(tx: Executor, ids: number[], today: string) {
  if (ids.length)
    await tx.update(incidentActions).set({ remindedOn: today }).where(inArray(incidentActions.id, ids));
}

export function notificationsOf(db: Executor, incidentId: number) {
  return db
    .select()
    .from(incidentNotifications)
    .where(eq(incidentNotifications.incidentId, incidentId))
    .orderBy(asc(incidentNotifications.toldOn), asc(incidentNotifications.id));
}

export async function insertNotification(tx: Executor, values: typeof incidentNotifications.$inferInsert) {
  const [row] = await tx.insert(incidentNotifications).values(values).returning();
  return row!;
}

export function icoReportsOf(db: Executor, incidentId: number) {
  return db
    .select()
    .from(incidentIcoReports)
    .where(eq(incidentIcoReports.incidentId, incidentId))
    .orderBy(asc(incidentIcoReports.submittedAt), asc(incidentIcoReports.id));
}

export async function insertIcoReport(tx: Executor, values: typeof incidentIcoReports.$inferInsert) {
  const [row] = await tx.insert(incidentIcoReports).values(values).returning();
  return row!;
}

/** Records an escalation stage once: false when it had already been sent. */
export async function claimEscalation(
  tx: Executor,
  incidentId: number,
  stage: string,
  sentAt: Date,
  recipients: number,
) {
  const rows = await tx
    .insert(incidentEscalations)
    .values({ incidentId, stage, sentAt, recipients })
    .onConflictDoNothing()
    .returning({ id: incidentEscalations.id });
  return rows.length > 0;
}

export function escalationsOf(db: Executor, incidentIds: number[]) {
  if (!incidentIds.length) return Promise.resolve([]);
  return db.select().from(incidentEscalations).where(inArray(incidentEscalations.incidentId, incidentIds));
}

/** Active people holding a role council-wide, for escalations to the DPO. */
export function activeWithRole(db: Executor, role: 'dpo' | 'ig_officer') {
  return db
    .selectDistinct({ id: users.id, email: users.email, name: users.displayName })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(userRoles.role, role), eq(users.active, true)))
    .orderBy(asc(users.id));
}

export function rota(db: Executor) {
  return db
    .select({ entry: incidentRota, name: users.displayName, email: users.email })
    .from(incidentRota)
    .innerJoin(users, eq(users.id, incidentRota.deputyId))
    .orderBy(asc(incidentRota.startsOn), asc(incidentRota.id));
}

/** Whoever is on the rota on a London date. */
export function deputiesOn(db: Executor, day: string) {
  return db
    .select({ id: users.id, email: users.email, name: users.displayName })
    .from(incidentRota)
    .innerJoin(users, eq(users.id, incidentRota.deputyId))
    .where(and(lte(incidentRota.startsOn, day), gte(incidentRota.endsOn, day), eq(users.active, true)));
}

export async function insertRota(tx: Executor, values: typeof incidentRota.$inferInsert) {
  const [row] = await tx.insert(incidentRota).values(values).returning();
  return row!;
}

export async function deleteRota(tx: Executor, id: number) {
  const rows = await tx.delete(incidentRota).where(eq(incidentRota.id, id)).returning();
  return rows[0];
}

/** The columns the trends are worked out from. */
const TREND_COLUMNS = {
  reportedAt: incidents.reportedAt,
  classification: incidents.classification,
  nearMissReported: incidents.nearMissReported,
  cause: incidents.cause,
  breachTypes: incidents.breachTypes,
  service: incidents.service,
  directorateId: incidents.directorateId,
  triagedAt: incidents.triagedAt,
  triageDueAt: incidents.triageDueAt,
  icoDecision: incidents.icoDecision,
  awareAt: incidents.awareAt,
  icoReportedAt: incidents.icoReportedAt,
};
export type TrendRow = { [K in keyof typeof TREND_COLUMNS]: IncidentRow[K] };

/** Every incident reported since a moment, as the trends count it, with its directorate's name. */
export function forTrends(db: Executor, since: Date) {
  return db
    .select({ incident: TREND_COLUMNS, directorate: directorates.name })
    .from(incidents)
    .leftJoin(directorates, eq(directorates.id, incidents.directorateId))
    .where(gte(incidents.reportedAt, since));
}

export function usersByEmail(db: Executor, emails: string[]) {
  if (!emails.length) return Promise.resolve([]);
  return db
    .select({ id: users.id, email: users.email, name: users.displayName })
    .from(users)
    .where(inArray(users.email, emails));
}

export function usersById(db: Executor, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ id: users.id, email: users.email, name: users.displayName })
    .from(users)
    .where(inArray(users.id, ids));
}
