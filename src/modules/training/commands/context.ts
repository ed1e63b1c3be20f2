import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { MailService } from '../../../platform/mail/service.ts';

/** What the training module's commands are built with. */
export interface TrainingDeps {
  db: Database;
  clock: Clock;
  mail: MailService;
}
