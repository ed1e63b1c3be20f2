import type { Clock } from '../../../platform/clock.ts';
import { londonToday } from '../../../platform/clock.ts';
import type { Database, Tx } from '../../../platform/db/database.ts';
import type { CalendarService } from '../../../platform/calendar/service.ts';
import type { MailService } from '../../../platform/mail/service.ts';
import type { AuditService } from '../../../platform/audit/service.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../platform/errors.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import { fieldError } from '../../../platform/validation.ts';
import type { Caller } from '../../../platform/web/request.ts';
import { BreachClockInputError, londonWallClock } from '../../../domain/incidents/ico-clock.ts';
import * as repo from '../repository.ts';
import { canDecide, canManage } from '../policy.ts';

/** What the incidents module's commands are built with. */
export interface IncidentsDeps {
  db: Database;
  clock: Clock;
  calendar: CalendarService;
  mail: MailService;
  audit: AuditService;
}

const STALE =
  'Someone else changed this case while you were working on it. Nothing has been saved: open the case again and redo your change.';

/** The case, if it exists and is still open, unchanged since the form was shown (when its version is given). */
async function stillOpen(tx: Tx, id: number, version?: number) {
  const incident = await repo.findIncident(tx, id);
  if (!incident) throw new NotFoundError('No such incident');
  if (incident.status === 'closed')
    throw new ValidationError('This case is closed: nothing more can be added to it');
  if (version !== undefined && version !== incident.version) throw new ConflictError(STALE);
  return incident;
}

/** The case, if it is still open and the caller handles cases of its directorate. */
export async function openCase(tx: Tx, caller: Caller, id: number, version?: number) {
  const incident = await stillOpen(tx, id, version);
  authorize(
    caller.principal,
    canManage(caller.principal, incident),
    undefined,
    'This case is not one you handle',
  );
  return incident;
}

/** The case, for a decision only the DPO (or the deputy on today's rota) may take. */
export async function caseToDecide(deps: IncidentsDeps, tx: Tx, caller: Caller, id: number, version: number) {
  const deputies = await repo.deputiesOn(tx, londonToday(deps.clock));
  if (
    !canDecide(
      caller.principal,
      deputies.map((d) => d.id),
    )
  )
    throw new ForbiddenError(
      'Only the DPO, or the deputy on the out-of-hours rota today, makes this decision',
    );
  const incident = await stillOpen(tx, id, version);
  if (incident.classification !== 'breach')
    throw new ValidationError('Only a personal-data breach needs these decisions: triage it as one first');
  if (!incident.likelihood) throw new ValidationError('Assess the risk before deciding');
  return incident;
}

/** A London date and time typed in a form, as an instant; a time that never happened is an error on the field. */
export function momentOf(
  date: string | undefined,
  time: string | undefined,
  field: string,
  what: string,
): Date | null {
  if (!date && !time) return null;
  if (!date) throw fieldError(`${field}On`, `Enter the date ${what}, as well as the time`);
  if (!time) throw fieldError(`${field}Time`, `Enter the time ${what}, or your best guess, like 14:30`);
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  try {
    return londonWallClock(date, hour, minute);
  } catch (error) {
    if (error instanceof BreachClockInputError) throw fieldError(`${field}Time`, error.message);
    throw error;
  }
}

/** A moment cannot be in the future. */
export function notInFuture(moment: Date | null, now: Date, field: string, what: string): void {
  if (moment && moment.getTime() > now.getTime())
    throw fieldError(field, `The time ${what} cannot be in the future`);
}
