import { addCalendarMonths, addDays, fromParts, isIsoDate, yearOf, type IsoDate } from '../calendar/dates.ts';

/**
 * The retention arithmetic (DOMAIN.md, "Records, retention and disposal"): the one function every record is scheduled
 * with, and `custodian retention until`.
 */

/** Where the period is counted from: the trigger itself, or the end of the calendar or UK financial year holding it. */
export const RETENTION_FROM = ['trigger', 'calendar-year-end', 'financial-year-end'] as const;
export type RetentionFrom = (typeof RETENTION_FROM)[number];

export const RETENTION_FROM_NAMES: Record<RetentionFrom, string> = {
  trigger: 'the trigger date',
  'calendar-year-end': 'the end of that calendar year',
  'financial-year-end': 'the end of that financial year (31 March)',
};

/** A retention period: years and months counted together as months, then days. */
export interface Period {
  years: number;
  months: number;
  days: number;
}
export type Retention = Period | 'permanent';

export class RetentionInputError extends Error {}

/** The latest date the arithmetic gives: past it, a date no longer fits the database's or a person's sense. */
const LAST_DATE = '9999-12-31';
/** Periods longer than this are typing mistakes (the longest in council schedules is 100 years). */
const MAX_YEARS = 1000;

const DURATION = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

/**
 * An ISO 8601 duration of years, months, weeks and days ("P6Y", "P1Y1M", "P30D", "P2W"), or "permanent". Times of
 * day ("PT12H"), fractions and negative periods are refused: retention is counted in whole days.
 */
export function parseRetention(text: string): Retention {
  const value = text.trim();
  if (value.toLowerCase() === 'permanent') return 'permanent';
  const match = DURATION.exec(value.toUpperCase());
  if (!match) {
    if (value.startsWith('-'))
      throw new RetentionInputError(`A retention period cannot be negative: "${value}"`);
    if (/T/i.test(value))
      throw new RetentionInputError(`A retention period is whole days or longer, not hours: "${value}"`);
    throw new RetentionInputError(
      `"${value}" is not a retention period: use an ISO 8601 duration such as P6Y, P6M, P1Y6M or P30D, or permanent`,
    );
  }
  const [years, months, weeks, days] = match.slice(1).map((n) => Number(n ?? 0)) as [
    number,
    number,
    number,
    number,
  ];
  if (years + months / 12 + (weeks * 7 + days) / 365 > MAX_YEARS)
    throw new RetentionInputError(
      `A retention period of more than ${MAX_YEARS} years is a mistake: "${value}"`,
    );
  return { years, months, days: weeks * 7 + days };
}

/** The period written back as an ISO 8601 duration ("P6Y", "P1Y6M", "P0D"), or "permanent". */
export function formatRetention(retention: Retention): string {
  if (retention === 'permanent') return 'permanent';
  const { years, months, days } = retention;
  const text = `${years ? `${years}Y` : ''}${months ? `${months}M` : ''}${days ? `${days}D` : ''}`;
  return `P${text || '0D'}`;
}

/** The period in words: "6 years", "1 year and 6 months", "30 days", "Permanent". */
export function describeRetention(retention: Retention): string {
  if (retention === 'permanent') return 'Permanent';
  const parts = (
    [
      [retention.years, 'year'],
      [retention.months, 'month'],
      [retention.days, 'day'],
    ] as const
  )
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n} ${unit}${n === 1 ? '' : 's'}`);
  if (!parts.length) return 'Until the trigger date';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** The date the period runs from. */
export function retentionStart(trigger: IsoDate, from: RetentionFrom): IsoDate {
  if (!isIsoDate(trigger)) throw new RetentionInputError(`"${trigger}" is not a date (YYYY-MM-DD)`);
  const year = yearOf(trigger);
  if (from === 'calendar-year-end') return fromParts(year, 12, 31);
  // The UK financial year runs 1 April to 31 March: a trigger in January to March ends the year it is in.
  if (from === 'financial-year-end')
    return fromParts(Number(trigger.slice(5, 7)) >= 4 ? year + 1 : year, 3, 31);
  return trigger;
}

/**
 * The last day a record must be kept: the start plus the period — years and months together as a count of months,
 * the day clamped to the end of the month reached, then the days. Null when the record is kept permanently. The
 * record may be disposed of from the next day.
 */
export function retentionUntil(input: {
  trigger: IsoDate;
  retention: Retention;
  from: RetentionFrom;
}): IsoDate | null {
  const start = retentionStart(input.trigger, input.from);
  if (input.retention === 'permanent') return null;
  const { years, months, days } = input.retention;
  const afterMonths = addCalendarMonths(start, years * 12 + months);
  if (afterMonths > LAST_DATE) throw new RetentionInputError('That retention runs past the year 9999');
  const until = addDays(afterMonths, days);
  if (until > LAST_DATE) throw new RetentionInputError('That retention runs past the year 9999');
  return until;
}

/** Several rules or triggers for one record: the longest retention wins, and permanent beats any date. */
export function latestUntil(untils: readonly (IsoDate | null)[]): IsoDate | null {
  if (!untils.length) throw new RetentionInputError('A record needs at least one retention date');
  let latest: IsoDate | null = untils[0]!;
  for (const until of untils) {
    if (until === null) return null;
    if (latest !== null && until > latest) latest = until;
  }
  return latest;
}

/** Whether a record kept until a date may be disposed of on a day: from the day after its last day, never if permanent. */
export function isDisposable(until: IsoDate | null, on: IsoDate): boolean {
  return until !== null && until < on;
}
