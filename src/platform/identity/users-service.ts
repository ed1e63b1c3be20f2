import { eq, sql } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { Actor } from '../audit/service.ts';
import { NotFoundError, runCommand, ValidationError } from '../commands.ts';
import { COUNCIL_WIDE_ROLES, type Grant } from '../authz/roles.ts';
import { directorates, teams, users } from './schema.ts';
import { hashPassword } from './passwords.ts';
import * as repo from './repository.ts';
import { updateVersioned } from '../db/queries.ts';
import type { NewUser, UserUpdate } from './schemas.ts';

export interface UserDetail extends repo.UserRow {
  grants: Grant[];
  teams: repo.Team[];
}

/** Staff accounts: the rules for creating, changing and closing them. Every change is audited. */
export class UsersService {
  constructor(private readonly deps: { db: Database; clock: Clock }) {}

  async create(actor: Actor, input: NewUser): Promise<number> {
    const passwordHash = await hashPassword(input.password);
    return runCommand(this.deps, actor, async (tx, audit) => {
      if (await repo.findUserByEmail(tx, input.email)) {
        throw new ValidationError('A user with that email address already exists', {
          email: 'A user with that email address already exists',
        });
      }
      const grants = normaliseGrants(input.grants);
      await this.checkReferences(tx, grants, input.teamIds);
      const [row] = await tx
        .insert(users)
        .values({
          email: input.email,
          displayName: input.displayName,
          jobTitle: input.jobTitle || null,
          passwordHash,
        })
        .returning({ id: users.id });
      const id = row!.id;
      await repo.replaceGrants(tx, id, grants);
      await repo.replaceTeams(tx, id, input.teamIds);
      await audit({
        action: 'user.created',
        entityType: 'user',
        entityId: id,
        details: { grants, teamIds: input.teamIds },
      });
      return id;
    });
  }

  async update(actor: Actor, id: number, input: UserUpdate): Promise<void> {
    await runCommand(this.deps, actor, async (tx, audit) => {
      const grants = normaliseGrants(input.grants);
      await this.checkReferences(tx, grants, input.teamIds);
      await updateVersioned(
        tx,
        users,
        { id, version: input.version },
        { displayName: input.displayName, jobTitle: input.jobTitle || null },
        this.deps.clock.now(),
        'Someone else changed this user while you were editing. Your changes have not been saved.',
      );
      await keepingAnAdministrator(tx, () => repo.replaceGrants(tx, id, grants));
      await repo.replaceTeams(tx, id, input.teamIds);
      await audit({
        action: 'user.updated',
        entityType: 'user',
        entityId: id,
        details: { fields: ['displayName', 'jobTitle'], grants, teamIds: input.teamIds },
      });
    });
  }

  async setActive(actor: Actor, id: number, active: boolean): Promise<void> {
    await runCommand(this.deps, actor, async (tx, audit) => {
      if (actor.type === 'user' && actor.id === String(id) && !active) {
        throw new ValidationError('You cannot deactivate your own account');
      }
      const done = await keepingAnAdministrator(tx, () =>
        tx
          .update(users)
          .set({ active, version: sql`${users.version} + 1`, updatedAt: this.deps.clock.now() })
          .where(eq(users.id, id))
          .returning({ id: users.id }),
      );
      if (done.length === 0) throw new NotFoundError('No such user');
      if (!active) await repo.deleteSessionsOf(tx, id);
      await audit({
        action: active ? 'user.reactivated' : 'user.deactivated',
        entityType: 'user',
        entityId: id,
      });
    });
  }

  /** Gives one role (scoped or council-wide) to an account, keeping the others. */
  async grant(actor: Actor, id: number, grant: Grant): Promise<void> {
    await this.changeGrants(
      actor,
      id,
      (grants) => normaliseGrants([...grants, grant]),
      'user.role-granted',
      grant,
    );
  }

  /** Takes one role away (every scope of it when no directorate is given); never the last administrator's. */
  async revoke(
    actor: Actor,
    id: number,
    grant: { role: Grant['role']; directorateId?: number | null },
  ): Promise<void> {
    await this.changeGrants(
      actor,
      id,
      (grants) =>
        grants.filter(
          (g) =>
            g.role !== grant.role ||
            (grant.directorateId !== undefined && g.directorateId !== grant.directorateId),
        ),
      'user.role-revoked',
      grant,
    );
  }

  private async changeGrants(
    actor: Actor,
    id: number,
    change: (grants: Grant[]) => Grant[],
    action: string,
    grant: { role: string; directorateId?: number | null },
  ): Promise<void> {
    await runCommand(this.deps, actor, async (tx, audit) => {
      if (!(await repo.findUser(tx, id))) throw new NotFoundError('No such user');
      const before = (await repo.grantsOf(tx, [id])).get(id) ?? [];
      const after = change(before);
      await this.checkReferences(tx, after, []);
      await keepingAnAdministrator(tx, () => repo.replaceGrants(tx, id, after));
      await audit({ action, entityType: 'user', entityId: id, details: { grant, grants: after } });
    });
  }

  async resetPassword(actor: Actor, id: number, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    await runCommand(this.deps, actor, async (tx, audit) => {
      const done = await tx
        .update(users)
        .set({ passwordHash, failedSignIns: 0, lockedUntil: null, updatedAt: this.deps.clock.now() })
        .where(eq(users.id, id))
        .returning({ id: users.id });
      if (done.length === 0) throw new NotFoundError('No such user');
      await repo.deleteSessionsOf(tx, id);
      await audit({ action: 'user.password-reset', entityType: 'user', entityId: id });
    });
  }

  async get(id: number): Promise<UserDetail | undefined> {
    const user = await repo.findUser(this.deps.db.orm, id);
    if (!user) return undefined;
    const [grants, userTeams] = await Promise.all([
      repo.grantsOf(this.deps.db.orm, [id]),
      repo.teamsOf(this.deps.db.orm, id),
    ]);
    return { ...user, grants: grants.get(id) ?? [], teams: userTeams };
  }

  /** What needs an administrator: accounts locked after failed sign-ins, and active ones with no role. */
  async needingAttention(): Promise<{ locked: number; withoutRole: number }> {
    const [locked, withoutRole] = await Promise.all([
      repo.countLocked(this.deps.db.orm, this.deps.clock.now()),
      repo.countWithoutRole(this.deps.db.orm),
    ]);
    return { locked, withoutRole };
  }

  findByEmail(email: string) {
    return repo.findUserByEmail(this.deps.db.orm, email);
  }

  async list(filter: repo.UserListFilter, page: { limit: number; offset: number }) {
    const result = await repo.listUsers(this.deps.db.orm, filter, page);
    const grants = await repo.grantsOf(
      this.deps.db.orm,
      result.rows.map((r) => r.id),
    );
    return { total: result.total, rows: result.rows.map((r) => ({ ...r, grants: grants.get(r.id) ?? [] })) };
  }

  private async checkReferences(tx: Parameters<typeof repo.findUser>[0], grants: Grant[], teamIds: number[]) {
    const directorateIds = [
      ...new Set(grants.map((g) => g.directorateId).filter((d): d is number => d !== null)),
    ];
    for (const d of directorateIds) {
      const [found] = await tx
        .select({ id: directorates.id })
        .from(directorates)
        .where(eq(directorates.id, d));
      if (!found)
        throw new ValidationError('Select a directorate that exists', {
          grants: 'Select a directorate that exists',
        });
    }
    for (const t of teamIds) {
      const [found] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, t));
      if (!found)
        throw new ValidationError('Select a team that exists', { teamIds: 'Select a team that exists' });
    }
  }
}

/**
 * Runs a change to roles or accounts and refuses it (rolling it back) if it leaves no active administrator where
 * there was one: nobody could then give the role back from the browser.
 */
async function keepingAnAdministrator<T>(
  tx: Parameters<typeof repo.findUser>[0],
  work: () => Promise<T>,
): Promise<T> {
  const before = await repo.countActiveWithRole(tx, 'admin');
  const result = await work();
  if (before > 0 && (await repo.countActiveWithRole(tx, 'admin')) === 0) {
    const message =
      'There must always be at least one active administrator. Make someone else an administrator first.';
    throw new ValidationError(message, { grants: message });
  }
  return result;
}

/** Council-wide roles never carry a directorate, and the same grant is not held twice. */
export function normaliseGrants(grants: Grant[]): Grant[] {
  const seen = new Set<string>();
  const out: Grant[] = [];
  for (const g of grants) {
    const grant = { role: g.role, directorateId: COUNCIL_WIDE_ROLES.has(g.role) ? null : g.directorateId };
    const key = `${grant.role}:${grant.directorateId}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(grant);
    }
  }
  return out;
}
