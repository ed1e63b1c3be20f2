import type { RequestHandler } from 'express';
import { createHash } from 'node:crypto';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';

/** Sign-in attempts per address: slows password guessing beyond the per-account lockout. */
export function signInRateLimit(): RequestHandler {
  return rateLimit({
    windowMs: 15 * 60 * 1000,
    limit: 30,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (req) => req.method !== 'POST',
    handler: (_req, res) => {
      res.status(429).render('errors/429.njk');
    },
  });
}

/** A general ceiling on the API per token or address. */
export function apiRateLimit(): RequestHandler {
  return rateLimit({
    windowMs: 60 * 1000,
    limit: 600,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => {
      const auth = req.get('authorization');
      return auth ? createHash('sha256').update(auth).digest('hex') : ipKeyGenerator(req.ip ?? '');
    },
    handler: (_req, res) => {
      res
        .status(429)
        .type('application/problem+json')
        .send(
          JSON.stringify({
            type: 'about:blank',
            title: 'Too many requests',
            status: 429,
            detail: 'Slow down and try again in a minute.',
          }),
        );
    },
  });
}
