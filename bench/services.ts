import type { Database } from '../src/platform/db/database.ts';
import { createServices } from '../src/composition.ts';
import { loadConfig } from '../src/platform/config.ts';
import { FixedClock } from '../src/platform/clock.ts';
import { createLogger } from '../src/platform/logger.ts';

/** Custodian's services over a bench database, silent, at a fixed moment. */
export function benchServices(db: Database, at: Date) {
  const clock = new FixedClock(at);
  return {
    clock,
    services: createServices({ config: loadConfig({}), db, clock, logger: createLogger('silent') }),
  };
}
