import type { Clock } from '../../../platform/clock.ts';
import type { Database, Tx } from '../../../platform/db/database.ts';
import type { AuditService } from '../../../platform/audit/service.ts';
import type { CalendarService } from '../../../platform/calendar/service.ts';
import type { MailService } from '../../../platform/mail/service.ts';
import type { Audit } from '../../../platform/commands.ts';
import { ValidationError } from '../../../platform/errors.ts';
import type { Caller } from '../../../platform/web/request.ts';
import type { HolidayCalendar } from '../../../domain/calendar/bank-holidays.ts';
import { isIsoDate, type IsoDate } from '../../../domain/calendar/dates.ts';
import {
  nextStatus,
  replySubject,
  type CaseAction,
  type CaseStatus,
  type CaseType,
} from '../../../domain/requests/workflow.ts';
import type { Regime } from '../../../domain/requests/exemptions.ts';
import { caseDeadlines, type ClockSettings, type Pause } from '../case-clock.ts';
import { LETTER_TOPICS, renderLetter, type LetterName } from '../letters.ts';
import * as repo from '../repository.ts';
import type { NewRequestCase, RequestCase } from '../repository.ts';

/** What the requests module's commands are built with. */
export interface RequestsDeps extends ClockSettings {
  db: Database;
  clock: Clock;
  calendar: CalendarService;
  mail: MailService;
  audit: AuditService;
  councilName: string;
}

/**
 * One action on one case, loaded, authorised and checked (runCaseAction): what a command needs to do its own part
 * and save it.
 */
export interface CaseStep {
  tx: Tx;
  audit: Audit;
  deps: RequestsDeps;
  /** Who is acting; absent only for the acknowledgement sent as a request is logged from the public form. */
  caller?: Caller;
  action: CaseAction;
  c: RequestCase;
  type: CaseType;
  /** The type of the case an internal review is of. */
  reviewedType?: CaseType;
  /** The law the case is under (a review: the reviewed case's); none for press and general enquiries. */
  regime?: Regime;
  pauses: Pause[];
  calendar: HolidayCalendar;
  today: IsoDate;
}

export interface SaveOptions {
  letter?: LetterName;
  letterExtra?: Record<string, unknown>;
  /** Ids, field names and outcomes for the audit trail: never the requester's details. */
  details?: Record<string, unknown>;
}

/** The deadlines of the case after a change to its clock fields. */
export function recompute(
  step: CaseStep,
  fields: { extended?: boolean; clockStart?: IsoDate; pauses?: Pause[] } = {},
) {
  const { c } = step;
  return caseDeadlines(
    step.calendar,
    step.deps,
    {
      type: c.type,
      extended: fields.extended ?? c.extended,
      clockStart: fields.clockStart ?? c.clockStart,
      receivedOn: c.receivedOn,
      pauses: fields.pauses ?? step.pauses,
    },
    step.reviewedType,
  );
}

/**
 * Saves the action's changes: the status the workflow table gives (unless the command sets one), the optimistic
 * version check, the letter into the outbox, and the audit event — all in the action's transaction.
 */
export async function save(
  step: CaseStep,
  changes: Partial<NewRequestCase>,
  options: SaveOptions = {},
): Promise<RequestCase> {
  const { c, tx } = step;
  const status =
    changes.status ??
    nextStatus(step.action, {
      status: c.status as CaseStatus,
      directorateId: changes.directorateId ?? c.directorateId,
    });
  const updated = await repo.updateCase(tx, c, { ...changes, status }, step.deps.clock.now());
  if (options.letter && updated.requesterEmail) {
    const body = renderLetter(options.letter, updated, {
      councilName: step.deps.councilName,
      reviewedType: step.reviewedType,
      ...options.letterExtra,
    });
    await step.deps.mail.queue(tx, {
      to: updated.requesterEmail,
      subject: replySubject(updated, LETTER_TOPICS[options.letter]),
      body,
      entityType: 'request-case',
      entityId: updated.id,
    });
  }
  await step.audit({
    action: `request.${step.action}`,
    entityType: 'request-case',
    entityId: c.id,
    details: {
      from: c.status,
      to: updated.status,
      ...(options.letter ? { letter: options.letter } : {}),
      ...options.details,
    },
  });
  return updated;
}

/** The id of the member of staff taking the action (recorded as who approved, searched, saw). */
export function actingUserId(step: CaseStep): number {
  if (!step.caller) throw new Error(`${step.action} needs a caller`);
  return step.caller.principal.id;
}

/** A date in the life of the case: real, not in the future, not before the request arrived. */
export function dateInCase(step: CaseStep, value: IsoDate, field: string): IsoDate {
  const fail = (message: string) => new ValidationError(message, { [field]: message });
  if (!isIsoDate(value)) throw fail('Enter a real date, like 2026-11-25');
  if (value > step.today) throw fail('The date cannot be in the future');
  if (value < step.c.receivedOn) throw fail('The date cannot be before the request was received');
  return value;
}
