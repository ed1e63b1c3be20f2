import { and, eq, isNull, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { Clock } from '../clock.ts';
import type { Database, Tx } from '../db/database.ts';
import type { Actor } from '../audit/service.ts';
import type { Principal } from '../authz/roles.ts';
import { NotFoundError, runCommand, ValidationError, type Audit } from '../commands.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import type { MailService } from '../mail/service.ts';
import { londonDateOf } from '../clock.ts';
import { govukDate, londonTime } from '../web/format.ts';
import { recoveryCodes, users } from './schema.ts';
import { recordFailedSignIn, recordSignIn } from './sign-in-service.ts';
import * as repo from './repository.ts';
import {
  acceptedStep,
  authenticatorUri,
  codeAt,
  groupedKey,
  looksLikeCode,
  mustUseTwoStep,
  newAuthenticatorKey,
  newRecoveryCodes,
  recoveryCodeHash,
  stepAt,
} from './two-step.ts';
import { DEMO_AUTHENTICATOR_KEY } from './demo.ts';

/** A new authenticator offered to someone setting up: the key sealed for their session, and how to show it. */
export interface Proposal {
  sealed: string;
  key: string;
  groupedKey: string;
  qrCode: string;
}

export type CodeCheck =
  { ok: true; usedRecoveryCode: boolean; recoveryCodesLeft: number } | { ok: false; locked: boolean };

/** What each change to someone's second step tells them. */
const NOTICES = {
  'user.two-step-set-up': 'An authenticator app was set up for two-step sign-in to your Custodian account',
  'user.recovery-codes-replaced':
    'New recovery codes were made for your Custodian account (the old ones no longer work)',
  'user.two-step-turned-off': 'Two-step sign-in was turned off for your Custodian account',
  'user.two-step-reset':
    'An administrator reset two-step sign-in for your Custodian account; you will set up an authenticator app again when you next sign in',
} as const;

const WRONG_CODE = 'Enter the 6-digit code your authenticator app shows now';

/**
 * Two-step sign-in: setting up an authenticator (its key sealed with the service key), checking its codes and the
 * recovery codes at sign-in and before changing either, and an administrator's reset for a lost phone. A wrong code
 * counts towards the same lock as a wrong password.
 */
export class TwoStepService {
  constructor(
    private readonly deps: {
      db: Database;
      clock: Clock;
      box: SecretBox;
      /** Keys the recovery codes' hashes. */
      serviceKey: () => Buffer;
      /** The name an authenticator app lists the account under ("Custodian – Kingsmere Borough Council"). */
      issuer: string;
      /** Tells the person of every change to their second step, so one they did not make does not go unseen. */
      mail: Pick<MailService, 'queue'>;
    },
  ) {}

  async status(userId: number) {
    const [user] = await this.deps.db.orm
      .select({ enrolledAt: users.totpEnrolledAt })
      .from(users)
      .where(eq(users.id, userId));
    if (!user) throw new NotFoundError('No such user');
    return {
      enrolledAt: user.enrolledAt,
      recoveryCodesLeft: await this.recoveryCodesLeft(this.deps.db.orm, userId),
    };
  }

  /** A fresh authenticator key for someone to scan, sealed to them for their session until they confirm it. */
  async proposal(userId: number, account: string, key = newAuthenticatorKey()): Promise<Proposal> {
    const uri = authenticatorUri(key, account, this.deps.issuer);
    return {
      sealed: this.deps.box.seal(key, proposalContext(userId)),
      key,
      groupedKey: groupedKey(key),
      qrCode: await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 }),
    };
  }

  /** The proposal a session holds, shown again (the same key, so a phone that scanned it still matches). */
  async proposalAgain(userId: number, account: string, sealed: string): Promise<Proposal | undefined> {
    const key = this.deps.box.open(sealed, proposalContext(userId));
    return key ? this.proposal(userId, account, key) : undefined;
  }

  /**
   * Keeps the proposed authenticator once a code from it proves it was added, replacing any earlier one, and returns
   * ten new recovery codes to be shown once.
   */
  async enrol(
    actor: Actor,
    who: Pick<Principal, 'id' | 'label'>,
    sealedProposal: string,
    typed: string,
    options: { signingIn: boolean },
  ): Promise<string[]> {
    const userId = who.id;
    const key = this.deps.box.open(sealedProposal, proposalContext(userId));
    if (!key) throw new ValidationError('Start setting up again', { code: 'Start setting up again' });
    const step = acceptedStep(key, typed, this.deps.clock.now(), null);
    if (step === undefined) throw new ValidationError(WRONG_CODE, { code: WRONG_CODE });
    const codes = newRecoveryCodes();
    await runCommand(this.deps, actor, async (tx, audit) => {
      const [before] = await tx
        .update(users)
        .set({
          totpSecret: this.deps.box.seal(key, keyContext(userId)),
          totpEnrolledAt: this.deps.clock.now(),
          totpLastStep: step,
          updatedAt: this.deps.clock.now(),
          version: sql`${users.version} + 1`,
        })
        .where(eq(users.id, userId))
        .returning({ id: users.id });
      if (!before) throw new NotFoundError('No such user');
      await this.replaceRecoveryCodes(tx, userId, codes);
      await this.changed(tx, audit, userId, 'user.two-step-set-up', { recoveryCodes: codes.length });
      if (options.signingIn)
        await recordSignIn(tx, this.deps.clock, who, { method: 'two-step', secondStep: 'set-up' });
    });
    return codes;
  }

  /**
   * The second step of a sign-in: a code from the authenticator (not one already used) or an unused recovery code.
   * Passing it completes the sign-in; a wrong one counts towards the lock.
   */
  async signInWithCode(principal: Pick<Principal, 'id' | 'label'>, typed: string): Promise<CodeCheck> {
    return this.check(principal, typed, (tx, how) =>
      recordSignIn(tx, this.deps.clock, principal, { method: 'two-step', secondStep: how }),
    );
  }

  /** A fresh code before changing the authenticator or the recovery codes, so an unattended session cannot. */
  async confirmWithCode(principal: Pick<Principal, 'id' | 'label'>, typed: string): Promise<CodeCheck> {
    return this.check(principal, typed, async () => undefined);
  }

  /** New recovery codes in place of the old ones (all of which stop working), shown once. */
  async newRecoveryCodes(actor: Actor, userId: number): Promise<string[]> {
    const codes = newRecoveryCodes();
    await runCommand(this.deps, actor, async (tx, audit) => {
      await this.replaceRecoveryCodes(tx, userId, codes);
      await this.changed(tx, audit, userId, 'user.recovery-codes-replaced', { recoveryCodes: codes.length });
    });
    return codes;
  }

  /** Someone turning off a two-step sign-in they chose; refused when their role needs it. */
  async turnOff(actor: Actor, principal: Principal): Promise<void> {
    if (mustUseTwoStep(principal.grants))
      throw new ValidationError('Your role needs two-step sign-in, so it cannot be turned off');
    await runCommand(this.deps, actor, async (tx, audit) => {
      await this.clear(tx, principal.id);
      await this.changed(tx, audit, principal.id, 'user.two-step-turned-off');
    });
  }

  /**
   * An administrator's answer to a lost phone: the authenticator and recovery codes are removed and the person's
   * sessions ended, so they set up a new one at their next sign-in (with their password).
   */
  async reset(actor: Actor, userId: number): Promise<void> {
    await runCommand(this.deps, actor, async (tx, audit) => {
      if (!(await repo.findUser(tx, userId))) throw new NotFoundError('No such user');
      await this.clear(tx, userId);
      await repo.deleteSessionsOf(tx, userId);
      await this.changed(tx, audit, userId, 'user.two-step-reset');
    });
  }

  /**
   * The code to show on the demonstration council's sign-in: only for an account whose key is the published demo key,
   * for which the code is no secret. The next step's code once this step's has been used.
   */
  async demoCode(userId: number): Promise<string | undefined> {
    const [user] = await this.deps.db.orm
      .select({ sealed: users.totpSecret, lastStep: users.totpLastStep })
      .from(users)
      .where(eq(users.id, userId));
    if (!user?.sealed || this.deps.box.open(user.sealed, keyContext(userId)) !== DEMO_AUTHENTICATOR_KEY)
      return undefined;
    const now = this.deps.clock.now();
    const step = Math.max(stepAt(now), (user.lastStep ?? 0) + 1);
    return step - stepAt(now) <= 1 ? codeAt(DEMO_AUTHENTICATOR_KEY, new Date(step * 30_000)) : undefined;
  }

  /** The demo key, sealed for an account, for the demonstration council's administrator and DPO. */
  sealDemoKey(userId: number): string {
    return this.deps.box.seal(DEMO_AUTHENTICATOR_KEY, keyContext(userId));
  }

  private async check(
    principal: Pick<Principal, 'id' | 'label'>,
    typed: string,
    onSuccess: (tx: Tx, how: 'authenticator' | 'recovery-code') => Promise<void>,
  ): Promise<CodeCheck> {
    const now = this.deps.clock.now();
    const [user] = await this.deps.db.orm
      .select({ sealed: users.totpSecret, lastStep: users.totpLastStep, lockedUntil: users.lockedUntil })
      .from(users)
      .where(eq(users.id, principal.id));
    const key = user?.sealed ? this.deps.box.open(user.sealed, keyContext(principal.id)) : undefined;
    const locked = !!user?.lockedUntil && user.lockedUntil > now;
    if (key && !locked) {
      const passed = await this.deps.db.orm.transaction(async (tx) => {
        if (looksLikeCode(typed)) {
          const step = acceptedStep(key, typed, now, user!.lastStep);
          if (step === undefined) return false;
          // Only if no other request used this step meanwhile: two sign-ins racing with one code get one session.
          const [kept] = await tx
            .update(users)
            .set({ totpLastStep: step })
            .where(and(eq(users.id, principal.id), sql`coalesce(${users.totpLastStep}, -1) < ${step}`))
            .returning({ id: users.id });
          if (!kept) return false;
          await onSuccess(tx, 'authenticator');
          return 'authenticator' as const;
        }
        const hash = recoveryCodeHash(this.deps.serviceKey(), typed);
        if (!hash) return false;
        const [spent] = await tx
          .update(recoveryCodes)
          .set({ usedAt: now })
          .where(
            and(
              eq(recoveryCodes.userId, principal.id),
              eq(recoveryCodes.codeHash, hash),
              isNull(recoveryCodes.usedAt),
            ),
          )
          .returning({ id: recoveryCodes.id });
        if (!spent) return false;
        await onSuccess(tx, 'recovery-code');
        return 'recovery-code' as const;
      });
      if (passed)
        return {
          ok: true,
          usedRecoveryCode: passed === 'recovery-code',
          recoveryCodesLeft: await this.recoveryCodesLeft(this.deps.db.orm, principal.id),
        };
    }
    const failure = await recordFailedSignIn(this.deps, principal.id, 'wrong-code');
    return { ok: false, locked: failure.locked };
  }

  /**
   * Records a change to someone's second step, and tells them of it at their address in the same transaction, so a
   * change they did not make does not go unseen.
   */
  private async changed(
    tx: Tx,
    audit: Audit,
    userId: number,
    action: keyof typeof NOTICES,
    details?: Record<string, unknown>,
  ): Promise<void> {
    await audit({ action, entityType: 'user', entityId: userId, details });
    const user = await repo.findUser(tx, userId);
    if (!user) return;
    const when = this.deps.clock.now();
    await this.deps.mail.queue(tx, {
      to: user.email,
      subject: 'A change to how you sign in to Custodian',
      body: [
        `${NOTICES[action]}, on ${govukDate(londonDateOf(when))} at ${londonTime(when)}.`,
        'If this was you, there is nothing to do. If it was not, tell your information governance team or an administrator at once: someone may know your password.',
      ].join('\n\n'),
      entityType: 'user',
      entityId: userId,
    });
  }

  private async replaceRecoveryCodes(tx: Tx, userId: number, codes: string[]): Promise<void> {
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx
      .insert(recoveryCodes)
      .values(codes.map((code) => ({ userId, codeHash: recoveryCodeHash(this.deps.serviceKey(), code)! })));
  }

  private async clear(tx: Tx, userId: number): Promise<void> {
    await tx
      .update(users)
      .set({ totpSecret: null, totpEnrolledAt: null, totpLastStep: null, updatedAt: this.deps.clock.now() })
      .where(eq(users.id, userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  }

  private async recoveryCodesLeft(db: Database['orm'] | Tx, userId: number): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
    return Number(row?.n ?? 0);
  }
}

/** What a sealed key is for: a key sealed for one account does not open for another, nor a proposal as a key. */
const keyContext = (userId: number) => `totp:${userId}`;
const proposalContext = (userId: number) => `totp-proposal:${userId}`;
