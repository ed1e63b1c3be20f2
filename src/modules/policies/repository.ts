import { and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../platform/db/database.ts';
import { selectRows } from '../../platform/db/queries.ts';
import { users } from '../../platform/identity/schema.ts';
import type { WorkerType } from '../../domain/staff/hr-file.ts';
import {
  policies,
  policyAcknowledgements,
  policyExceptions,
  policyReminders,
  policyVersions,
} from './schema.ts';

export type PolicyRow = typeof policies.$inferSelect;
export type VersionRow = typeof policyVersions.$inferSelect;

export async function listPolicies(db: Executor) {
  return db.select().from(policies).orderBy(asc(policies.title));
}

export async function findPolicy(db: Executor, id: number) {
  const [row] = await db.select().from(policies).where(eq(policies.id, id));
  return row;
}

export async function insertPolicy(tx: Tx, values: typeof policies.$inferInsert) {
  const [row] = await tx.insert(policies).values(values).returning();
  return row!;
}

/** A change saved only over the version the form was opened on. */
export async function updatePolicy(
  tx: Tx,
  id: number,
  version: number,
  values: Partial<typeof policies.$inferInsert>,
) {
  const [row] = await tx
    .update(policies)
    .set({ ...values, version: sql`${policies.version} + 1` })
    .where(and(eq(policies.id, id), eq(policies.version, version)))
    .returning();
  return row;
}

export async function setNextReview(tx: Tx, id: number, nextReviewOn: string) {
  await tx
    .update(policies)
    .set({ nextReviewOn, version: sql`${policies.version} + 1` })
    .where(eq(policies.id, id));
}

export async function versionsOf(db: Executor, policyId: number) {
  return db
    .select()
    .from(policyVersions)
    .where(eq(policyVersions.policyId, policyId))
    .orderBy(desc(policyVersions.id));
}

/** Every published or superseded version of every policy, oldest first: what acknowledgement is counted against. */
export async function publishedVersions(db: Executor) {
  return db
    .select({
      id: policyVersions.id,
      policyId: policyVersions.policyId,
      material: policyVersions.material,
      publishedOn: policyVersions.publishedOn,
    })
    .from(policyVersions)
    .where(inArray(policyVersions.status, ['published', 'superseded']))
    .orderBy(asc(policyVersions.id));
}

export async function findVersion(db: Executor, policyId: number, versionId: number) {
  const [row] = await db
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.id, versionId), eq(policyVersions.policyId, policyId)));
  return row;
}

export async function insertVersion(tx: Tx, values: typeof policyVersions.$inferInsert) {
  const [row] = await tx.insert(policyVersions).values(values).returning();
  return row!;
}

export async function updateVersion(tx: Tx, id: number, values: Partial<typeof policyVersions.$inferInsert>) {
  await tx.update(policyVersions).set(values).where(eq(policyVersions.id, id));
}

export async function supersedePublished(tx: Tx, policyId: number) {
  await tx
    .update(policyVersions)
    .set({ status: 'superseded' })
    .where(and(eq(policyVersions.policyId, policyId), eq(policyVersions.status, 'published')));
}

export interface AudiencePerson {
  id: number;
  name: string;
  email: string | null;
  directorateId: number;
  workerType: WorkerType;
  lineManagerId: number | null;
  userId: number | null;
  roles: string[];
}

/** Everyone working for the council today, with the roles their account holds: who a policy's audience is drawn from. */
/** The people working for the council on a day (or just one of them, when `only` is given). */
export async function workingToday(db: Executor, today: string, only?: number): Promise<AudiencePerson[]> {
  const rows = await selectRows<{
    id: number;
    name: string;
    email: string | null;
    directorate_id: number;
    worker_type: WorkerType;
    line_manager_id: number | null;
    user_id: number | null;
    roles: string[] | null;
  }>(
    db,
    sql`select s.id, s.name, s.email, s.directorate_id, s.worker_type, s.line_manager_id, s.user_id,
               (select array_agg(distinct ur.role) from user_roles ur where ur.user_id = s.user_id) as roles
        from staff_members s
        where s.start_date <= ${today}::date and (s.leave_date is null or s.leave_date >= ${today}::date)
          ${only === undefined ? sql`` : sql`and s.id = ${only}`}
        order by s.name, s.id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    email: r.email,
    directorateId: Number(r.directorate_id),
    workerType: r.worker_type,
    lineManagerId: r.line_manager_id === null ? null : Number(r.line_manager_id),
    userId: r.user_id === null ? null : Number(r.user_id),
    roles: ['staff', ...(r.roles ?? [])],
  }));
}

/** Acknowledged version ids by person, for the versions given. */
export async function acknowledgementsOf(db: Executor, versionIds: number[]) {
  const map = new Map<number, Set<number>>();
  if (!versionIds.length) return map;
  const rows = await db
    .select({ staffId: policyAcknowledgements.staffId, versionId: policyAcknowledgements.versionId })
    .from(policyAcknowledgements)
    .where(inArray(policyAcknowledgements.versionId, versionIds));
  for (const r of rows) map.set(r.staffId, (map.get(r.staffId) ?? new Set()).add(r.versionId));
  return map;
}

/** The versions one person has acknowledged. */
export async function versionsAcknowledgedBy(db: Executor, staffId: number): Promise<Set<number>> {
  const rows = await db
    .select({ versionId: policyAcknowledgements.versionId })
    .from(policyAcknowledgements)
    .where(eq(policyAcknowledgements.staffId, staffId));
  return new Set(rows.map((r) => r.versionId));
}

/** One person's acknowledgements, newest first, with their policy and version. */
export async function acknowledgementsBy(db: Executor, staffId: number) {
  return db
    .select({ ack: policyAcknowledgements, version: policyVersions, policy: policies })
    .from(policyAcknowledgements)
    .innerJoin(policyVersions, eq(policyVersions.id, policyAcknowledgements.versionId))
    .innerJoin(policies, eq(policies.id, policyVersions.policyId))
    .where(eq(policyAcknowledgements.staffId, staffId))
    .orderBy(desc(policyAcknowledgements.acknowledgedAt));
}

/** Records an acknowledgement; false when the person had acknowledged that version already. */
export async function insertAcknowledgement(tx: Tx, values: typeof policyAcknowledgements.$inferInsert) {
  const rows = await tx
    .insert(policyAcknowledgements)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: policyAcknowledgements.id });
  return rows.length > 0;
}

/** The people excused from each policy today (exceptions not yet expired). */
export async function activeExceptions(db: Executor, today: string) {
  const rows = await db
    .select({ policyId: policyExceptions.policyId, staffId: policyExceptions.staffId })
    .from(policyExceptions)
    .where(gte(policyExceptions.expiresOn, today));
  const map = new Map<number, Set<number>>();
  for (const r of rows) map.set(r.policyId, (map.get(r.policyId) ?? new Set()).add(r.staffId));
  return map;
}

export async function exceptionsOf(db: Executor, policyId: number) {
  return selectRows<{ id: number; name: string; reason: string; expires_on: string }>(
    db,
    sql`select e.id, s.name, e.reason, e.expires_on::text from policy_exceptions e
        join staff_members s on s.id = e.staff_id where e.policy_id = ${policyId} order by e.expires_on desc, e.id desc`,
  );
}

export async function insertException(tx: Tx, values: typeof policyExceptions.$inferInsert) {
  const [row] = await tx.insert(policyExceptions).values(values).returning();
  return row!;
}

export async function remindersOf(db: Executor, versionIds: number[]) {
  if (!versionIds.length) return new Map<string, { remindedOn: string | null; escalatedOn: string | null }>();
  const rows = await db.select().from(policyReminders).where(inArray(policyReminders.versionId, versionIds));
  return new Map(rows.map((r) => [`${r.versionId}:${r.staffId}`, r]));
}

export async function markReminded(
  tx: Tx,
  rows: { versionId: number; staffId: number; remindedOn?: string; escalatedOn?: string }[],
) {
  for (const r of rows)
    await tx
      .insert(policyReminders)
      .values(r)
      .onConflictDoUpdate({
        target: [policyReminders.versionId, policyReminders.staffId],
        set: {
          ...(r.remindedOn ? { remindedOn: r.remindedOn } : {}),
          ...(r.escalatedOn ? { escalatedOn: r.escalatedOn } : {}),
        },
      });
}

export async function userNames(db: Executor, ids: number[]) {
  if (!ids.length) return new Map<number, { name: string; email: string }>();
  const rows = await db
    .select({ id: users.id, name: users.displayName, email: users.email })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, { name: r.name, email: r.email }]));
}

export async function userByEmail(db: Executor, email: string) {
  const [row] = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()));
  return row;
}

/** A person HR knows, by employee id (any case) or e-mail address. */
export async function staffIdByRef(db: Executor, ref: string) {
  const text = ref.trim().toLowerCase();
  const [row] = await selectRows<{ id: number }>(
    db,
    sql`select id from staff_members where lower(employee_id) = ${text} or email = ${text} limit 1`,
  );
  return row ? Number(row.id) : undefined;
}

export async function staffIdOfUser(db: Executor, userId: number) {
  const [row] = await selectRows<{ id: number }>(
    db,
    sql`select id from staff_members where user_id = ${userId}`,
  );
  return row ? Number(row.id) : undefined;
}

/** Drafts waiting for their approver's sign-off. */
export async function countAwaitingApproval(db: Executor, approverId: number) {
  const [row] = await selectRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from policy_versions v join policies p on p.id = v.policy_id
        where v.status = 'draft' and p.approver_id = ${approverId}`,
  );
  return Number(row?.n ?? 0);
}
