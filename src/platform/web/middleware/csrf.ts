import type { Request, RequestHandler } from 'express';
import { csrfSync } from 'csrf-sync';
import { isApiPath } from '../request.ts';

declare module 'express-serve-static-core' {
  interface Request {
    /** The token of an anonymous visitor, set on this response and not yet back in a cookie. */
    visitorCsrfToken?: string;
  }
}

/**
 * Synchroniser tokens on every form. A signed-in member of staff's token lives in their session; an anonymous
 * visitor's (the sign-in page, the public request form) lives in an HttpOnly, SameSite cookie of its own, so reading a
 * public page never creates a session row — 300 anonymous GETs used to leave 300. State-changing requests without the
 * right token are refused. The JSON API uses bearer tokens and no cookies, so it is outside CSRF's reach.
 */
export function csrf(options: { secure: boolean }): RequestHandler {
  const cookie = options.secure ? '__Host-custodian-csrf' : 'custodian-csrf';
  const signedIn = (req: Request) => req.session?.userId !== undefined;
  const { csrfSynchronisedProtection, generateToken } = csrfSync({
    // File uploads (multipart) are parsed after this check, so their forms carry the token in the query string.
    getTokenFromRequest: (req) =>
      ((req.body as Record<string, unknown> | undefined)?._csrf as string | undefined) ??
      (req.is('multipart/form-data') && typeof req.query._csrf === 'string' ? req.query._csrf : undefined),
    getTokenFromState: (req) =>
      signedIn(req) ? req.session.csrfToken : (req.visitorCsrfToken ?? readCookie(req, cookie)),
    storeTokenInState: (req, token) => {
      if (signedIn(req)) {
        req.session.csrfToken = token;
        return;
      }
      req.visitorCsrfToken = token ?? undefined;
      req.res?.cookie(cookie, token ?? '', {
        httpOnly: true,
        sameSite: 'lax',
        secure: options.secure,
        path: '/',
      });
    },
  });
  return (req, res, next) => {
    if (isApiPath(req.path)) return next();
    res.locals.csrfToken = () => generateToken(req);
    csrfSynchronisedProtection(req, res, next);
  };
}

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      return undefined;
    }
  }
  return undefined;
}
