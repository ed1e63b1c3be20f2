import { alias } from 'drizzle-orm/pg-core';
import { and, asc, eq, ilike, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor, Tx } from '../../platform/db/database.ts';
import { directorates, sessions, teams, userRoles, users } from '../../platform/identity/schema.ts';
import { countWhere } from '../../platform/db/count.ts';
import { containing, selectRows } from '../../platform/db/queries.ts';
import type { HrRow, WorkerType } from '../../domain/staff/hr-file.ts';
import { staffImports, staffMembers, staffPostings } from './schema.ts';

export type StaffRow = typeof staffMembers.$inferSelect;
export type StaffImportRow = typeof staffImports.$inferSelect;

/** Inserts and updates go in batches: an establishment of 50,000 is a few hundred statements, not 50,000. */
const BATCH = 1000;

const managers = alias(staffMembers, 'managers');

/** A person's HR fields with their directorate's and team's names (with directorates and teams joined). */
const PERSON = {
  id: staffMembers.id,
  employeeId: staffMembers.employeeId,
  name: staffMembers.name,
  email: staffMembers.email,
  directorate: directorates.name,
  team: teams.name,
  jobTitle: staffMembers.jobTitle,
  startDate: staffMembers.startDate,
  leaveDate: staffMembers.leaveDate,
  workerType: staffMembers.workerType,
};

/** Everyone Custodian holds, as HR would write them, keyed by employee id lower-cased; with each one's row id. */
export async function staffAsHr(db: Executor): Promise<Map<string, HrRow & { id: number }>> {
  const rows = await db
    .select({
      ...PERSON,
      lineManagerEmail: managers.email,
      personalDataAccess: staffMembers.personalDataAccess,
    })
    .from(staffMembers)
    .innerJoin(directorates, eq(directorates.id, staffMembers.directorateId))
    .leftJoin(teams, eq(teams.id, staffMembers.teamId))
    .leftJoin(managers, eq(managers.id, staffMembers.lineManagerId));
  return new Map(rows.map((r) => [r.employeeId.toLowerCase(), r]));
}

export async function insertStaffImport(tx: Tx, values: typeof staffImports.$inferInsert) {
  const [row] = await tx.insert(staffImports).values(values).returning();
  return row!;
}

/** Ids for new people taken from the sequence before they are written, so rows can name each other. */
export async function allocateStaffIds(tx: Tx, count: number): Promise<number[]> {
  if (!count) return [];
  const rows = await selectRows<{ id: number }>(
    tx,
    sql`select nextval(pg_get_serial_sequence('staff_members', 'id'))::int as id from generate_series(1, ${count})`,
  );
  return rows.map((r) => Number(r.id));
}

/** New people, with their ids given, in batches in the order given. */
export async function insertStaff(tx: Tx, values: (typeof staffMembers.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < values.length; i += BATCH)
    await tx.insert(staffMembers).values(values.slice(i, i + BATCH));
}

export async function updateStaff(
  tx: Tx,
  id: number,
  values: Partial<typeof staffMembers.$inferInsert>,
  now: Date,
): Promise<void> {
  await tx
    .update(staffMembers)
    .set({ ...values, version: sql`${staffMembers.version} + 1`, updatedAt: now })
    .where(eq(staffMembers.id, id));
}

/** Line managers, set once everyone in the file has a row id. */
export async function setLineManagers(
  tx: Tx,
  pairs: { id: number; managerId: number | null }[],
): Promise<void> {
  for (let i = 0; i < pairs.length; i += BATCH) {
    const batch = pairs.slice(i, i + BATCH);
    const values = sql.join(
      batch.map((p) => sql`(${p.id}::integer, ${p.managerId}::integer)`),
      sql`, `,
    );
    await tx.execute(
      sql`update staff_members set line_manager_id = v.manager from (values ${values}) as v(id, manager) where staff_members.id = v.id`,
    );
  }
}

export async function insertPostings(tx: Tx, values: (typeof staffPostings.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < values.length; i += BATCH)
    await tx.insert(staffPostings).values(values.slice(i, i + BATCH));
}

/** Accounts and HR records with the same e-mail address are the same person: links those not linked yet. */
export async function linkAccounts(tx: Tx): Promise<void> {
  await tx.execute(
    sql`update staff_members set user_id = users.id from users
        where users.email = staff_members.email and staff_members.user_id is null
          and not exists (select 1 from staff_members s where s.user_id = users.id)`,
  );
}

/**
 * The active accounts of people whose leave date has come, apart from administrators' (a break-glass administrator
 * is never locked out by an HR file; the import lists them for an administrator to close by hand).
 */
export async function accountsOfLeavers(tx: Executor, today: string) {
  const admins = tx.select({ id: userRoles.userId }).from(userRoles).where(eq(userRoles.role, 'admin'));
  const rows = await tx
    .select({ userId: users.id, admin: sql<boolean>`${users.id} in (${admins})` })
    .from(staffMembers)
    .innerJoin(users, eq(users.id, staffMembers.userId))
    .where(
      and(isNotNull(staffMembers.leaveDate), lte(staffMembers.leaveDate, today), eq(users.active, true)),
    );
  return {
    close: rows.filter((r) => !r.admin).map((r) => r.userId),
    administrators: rows.filter((r) => r.admin).length,
  };
}

export async function closeAccounts(tx: Tx, userIds: number[], now: Date): Promise<void> {
  if (!userIds.length) return;
  await tx
    .update(users)
    .set({ active: false, version: sql`${users.version} + 1`, updatedAt: now })
    .where(inArray(users.id, userIds));
  await tx.delete(sessions).where(inArray(sessions.userId, userIds));
}

export interface StaffFilter {
  q?: string;
  directorateId?: number;
  workerType?: WorkerType;
  /** Working for the council on this day; leavers too when absent. */
  activeOn?: string;
}

function staffWhere(f: StaffFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (f.q)
    conditions.push(
      or(
        ilike(staffMembers.name, containing(f.q)),
        ilike(staffMembers.email, containing(f.q)),
        ilike(staffMembers.employeeId, containing(f.q)),
      ),
    );
  if (f.directorateId) conditions.push(eq(staffMembers.directorateId, f.directorateId));
  if (f.workerType) conditions.push(eq(staffMembers.workerType, f.workerType));
  if (f.activeOn)
    conditions.push(
      lte(staffMembers.startDate, f.activeOn),
      or(isNull(staffMembers.leaveDate), sql`${staffMembers.leaveDate} >= ${f.activeOn}`),
    );
  return and(...conditions);
}

export async function listStaff(db: Executor, f: StaffFilter, page: { limit: number; offset: number }) {
  const where = staffWhere(f);
  const rows = await db
    .select({ ...PERSON, hasAccount: sql<boolean>`${staffMembers.userId} is not null` })
    .from(staffMembers)
    .innerJoin(directorates, eq(directorates.id, staffMembers.directorateId))
    .leftJoin(teams, eq(teams.id, staffMembers.teamId))
    .where(where)
    .orderBy(asc(staffMembers.name), asc(staffMembers.id))
    .limit(page.limit)
    .offset(page.offset);
  return { rows, total: await countWhere(db, staffMembers, where) };
}

export async function findStaff(db: Executor, id: number) {
  const [row] = await db
    .select({
      person: staffMembers,
      directorate: directorates.name,
      team: teams.name,
      manager: { id: managers.id, name: managers.name, email: managers.email },
      account: { id: users.id, active: users.active },
    })
    .from(staffMembers)
    .innerJoin(directorates, eq(directorates.id, staffMembers.directorateId))
    .leftJoin(teams, eq(teams.id, staffMembers.teamId))
    .leftJoin(managers, eq(managers.id, staffMembers.lineManagerId))
    .leftJoin(users, eq(users.id, staffMembers.userId))
    .where(eq(staffMembers.id, id));
  return row;
}

export async function findStaffByUser(db: Executor, userId: number) {
  const [row] = await db.select().from(staffMembers).where(eq(staffMembers.userId, userId));
  return row;
}

/** A person's posts, newest first. */
export async function postingsOf(db: Executor, staffId: number) {
  return db
    .select({
      fromDate: staffPostings.fromDate,
      directorate: directorates.name,
      team: teams.name,
      jobTitle: staffPostings.jobTitle,
      manager: managers.name,
    })
    .from(staffPostings)
    .innerJoin(directorates, eq(directorates.id, staffPostings.directorateId))
    .leftJoin(teams, eq(teams.id, staffPostings.teamId))
    .leftJoin(managers, eq(managers.id, staffPostings.lineManagerId))
    .where(eq(staffPostings.staffId, staffId))
    .orderBy(sql`${staffPostings.fromDate} desc, ${staffPostings.id} desc`);
}

/** The people someone line-manages (directly), with or without accounts. */
export async function reportsOf(db: Executor, managerId: number) {
  return db
    .select()
    .from(staffMembers)
    .where(eq(staffMembers.lineManagerId, managerId))
    .orderBy(asc(staffMembers.name));
}

export async function recentImports(db: Executor, limit = 10) {
  return db
    .select({ row: staffImports, by: users.displayName })
    .from(staffImports)
    .leftJoin(users, eq(users.id, staffImports.importedBy))
    .orderBy(sql`${staffImports.id} desc`)
    .limit(limit);
}

export async function findStaffImport(db: Executor, id: number) {
  const [row] = await db.select().from(staffImports).where(eq(staffImports.id, id));
  return row;
}

export async function countStaff(db: Executor) {
  return countWhere(db, staffMembers, undefined);
}

export async function updateStaffImportSummary(tx: Tx, id: number, summary: StaffImportRow['summary']) {
  await tx.update(staffImports).set({ summary }).where(eq(staffImports.id, id));
}
