import type { RequestHandler } from 'express';
import { csrfSync } from 'csrf-sync';
import { isApiPath } from '../request.ts';

const { csrfSynchronisedProtection, generateToken } = csrfSync({
  // File uploads (multipart) are parsed after this check, so their forms carry the token in the query string instead.
  getTokenFromRequest: (req) =>
    ((req.body as Record<string, unknown> | undefined)?._csrf as string | undefined) ??
    (req.is('multipart/form-data') && typeof req.query._csrf === 'string' ? req.query._csrf : undefined),
});

/**
 * Synchroniser tokens on every form. Pages get `csrfToken` to put in a hidden `_csrf` field; state-changing requests
 * without the right one are refused. The JSON API uses bearer tokens and no cookies, so it is outside CSRF's reach.
 */
export const csrf: RequestHandler = (req, res, next) => {
  if (isApiPath(req.path)) return next();
  res.locals.csrfToken = () => generateToken(req);
  csrfSynchronisedProtection(req, res, next);
};
