import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { OrganisationService } from '../../../platform/identity/organisation-service.ts';

/** What the records module's commands are built with. */
export interface RecordsDeps {
  db: Database;
  clock: Clock;
  organisation: OrganisationService;
}
