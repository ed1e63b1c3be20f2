import type { RequestHandler } from 'express';
import type { Logger } from '../../logger.ts';

/**
 * One log line per request: method, the route pattern (never the URL, whose query string may carry a name or an
 * e-mail address), status and time taken.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.on('finish', () => {
      const route = req.route?.path ?? (res.statusCode === 404 ? '(no route)' : '(middleware)');
      logger.info(
        { method: req.method, route, status: res.statusCode, ms: Math.round(performance.now() - started) },
        'request',
      );
    });
    next();
  };
}
