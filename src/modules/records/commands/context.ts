import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { OrganisationService } from '../../../platform/identity/organisation-service.ts';
import type { RecordSource } from '../sources.ts';

/** What the records module's commands are built with. */
export interface RecordsDeps {
  db: Database;
  clock: Clock;
  organisation: OrganisationService;
  /** The record sources of the modules in use, asked for when needed. */
  sources: () => RecordSource[];
  /** Days an approved disposal list waits before it is carried out. */
  coolingOffDays: number;
  /** Where bags for the record office are written. */
  transfersDir: string;
  councilName: string;
}
