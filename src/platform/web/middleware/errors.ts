import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../../logger.ts';
import { sendProblem } from '../../api/problem.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../commands.ts';
import { isApiPath } from '../request.ts';

export const notFound: RequestHandler = (req, res) => {
  if (isApiPath(req.path)) return sendProblem(res, { status: 404, title: 'Not found' });
  res.status(404).render('errors/404.njk');
};

/**
 * The last stop for errors. Known kinds become their proper status; anything else is logged (without request bodies
 * or personal data) and shown as the GOV.UK "sorry, there is a problem" page.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const api = isApiPath(req.path);
    const status = statusOf(error);
    if (status === 500)
      logger.error({ err: error, method: req.method, route: req.route?.path }, 'request failed');
    if (api) {
      const title = status === 500 ? 'Internal server error' : (error as Error).message;
      return sendProblem(res, {
        status,
        title,
        ...(error instanceof ValidationError ? { errors: error.fields } : {}),
      });
    }
    if (status === 403) return res.status(403).render('errors/403.njk');
    if (status === 404) return res.status(404).render('errors/404.njk');
    if (status === 400 || status === 413) return res.status(status).render('errors/400.njk');
    res.status(500).render('errors/500.njk');
  };
}

function statusOf(error: unknown): number {
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ConflictError) return 409;
  if (error instanceof ValidationError) return 400;
  const code = (error as { code?: string }).code;
  if (code === 'EBADCSRFTOKEN' || (error as Error).message === 'invalid csrf token') return 403;
  const s =
    (error as { status?: number; statusCode?: number }).status ??
    (error as { statusCode?: number }).statusCode;
  return typeof s === 'number' && s >= 400 && s < 500 ? s : 500;
}
