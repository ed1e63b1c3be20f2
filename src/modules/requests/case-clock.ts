import { computeDeadline, DeadlineInputError, type Deadline } from '../../domain/requests/deadlines.ts';
import type { HolidayCalendar, Nation } from '../../domain/calendar/bank-holidays.ts';
import type { IsoDate } from '../../domain/calendar/dates.ts';
import {
  ALLOCATION_TARGET_WORKING_DAYS,
  deadlineKindOf,
  DRAFT_TARGET_WORKING_DAYS,
  type CaseType,
  type StopReason,
} from '../../domain/requests/workflow.ts';
import { ValidationError } from '../../platform/errors.ts';

/** A stretch of days that do not count: [from, to (null while it lasts), why]. Older rows have no reason (a fee). */
export type Pause = [IsoDate, IsoDate | null, StopReason?];

export interface ClockSettings {
  nation: Nation;
  /** Working days to answer press and general enquiries (a local target, not law). */
  enquiryTargetDays: number;
}

/** What a case's deadlines are computed from: they are never edited, always recomputed from these. */
export interface ClockFields {
  type: string;
  extended: boolean;
  clockStart: IsoDate;
  receivedOn: IsoDate;
  pauses: Pause[];
}

/** The three deadlines of a case (the statutory one and the two internal targets), with the calendar they used. */
export function caseDeadlines(
  calendar: HolidayCalendar,
  settings: ClockSettings,
  c: ClockFields,
  reviewedType?: CaseType,
) {
  const closed = c.pauses.flatMap(([from, to]): [IsoDate, IsoDate][] => (to === null ? [] : [[from, to]]));
  const compute = (input: Parameters<typeof computeDeadline>[1]): Deadline => {
    try {
      return computeDeadline(calendar, input);
    } catch (error) {
      if (error instanceof DeadlineInputError) throw new ValidationError(error.message);
      throw error;
    }
  };
  const base = {
    received: c.receivedOn,
    restarted: c.clockStart === c.receivedOn ? undefined : c.clockStart,
    nation: settings.nation,
  };
  const kind = deadlineKindOf(c.type as CaseType, c.extended, reviewedType);
  const enquiry = kind === 'enquiry' ? { workingDays: settings.enquiryTargetDays } : {};
  const final = compute({ ...base, kind, paused: closed, ...enquiry });
  const target = (workingDays: number) => compute({ ...base, kind: 'foi', workingDays, paused: closed }).due;
  return {
    dueOn: final.due,
    calendarVersion: final.calendarVersion,
    allocationDueOn: target(ALLOCATION_TARGET_WORKING_DAYS),
    draftDueOn: target(DRAFT_TARGET_WORKING_DAYS),
  };
}
