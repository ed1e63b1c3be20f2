import type { RequestHandler } from 'express';
import type { Clock } from '../../clock.ts';
import type { SignInService } from '../../identity/sign-in-service.ts';
import type { ApiTokenService } from '../../identity/api-token-service.ts';
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from '../../auth/session-store.ts';
import { actorOf, isApiPath } from '../request.ts';
import { mustUseTwoStep } from '../../identity/two-step.ts';

const LAST_SEEN_RESOLUTION_MS = 60_000;

/**
 * Works out who is asking. Pages: the session, ended after 30 idle minutes or 12 hours from sign-in, and re-checked
 * against the user's current roles and status on every request (an administrator's or the DPO's role only counts in a
 * session signed in with a second factor). API: a bearer token, and never a cookie.
 */
export function authenticate(deps: {
  clock: Clock;
  signIn: SignInService;
  apiTokens: ApiTokenService;
}): RequestHandler {
  return async (req, res, next) => {
    if (isApiPath(req.path)) {
      const header = req.get('authorization') ?? '';
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (match) req.principal = await deps.apiTokens.authenticate(match[1]!);
      if (req.principal) req.caller = { principal: req.principal, actor: actorOf(req.principal) };
      return next();
    }
    const s = req.session;
    if (!s?.userId) return next();
    const now = deps.clock.now().getTime();
    const expired =
      now - (s.lastSeenAt ?? 0) > IDLE_TIMEOUT_MS || now - (s.signedInAt ?? 0) > ABSOLUTE_TIMEOUT_MS;
    const principal = expired ? undefined : await deps.signIn.principalFor(s.userId);
    // An administrator's or the DPO's role given during a session signed in without a second factor: they sign in
    // again, and set up their authenticator then.
    const unverified = principal && mustUseTwoStep(principal.grants) && !s.secondFactor;
    if (!principal || unverified) {
      await new Promise<void>((resolve) => s.regenerate(() => resolve()));
      if (expired)
        req.session.flash = { type: 'info', text: 'You were signed out because your session ended.' };
      if (unverified)
        req.session.flash = {
          type: 'info',
          text: 'Your role now needs two-step sign-in. Sign in again to set it up.',
        };
      return next();
    }
    if (now - (s.lastSeenAt ?? 0) > LAST_SEEN_RESOLUTION_MS) s.lastSeenAt = now;
    req.principal = principal;
    req.caller = { principal, actor: actorOf(principal) };
    next();
  };
}
