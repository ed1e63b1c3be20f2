import type { Request, RequestHandler } from 'express';
import { createHash } from 'node:crypto';
import { ipKeyGenerator, rateLimit, type Options, type Store } from 'express-rate-limit';
import type { Database } from '../../db/database.ts';
import { sendProblem } from '../../api/problem.ts';

interface Deps {
  db: Database;
}

/**
 * express-rate-limit's counters kept in the `rate_limits` table, so several web processes share them (a memory store
 * gives each process its own allowance). One statement per hit: start a new window when the old one has ended,
 * otherwise add one. Windows run on the wall clock, not the injected one: they measure traffic, not the statutory
 * calendar, and express-rate-limit itself compares them with Date.now().
 */
export class DatabaseRateLimitStore implements Store {
  readonly localKeys = false;
  private windowMs = 60_000;

  constructor(
    private readonly deps: Deps,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async get(key: string) {
    const [row] = await this.deps.db.query<{ hits: number; reset_at: Date }>(
      'select hits, reset_at from rate_limits where key = $1 and reset_at > $2',
      [this.prefix + key, new Date()],
    );
    return row ? { totalHits: row.hits, resetTime: new Date(row.reset_at) } : undefined;
  }

  async increment(key: string) {
    const now = new Date();
    const [row] = await this.deps.db.query<{ hits: number; reset_at: Date }>(
      `insert into rate_limits (key, hits, reset_at) values ($1, 1, $2)
       on conflict (key) do update set
         hits = case when rate_limits.reset_at <= $3 then 1 else rate_limits.hits + 1 end,
         reset_at = case when rate_limits.reset_at <= $3 then excluded.reset_at else rate_limits.reset_at end
       returning hits, reset_at`,
      [this.prefix + key, new Date(now.getTime() + this.windowMs), now],
    );
    return { totalHits: row!.hits, resetTime: new Date(row!.reset_at) };
  }

  async decrement(key: string): Promise<void> {
    await this.deps.db.query('update rate_limits set hits = greatest(hits - 1, 0) where key = $1', [
      this.prefix + key,
    ]);
  }

  async resetKey(key: string): Promise<void> {
    await this.deps.db.query('delete from rate_limits where key = $1', [this.prefix + key]);
  }
}

/** Removes counters whose window has ended; run with the session purge. */
export async function purgeRateLimits(deps: Deps): Promise<number> {
  const gone = await deps.db.query('delete from rate_limits where reset_at <= $1 returning key', [
    new Date(),
  ]);
  return gone.length;
}

/** The caller's network (an IPv6 /56, as express-rate-limit advises), hashed so no address is stored. */
function addressKey(req: Request): string {
  return createHash('sha256')
    .update(ipKeyGenerator(req.ip ?? ''))
    .digest('base64url');
}

/**
 * Failed sign-ins per address: 30 in 15 minutes, then that address waits. Successful sign-ins are not counted, so a
 * council behind one proxy or a team switching accounts is never locked out by signing in; each account also locks
 * itself after 5 wrong passwords (SignInService).
 */
export function signInRateLimit(deps: Deps): RequestHandler {
  return rateLimit({
    windowMs: 15 * 60 * 1000,
    limit: 30,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (req) => req.method !== 'POST',
    skipSuccessfulRequests: true,
    keyGenerator: addressKey,
    store: new DatabaseRateLimitStore(deps, 'sign-in:'),
    handler: (_req, res) => {
      res.status(429).render('errors/429.njk');
    },
  });
}

/** Requests from the public form per address: 10 an hour is plenty for a person and dull for a script. */
export function publicSubmitRateLimit(deps: Deps): RequestHandler {
  return rateLimit({
    windowMs: 60 * 60 * 1000,
    limit: 10,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (req) => req.method !== 'POST',
    keyGenerator: addressKey,
    store: new DatabaseRateLimitStore(deps, 'public-form:'),
    handler: (_req, res) => {
      res.status(429).render('errors/429.njk');
    },
  });
}

/** A general ceiling on the API per token or address. */
export function apiRateLimit(deps: Deps): RequestHandler {
  return rateLimit({
    windowMs: 60 * 1000,
    limit: 600,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => {
      const auth = req.get('authorization');
      return auth ? createHash('sha256').update(auth).digest('base64url') : addressKey(req);
    },
    store: new DatabaseRateLimitStore(deps, 'api:'),
    handler: (_req, res) => {
      sendProblem(res, {
        status: 429,
        title: 'Too many requests',
        detail: 'Slow down and try again in a minute.',
      });
    },
  });
}
