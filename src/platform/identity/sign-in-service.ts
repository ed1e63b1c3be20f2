import { eq } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import type { Database, Tx } from '../db/database.ts';
import { appendAuditEvent, systemActor } from '../audit/service.ts';
import { isRole, type Principal } from '../authz/roles.ts';
import { userRoles, users } from './schema.ts';
import { spendVerifyTime, verifyPassword } from './passwords.ts';
import * as repo from './repository.ts';
import { mustUseTwoStep } from './two-step.ts';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

/**
 * What follows a correct password (or the identity provider's word): the session, or first the second step — a code
 * from the authenticator, or setting one up for an account whose role needs it and has none yet.
 */
export type SecondStep = 'none' | 'code' | 'set-up';

export type SignInResult = { ok: true; principal: Principal; secondStep: SecondStep } | { ok: false };

/**
 * Password sign-in. Every refusal looks the same from outside — unknown account, wrong password, deactivated or
 * locked — so the form cannot be used to find out who has an account. Five wrong passwords lock the account for
 * fifteen minutes. For an account with two-step sign-in the password alone signs nobody in, and does not clear the
 * count of wrong attempts: someone who knows the password cannot use it to keep guessing codes.
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
      await recordFailedSignIn(this.deps, user.id, 'wrong-password');
      return { ok: false };
    }
    const principal = await this.principalFor(user.id);
    if (!principal) return { ok: false };
    const secondStep = secondStepFor(principal, user.totpEnrolledAt !== null);
    await this.deps.db.orm.transaction(async (tx) => {
      if (secondStep === 'none') return recordSignIn(tx, this.deps.clock, principal, { method: 'password' });
      await appendAuditEvent(tx, this.deps.clock, systemActor('Sign-in'), {
        action: 'sign-in.password-accepted',
        entityType: 'user',
        entityId: user.id,
        details: { secondStep },
      });
    });
    return { ok: true, principal, secondStep };
  }

  /**
   * A sign-in the council's identity provider vouched for: recorded like a password sign-in while the account is
   * active. When the provider says it asked for a second factor (`amr` "mfa", RFC 8176) that counts as Custodian's
   * second step; otherwise an account that needs one is asked for its code as after a password.
   */
  async signedInWithProvider(
    userId: number,
    provider: { multiFactor: boolean },
  ): Promise<{ principal: Principal; secondStep: SecondStep } | undefined> {
    const principal = await this.principalFor(userId);
    if (!principal) return undefined;
    const [user] = await this.deps.db.orm
      .select({ enrolledAt: users.totpEnrolledAt })
      .from(users)
      .where(eq(users.id, userId));
    const secondStep = provider.multiFactor ? 'none' : secondStepFor(principal, !!user?.enrolledAt);
    await this.deps.db.orm.transaction(async (tx) => {
      const method = 'openid-connect';
      if (secondStep === 'none')
        return recordSignIn(tx, this.deps.clock, principal, { method, multiFactor: provider.multiFactor });
      await appendAuditEvent(tx, this.deps.clock, systemActor('Sign-in'), {
        action: 'sign-in.provider-accepted',
        entityType: 'user',
        entityId: userId,
        details: { secondStep },
      });
    });
    return { principal, secondStep };
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
}

function secondStepFor(principal: Principal, enrolled: boolean): SecondStep {
  if (enrolled) return 'code';
  return mustUseTwoStep(principal.grants) ? 'set-up' : 'none';
}

/** A completed sign-in: the count of wrong attempts cleared, the time kept, the event recorded. */
export async function recordSignIn(
  tx: Tx,
  clock: Clock,
  who: Pick<Principal, 'id' | 'label'>,
  details: Record<string, unknown>,
): Promise<void> {
  const now = clock.now();
  await tx
    .update(users)
    .set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: now })
    .where(eq(users.id, who.id));
  await appendAuditEvent(
    tx,
    clock,
    { type: 'user', id: String(who.id), label: who.label },
    { action: 'user.signed-in', entityType: 'user', entityId: who.id, details },
  );
}

/**
 * A wrong password or second-step code: counted against the account, which five in a row lock for fifteen minutes
 * (attempts while locked are refused and recorded, not counted).
 */
export async function recordFailedSignIn(
  deps: { db: Database; clock: Clock },
  userId: number,
  reason: 'wrong-password' | 'wrong-code',
): Promise<{ locked: boolean }> {
  const now = deps.clock.now();
  return deps.db.orm.transaction(async (tx) => {
    const [row] = await tx
      .select({ failed: users.failedSignIns, lockedUntil: users.lockedUntil })
      .from(users)
      .where(eq(users.id, userId));
    const alreadyLocked = !!row?.lockedUntil && row.lockedUntil > now;
    const failed = (row?.failed ?? 0) + 1;
    const lockNow = !alreadyLocked && failed >= MAX_FAILED_SIGN_INS;
    if (!alreadyLocked)
      await tx
        .update(users)
        .set(
          lockNow
            ? { failedSignIns: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MS) }
            : { failedSignIns: failed },
        )
        .where(eq(users.id, userId));
    await appendAuditEvent(tx, deps.clock, systemActor('Sign-in'), {
      action: lockNow ? 'user.locked' : 'sign-in.refused',
      entityType: 'user',
      entityId: userId,
      details: { reason: alreadyLocked ? 'locked' : reason },
    });
    return { locked: alreadyLocked || lockNow };
  });
}
