import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../../logger.ts';
import { sendProblem } from '../../api/problem.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts';
import { isApiPath } from '../request.ts';

export const notFound: RequestHandler = (req, res) => {
  if (isApiPath(req.path)) return sendProblem(res, { status: 404, title: 'Not found' });
  res.status(404).render('errors/404.njk');
};

/**
 * The last stop for errors. Known kinds become their proper status; anything else is logged (through `safeError`:
 * codes and stack frames, never the request body, a query's parameters or personal data) and shown as the GOV.UK
 * "sorry, there is a problem" page.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const api = isApiPath(req.path);
    const status = statusOf(error);
    if (status === 500)
      logger.error({ err: error, method: req.method, route: req.route?.path }, 'request failed');
    if (api) {
      const title =
        status === 500
          ? 'Internal server error'
          : error instanceof ValidationError ||
              error instanceof NotFoundError ||
              error instanceof ConflictError ||
              error instanceof ForbiddenError
            ? (error as Error).message
            : (TITLES[status] ?? 'Invalid request');
      return sendProblem(res, {
        status,
        title,
        ...(error instanceof ValidationError ? { errors: error.fields } : {}),
      });
    }
    if (status === 403) return res.status(403).render('errors/403.njk');
    if (status === 404) return res.status(404).render('errors/404.njk');
    if (status === 500) return res.status(500).render('errors/500.njk');
    res.status(status >= 400 && status < 500 ? status : 400).render('errors/400.njk');
  };
}

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  403: 'Forbidden',
  409: 'Conflict',
  413: 'Request too large',
  415: 'Unsupported media type',
};

function statusOf(error: unknown): number {
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ConflictError) return 409;
  if (error instanceof ValidationError) return 400;
  if (error instanceof ForbiddenError) return 403;
  const code = (error as { code?: string }).code;
  if (code === 'EBADCSRFTOKEN' || (error as Error).message === 'invalid csrf token') return 403;
  // A malformed URL escape (%E0%A4%A) or body that body-parser, busboy or multer could not read.
  if (error instanceof URIError) return 400;
  if (typeof code === 'string' && code.startsWith('LIMIT_')) return 400;
  if (isMalformedMultipart(error)) return 400;
  const s =
    (error as { status?: number; statusCode?: number }).status ??
    (error as { statusCode?: number }).statusCode;
  return typeof s === 'number' && s >= 400 && s < 500 ? s : 500;
}

/** busboy's complaints about a body that is not the multipart it says it is. */
function isMalformedMultipart(error: unknown): boolean {
  const message = (error as Error)?.message ?? '';
  return (
    /^(Unexpected end of (form|multipart data)|Malformed part header|Multipart: Boundary not found|Unexpected end of file)/.test(
      message,
    ) || message.includes('Malformed urlencoded form')
  );
}
