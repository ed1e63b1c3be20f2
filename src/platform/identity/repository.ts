import { and, asc, eq, gt, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor, Tx } from '../db/database.ts';
import type { Audit } from '../commands.ts';
import { apiTokens, directorates, sessions, teamMembers, teams, userRoles, users } from './schema.ts';
import { isRole, type Grant } from '../authz/roles.ts';
import { countWhere } from '../db/count.ts';
import { containing } from '../db/queries.ts';

export type UserRow = typeof users.$inferSelect;
export type Directorate = typeof directorates.$inferSelect;
export type Team = typeof teams.$inferSelect;

/** A new directorate, recorded in the audit trail. */
export async function insertDirectorate(tx: Tx, audit: Audit, name: string): Promise<number> {
  const [row] = await tx.insert(directorates).values({ name }).returning({ id: directorates.id });
  await audit({
    action: 'directorate.created',
    entityType: 'directorate',
    entityId: row!.id,
    details: { name },
  });
  return row!.id;
}

/** A new team within a directorate, recorded in the audit trail. */
export async function insertTeam(tx: Tx, audit: Audit, directorateId: number, name: string): Promise<number> {
  const [row] = await tx.insert(teams).values({ directorateId, name }).returning({ id: teams.id });
  await audit({
    action: 'team.created',
    entityType: 'team',
    entityId: row!.id,
    details: { name, directorateId },
  });
  return row!.id;
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  return row;
}

export async function findUser(db: Executor, id: number): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function findDirectorate(db: Executor, id: number): Promise<Directorate | undefined> {
  const [row] = await db.select().from(directorates).where(eq(directorates.id, id));
  return row;
}

export async function findTeam(db: Executor, id: number): Promise<Team | undefined> {
  const [row] = await db.select().from(teams).where(eq(teams.id, id));
  return row;
}

/** The ids of the teams a user belongs to. */
export async function teamIdsOf(db: Executor, userId: number): Promise<number[]> {
  const rows = await db
    .select({ id: teamMembers.teamId })
    .from(teamMembers)
    .where(eq(teamMembers.userId, userId));
  return rows.map((r) => r.id);
}

export async function grantsOf(db: Executor, userIds: number[]): Promise<Map<number, Grant[]>> {
  const map = new Map<number, Grant[]>();
  if (userIds.length === 0) return map;
  const rows = await db.select().from(userRoles).where(inArray(userRoles.userId, userIds));
  for (const r of rows) {
    if (!isRole(r.role)) continue;
    const list = map.get(r.userId) ?? [];
    list.push({ role: r.role, directorateId: r.directorateId });
    map.set(r.userId, list);
  }
  return map;
}

export async function teamsOf(db: Executor, userId: number): Promise<Team[]> {
  const rows = await db
    .select({ team: teams })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teamMembers.userId, userId))
    .orderBy(asc(teams.name));
  return rows.map((r) => r.team);
}

export async function replaceGrants(db: Executor, userId: number, grants: Grant[]): Promise<void> {
  await db.delete(userRoles).where(eq(userRoles.userId, userId));
  if (grants.length) {
    await db
      .insert(userRoles)
      .values(grants.map((g) => ({ userId, role: g.role, directorateId: g.directorateId })));
  }
}

export async function replaceTeams(db: Executor, userId: number, teamIds: number[]): Promise<void> {
  await db.delete(teamMembers).where(eq(teamMembers.userId, userId));
  if (teamIds.length) await db.insert(teamMembers).values(teamIds.map((teamId) => ({ teamId, userId })));
}

export interface UserListFilter {
  q?: string;
  role?: string;
  directorateId?: number;
  status?: 'active' | 'inactive';
}

export async function listUsers(db: Executor, f: UserListFilter, page: { limit: number; offset: number }) {
  const conditions: SQL[] = [];
  if (f.q) {
    const like = containing(f.q);
    conditions.push(or(ilike(users.displayName, like), ilike(users.email, like))!);
  }
  if (f.status) conditions.push(eq(users.active, f.status === 'active'));
  if (f.role || f.directorateId) {
    const roleConditions: SQL[] = [eq(userRoles.userId, users.id)];
    if (f.role) roleConditions.push(eq(userRoles.role, f.role));
    if (f.directorateId) roleConditions.push(eq(userRoles.directorateId, f.directorateId));
    conditions.push(sql`exists (select 1 from ${userRoles} where ${and(...roleConditions)})`);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, total] = await Promise.all([
    db
      .select()
      .from(users)
      .where(where)
      .orderBy(asc(users.displayName), asc(users.id))
      .limit(page.limit)
      .offset(page.offset),
    countWhere(db, users, where),
  ]);
  return { rows, total };
}

export async function listDirectorates(db: Executor): Promise<Directorate[]> {
  return db.select().from(directorates).orderBy(asc(directorates.name));
}

export async function listTeams(db: Executor): Promise<(Team & { directorateName: string })[]> {
  const rows = await db
    .select({ team: teams, directorateName: directorates.name })
    .from(teams)
    .innerJoin(directorates, eq(directorates.id, teams.directorateId))
    .orderBy(asc(directorates.name), asc(teams.name));
  return rows.map((r) => ({ ...r.team, directorateName: r.directorateName }));
}

export async function countActiveWithRole(db: Executor, role: Grant['role']): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${users.id})::int` })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.active, true), eq(userRoles.role, role)));
  return Number(row?.n ?? 0);
}

/** Active accounts locked after failed sign-ins, as of `now`. */
export async function countLocked(db: Executor, now: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.active, true), gt(users.lockedUntil, now)));
  return Number(row?.n ?? 0);
}

/** Active accounts holding no role beyond member of staff. */
export async function countWithoutRole(db: Executor): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        sql`not exists (select 1 from ${userRoles} where ${userRoles.userId} = ${users.id})`,
      ),
    );
  return Number(row?.n ?? 0);
}

export async function deleteSessionsOf(db: Executor, userId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function findActiveToken(db: Executor, tokenHash: string) {
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
  return row;
}
