import { createHmac, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { Grant } from '../authz/roles.ts';

/**
 * Two-step sign-in (RFC 6238 TOTP: six digits, 30-second steps, SHA-1 — what every authenticator app reads from a QR
 * code). The roles that can change who may do what (administrator) or see every case and breach (the DPO) must use it;
 * anyone else may turn it on. NCSC's guidance puts multi-factor sign-in first for privileged accounts.
 */
export const TWO_STEP_ROLES: ReadonlySet<Grant['role']> = new Set(['admin', 'dpo']);

export function mustUseTwoStep(grants: readonly Grant[]): boolean {
  return grants.some((g) => TWO_STEP_ROLES.has(g.role));
}

const PERIOD_SECONDS = 30;
/** One step either side: a phone's clock a little out, or a code typed as it changed. */
const WINDOW = 1;
export const RECOVERY_CODES = 10;
/** No 0/o, 1/l/i: a code copied from paper is read correctly. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const RECOVERY_LENGTH = 10;

function totp(secret: string, account = '', issuer = ''): TOTP {
  return new TOTP({ issuer, label: account, secret: Secret.fromBase32(secret), period: PERIOD_SECONDS });
}

/** A new authenticator key: 160 random bits (RFC 4226's recommended length), base32 as apps expect. */
export function newAuthenticatorKey(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address a QR code carries, naming the council's service and the account. */
export function authenticatorUri(secret: string, account: string, issuer: string): string {
  return totp(secret, account, issuer).toString();
}

/** The key in groups of four, for someone typing it into an app instead of scanning. */
export function groupedKey(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The code an authenticator shows at a moment. */
export function codeAt(secret: string, moment: Date): string {
  return totp(secret).generate({ timestamp: moment.getTime() });
}

/** The 30-second step a moment falls in. */
export function stepAt(moment: Date): number {
  return Math.floor(moment.getTime() / 1000 / PERIOD_SECONDS);
}

/**
 * The step a typed code belongs to, when it is right for now (within a step either way) and newer than the last one
 * used: a code seen over someone's shoulder or replayed cannot be used again (RFC 6238 §5.2).
 */
export function acceptedStep(
  secret: string,
  typed: string,
  moment: Date,
  lastStep: number | null,
): number | undefined {
  const code = typed.replace(/\s/g, '');
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = totp(secret).validate({ token: code, timestamp: moment.getTime(), window: WINDOW });
  if (delta === null) return undefined;
  const step = stepAt(moment) + delta;
  return lastStep !== null && step <= lastStep ? undefined : step;
}

/** Whether what was typed looks like a six-digit code (else it is taken as a recovery code). */
export function looksLikeCode(typed: string): boolean {
  return /^\d{6}$/.test(typed.replace(/\s/g, ''));
}

/** Ten single-use codes for when the phone is lost, shown once: "k7m2p-x9qrt". */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODES }, () => {
    const chars = Array.from(
      { length: RECOVERY_LENGTH },
      () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)],
    );
    return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
  });
}

/**
 * How a recovery code is kept: a keyed hash of its letters (case, spaces and hyphens ignored). The codes are random,
 * so a slow password hash adds nothing; the key means a copy of the database alone cannot test guesses.
 */
export function recoveryCodeHash(key: Buffer, typed: string): string | undefined {
  const letters = typed.toLowerCase().replace(/[\s-]/g, '');
  if (letters.length !== RECOVERY_LENGTH || [...letters].some((c) => !RECOVERY_ALPHABET.includes(c)))
    return undefined;
  return createHmac('sha256', key).update(`recovery:${letters}`).digest('hex');
}
