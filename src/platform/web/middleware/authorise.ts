import type { RequestHandler } from 'express';
import { can } from '../../authz/policy.ts';
import { sendProblem } from '../../api/problem.ts';
import { isApiPath } from '../request.ts';
import type { Access } from '../routes.ts';

/**
 * Enforces a route's declared access. Anonymous visitors to a staff page are sent to sign in; signed-in users without
 * the permission get 403.
 */
export function authorise(access: Access): RequestHandler {
  return (req, res, next) => {
    if (access === 'public') return next();
    const api = isApiPath(req.path);
    if (!req.principal) {
      if (api)
        return sendProblem(res, {
          status: 401,
          title: 'Unauthorised',
          detail: 'Send a valid API token as a Bearer token.',
        });
      const back = req.method === 'GET' ? `?next=${encodeURIComponent(req.originalUrl)}` : '';
      return res.redirect(303, `/sign-in${back}`);
    }
    if (access === 'signed-in' || can(req.principal, access)) return next();
    if (api)
      return sendProblem(res, {
        status: 403,
        title: 'Forbidden',
        detail: `This needs the ${access.name} permission.`,
      });
    res.status(403).render('errors/403.njk');
  };
}
