import { randomBytes } from 'node:crypto';
import type { RequestHandler } from 'express';
import session from 'express-session';
import { IDLE_TIMEOUT_MS } from '../../auth/session-store.ts';

/** Database-backed sessions in a host-only, HttpOnly, SameSite=Lax cookie. */
export function sessions(options: { store: session.Store; secret: string; secure: boolean }): RequestHandler {
  return session({
    name: options.secure ? '__Host-custodian' : 'custodian',
    store: options.store,
    secret: options.secret,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    genid: () => randomBytes(32).toString('base64url'),
    cookie: { httpOnly: true, sameSite: 'lax', secure: options.secure, maxAge: IDLE_TIMEOUT_MS, path: '/' },
  });
}
