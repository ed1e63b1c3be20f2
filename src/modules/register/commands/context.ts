import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';

/** What the register's commands are built with. */
export interface RegisterDeps {
  db: Database;
  clock: Clock;
}
