import {
  isFoiWorkingDay,
  workingDayIndex,
  type HolidayCalendar,
  type Nation,
} from '../calendar/bank-holidays.ts';
import {
  addCalendarMonths,
  addDays,
  fromDayNumber,
  isIsoDate,
  toDayNumber,
  type IsoDate,
} from '../calendar/dates.ts';

/**
 * Statutory and local response deadlines. Sources:
 * - FOIA 2000 s.10(1) (20 working days), s.10(3) (public-interest extension; ICO: at most 20 more), s.10(6) (working
 *   day: not Sat/Sun, Christmas Day, Good Friday or a bank holiday in any part of the UK), s.9 and s.10(2) (fees
 *   notice: the days from notice to payment are disregarded), s.1(3) (clarification: the date of receipt is the day
 *   the answer arrives).
 * - FOIA s.45 Code of Practice (2018) para 5: internal review within 20 working days, 40 at most.
 * - EIR 2004 reg 5(2) (20 working days), reg 7(1) (40 if complex and voluminous), reg 9 (particulars: restart),
 *   reg 11(4) (reconsideration within 40 working days), reg 2(1) (working day as FOIA).
 * - UK GDPR Art 12(3) (one month, extendable by two further months); ICO guidance since 2019: the day of receipt is
 *   day 1, the corresponding date next month (or that month's last day), moved to the next working day.
 * Counting (DOMAIN.md): for working-day kinds the first working day after the date of receipt is day 1, whatever day
 * the request arrived, and the deadline is the end of the Nth working day.
 */
export const DEADLINE_KINDS = [
  'foi',
  'foi-extended',
  'foi-review',
  'foi-review-extended',
  'eir',
  'eir-extended',
  'eir-review',
  'sar',
  'sar-extended',
  'enquiry',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export function isDeadlineKind(value: unknown): value is DeadlineKind {
  return typeof value === 'string' && (DEADLINE_KINDS as readonly string[]).includes(value);
}

type Rule =
  | { unit: 'working-days'; length: number; calendar: 'any-uk' | 'nation' }
  | { unit: 'months'; length: number };

/** Each kind's clock. `enquiry` is the council's own target for press and general enquiries (configurable length). */
export const RULES: Record<DeadlineKind, Rule> = {
  foi: { unit: 'working-days', length: 20, calendar: 'any-uk' },
  'foi-extended': { unit: 'working-days', length: 40, calendar: 'any-uk' },
  'foi-review': { unit: 'working-days', length: 20, calendar: 'any-uk' },
  'foi-review-extended': { unit: 'working-days', length: 40, calendar: 'any-uk' },
  eir: { unit: 'working-days', length: 20, calendar: 'any-uk' },
  'eir-extended': { unit: 'working-days', length: 40, calendar: 'any-uk' },
  'eir-review': { unit: 'working-days', length: 40, calendar: 'any-uk' },
  sar: { unit: 'months', length: 1 },
  'sar-extended': { unit: 'months', length: 3 },
  enquiry: { unit: 'working-days', length: 10, calendar: 'nation' },
};

export interface DeadlineInput {
  kind: DeadlineKind;
  /** The date the request (or review request, or representations) was received. */
  received: IsoDate;
  /** The council's nation: SAR rolling and local targets use its bank holidays. */
  nation?: Nation;
  /** Clarification, particulars or (SAR) identity or fee received: the clock starts again from this date. */
  restarted?: IsoDate;
  /** Fee pauses, inclusive [from, to]: FOI/EIR working days inside are not counted; SAR is extended by their days. */
  paused?: [IsoDate, IsoDate][];
  /** Overrides the length in working days (local targets such as enquiries). */
  workingDays?: number;
}

export interface Deadline {
  due: IsoDate;
  /** The bank holiday list it was computed with. */
  calendarVersion: string;
  /** The date the clock ran from (receipt, or the latest restart). */
  clockStart: IsoDate;
}

export class DeadlineInputError extends Error {}

/** The due date for a request, or a DeadlineInputError saying which input is wrong. */
export function computeDeadline(calendar: HolidayCalendar, input: DeadlineInput): Deadline {
  const start = validate(input);
  const nation = input.nation ?? 'england-and-wales';
  const rule = RULES[input.kind];
  const pauses = (input.paused ?? []).map(([from, to]) => [toDayNumber(from), toDayNumber(to)] as const);
  const index = workingDayIndex(calendar);
  let due: number;
  if (rule.unit === 'working-days') {
    const scope = rule.calendar === 'any-uk' ? 'any-uk' : nation;
    due = addWorkingDays(
      toDayNumber(start),
      input.workingDays ?? rule.length,
      (d) => index.isWorking(scope, d),
      pauses,
    );
  } else {
    // A pause on the calendar-month clock extends it by the calendar days paused (inclusive), then rolls forward.
    const pausedDays = pauses.reduce((sum, [from, to]) => sum + (to - from + 1), 0);
    due = toDayNumber(addCalendarMonths(start, rule.length)) + pausedDays;
    while (!index.isWorking(nation, due)) due += 1;
  }
  return { due: fromDayNumber(due), calendarVersion: calendar.version, clockStart: start };
}

function validate(input: DeadlineInput): IsoDate {
  if (!isIsoDate(input.received))
    throw new DeadlineInputError(`received: "${input.received}" is not a real date (YYYY-MM-DD)`);
  if (input.restarted !== undefined) {
    if (!isIsoDate(input.restarted))
      throw new DeadlineInputError(`restarted: "${input.restarted}" is not a real date`);
    if (input.restarted < input.received)
      throw new DeadlineInputError('restarted: the clock cannot restart before the request was received');
  }
  for (const pause of input.paused ?? []) {
    if (!Array.isArray(pause) || pause.length !== 2 || !isIsoDate(pause[0]) || !isIsoDate(pause[1])) {
      throw new DeadlineInputError('paused: each pause is [from, to] with real dates');
    }
    if (pause[1] < pause[0])
      throw new DeadlineInputError(`paused: the pause ${pause[0]}–${pause[1]} ends before it starts`);
    if (pause[0] < input.received)
      throw new DeadlineInputError(
        `paused: the pause starting ${pause[0]} starts before the request was received`,
      );
  }
  if (
    input.workingDays !== undefined &&
    (!Number.isInteger(input.workingDays) || input.workingDays < 1 || input.workingDays > 400)
  ) {
    throw new DeadlineInputError('workingDays: a whole number from 1 to 400');
  }
  return input.restarted ?? input.received;
}

/** The Nth working day after `start` (start itself is day 0), skipping days inside any pause; day numbers throughout. */
function addWorkingDays(
  start: number,
  n: number,
  isWorking: (day: number) => boolean,
  pauses: readonly (readonly [number, number])[],
): number {
  let day = start;
  let counted = 0;
  while (counted < n) {
    day += 1;
    if (!isWorking(day)) continue;
    if (pauses.length && pauses.some(([from, to]) => day >= from && day <= to)) continue;
    counted += 1;
  }
  return day;
}

/** Working days from one date to a later one (exclusive of the first), on the any-UK calendar: for timeliness reports. */
export function workingDaysBetween(calendar: HolidayCalendar, from: IsoDate, to: IsoDate): number {
  if (to <= from) return 0;
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isFoiWorkingDay(calendar, d)) n += 1;
  return n;
}
