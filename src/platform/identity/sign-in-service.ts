import { eq } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { appendAuditEvent, systemActor } from '../audit/service.ts';
import { isRole, type Principal } from '../authz/roles.ts';
import { userRoles, users } from './schema.ts';
import { spendVerifyTime, verifyPassword } from './passwords.ts';
import * as repo from './repository.ts';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export type SignInResult = { ok: true; principal: Principal } | { ok: false };

/**
 * Password sign-in. Every refusal looks the same from outside — unknown account, wrong password, deactivated or
 * locked — so the form cannot be used to find out who has an account. Five wrong passwords lock the account for
 * fifteen minutes.
 */
export class SignInService {
  constructor(private readonly deps: { db: Database; clock: Clock }) {}

  async signIn(email: string, password: string): Promise<SignInResult> {
    const now = this.deps.clock.now();
    const user = await repo.findUserByEmail(this.deps.db.orm, email);
    if (!user || !user.active || !user.passwordHash) {
      await spendVerifyTime(password);
      await this.deps.db.orm.transaction((tx) =>
        appendAuditEvent(tx, this.deps.clock, systemActor('Sign-in'), {
          action: 'sign-in.refused',
          entityType: 'user',
          entityId: user?.id ?? null,
          details: { reason: user ? 'inactive' : 'unknown-account' },
        }),
      );
      return { ok: false };
    }
    const locked = user.lockedUntil !== null && user.lockedUntil > now;
    const valid = await verifyPassword(user.passwordHash, password);
    if (locked || !valid) {
      await this.recordFailure(user.id, locked, now);
      return { ok: false };
    }
    await this.deps.db.orm.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: now })
        .where(eq(users.id, user.id));
      await appendAuditEvent(
        tx,
        this.deps.clock,
        { type: 'user', id: String(user.id), label: user.displayName },
        {
          action: 'user.signed-in',
          entityType: 'user',
          entityId: user.id,
        },
      );
    });
    const principal = await this.principalFor(user.id);
    return principal ? { ok: true, principal } : { ok: false };
  }

  /**
   * A sign-in the council's identity provider vouched for (it checked the password and any second factor): recorded
   * like a password sign-in, and the account's principal returned while it is active.
   */
  async signedInWithProvider(userId: number): Promise<Principal | undefined> {
    const principal = await this.principalFor(userId);
    if (!principal) return undefined;
    const now = this.deps.clock.now();
    await this.deps.db.orm.transaction(async (tx) => {
      await tx.update(users).set({ lastSignInAt: now }).where(eq(users.id, userId));
      await appendAuditEvent(
        tx,
        this.deps.clock,
        { type: 'user', id: String(userId), label: principal.label },
        {
          action: 'user.signed-in',
          entityType: 'user',
          entityId: userId,
          details: { method: 'openid-connect' },
        },
      );
    });
    return principal;
  }

  /** The signed-in user as authorisation sees them, re-read on every request so changes apply at once. */
  async principalFor(userId: number): Promise<Principal | undefined> {
    const rows = await this.deps.db.orm
      .select({
        label: users.displayName,
        active: users.active,
        role: userRoles.role,
        directorateId: userRoles.directorateId,
      })
      .from(users)
      .leftJoin(userRoles, eq(userRoles.userId, users.id))
      .where(eq(users.id, userId));
    if (!rows[0]?.active) return undefined;
    const grants = rows.flatMap((r) =>
      isRole(r.role) ? [{ role: r.role, directorateId: r.directorateId }] : [],
    );
    return { kind: 'user', id: userId, label: rows[0].label, grants };
  }

  private async recordFailure(userId: number, alreadyLocked: boolean, now: Date): Promise<void> {
    await this.deps.db.orm.transaction(async (tx) => {
      const [row] = await tx.select({ failed: users.failedSignIns }).from(users).where(eq(users.id, userId));
      const failed = (row?.failed ?? 0) + 1;
      const lockNow = !alreadyLocked && failed >= MAX_FAILED_SIGN_INS;
      await tx
        .update(users)
        .set(
          lockNow
            ? { failedSignIns: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MS) }
            : { failedSignIns: failed },
        )
        .where(eq(users.id, userId));
      await appendAuditEvent(tx, this.deps.clock, systemActor('Sign-in'), {
        action: lockNow ? 'user.locked' : 'sign-in.refused',
        entityType: 'user',
        entityId: userId,
        details: { reason: alreadyLocked ? 'locked' : 'wrong-password' },
      });
    });
  }
}
