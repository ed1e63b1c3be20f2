import session from 'express-session';
import { eq, lt, sql } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { sessions } from '../identity/schema.ts';

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;

declare module 'express-session' {
  interface SessionData {
    userId: number;
    signedInAt: number;
    lastSeenAt: number;
    /** The sign-in included a second factor (an authenticator's code, or the identity provider's own). */
    secondFactor: boolean;
    /** Shown once on the next page (after a redirect). */
    flash: { type: 'success' | 'info'; text: string };
  }
}

/** When a session must end: 30 minutes after its last use, and never more than 12 hours after sign-in. */
export function sessionExpiry(data: session.SessionData, now: number): Date {
  const idle = (data.lastSeenAt ?? now) + IDLE_TIMEOUT_MS;
  return new Date(data.signedInAt ? Math.min(idle, data.signedInAt + ABSOLUTE_TIMEOUT_MS) : idle);
}

/** express-session's store over our own `sessions` table: the same on PGlite and PostgreSQL. */
export class DatabaseSessionStore extends session.Store {
  constructor(private readonly deps: { db: Database; clock: Clock }) {
    super();
  }

  override get(sid: string, callback: (err: unknown, session?: session.SessionData | null) => void): void {
    this.deps.db.orm
      .select()
      .from(sessions)
      .where(eq(sessions.sid, sid))
      .then(([row]) => {
        if (!row || row.expiresAt.getTime() <= this.deps.clock.now().getTime()) return callback(null, null);
        callback(null, JSON.parse(row.data) as session.SessionData);
      }, callback);
  }

  override set(sid: string, data: session.SessionData, callback?: (err?: unknown) => void): void {
    const expiresAt = sessionExpiry(data, this.deps.clock.now().getTime());
    const values = { sid, data: JSON.stringify(data), userId: data.userId ?? null, expiresAt };
    this.deps.db.orm
      .insert(sessions)
      .values(values)
      .onConflictDoUpdate({
        target: sessions.sid,
        set: { data: values.data, userId: values.userId, expiresAt },
      })
      .then(() => callback?.(), callback);
  }

  /**
   * Nothing to do: the authentication middleware moves `lastSeenAt` (at most once a minute), which changes the
   * session and so saves it through set() with a new expiry. Skipping the per-request write keeps pages fast.
   */
  override touch(_sid: string, _data: session.SessionData, callback?: (err?: unknown) => void): void {
    callback?.();
  }

  override destroy(sid: string, callback?: (err?: unknown) => void): void {
    this.deps.db.orm
      .delete(sessions)
      .where(eq(sessions.sid, sid))
      .then(() => callback?.(), callback);
  }
}

/** Removes sessions past their expiry; run on a schedule by the job queue. Returns how many went. */
export async function purgeExpiredSessions(deps: { db: Database; clock: Clock }): Promise<number> {
  const gone = await deps.db.orm
    .delete(sessions)
    .where(lt(sessions.expiresAt, sql`${deps.clock.now().toISOString()}::timestamptz`))
    .returning({ sid: sessions.sid });
  return gone.length;
}
