import type { HolidayCalendar } from '../calendar/bank-holidays.ts';
import type { IsoDate } from '../calendar/dates.ts';
import { workingDaysBetween } from './deadlines.ts';
import { RIGHTS_TYPES, type CaseType } from './workflow.ts';

/** A response sent, as the reports count it. */
export interface ResponseFact {
  type: string;
  directorateId: number | null;
  clockStart: IsoDate;
  respondedOn: IsoDate | null;
  dueOn: IsoDate;
  extended: boolean;
  outcome: string | null;
  exemptions: unknown;
  reviewOutcome: string | null;
  icoReference: string | null;
}
/** Requests received in a month ("2026-11"), by type and channel. */
export interface ReceivedCount {
  type: string;
  channel: string;
  month: string;
  n: number;
}
/** A case still open past its due date. */
export interface OverdueCase {
  directorateId: number | null;
  type: string;
}

export type Rag = 'green' | 'amber' | 'red' | 'none';

/** ICO: 95 % or more in time is good; below 90 % unsatisfactory. Amber within five points of the target. */
export function ragFor(percent: number | null, target: number): Rag {
  if (percent === null) return 'none';
  if (percent >= target) return 'green';
  if (percent >= target - 5) return 'amber';
  return 'red';
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** A percentage to one decimal place; none of nothing. */
export const percent = (part: number, whole: number) =>
  whole ? Math.round((part / whole) * 1000) / 10 : null;

/** The two clocks reported on: information requests (FOI and EIR) and data-protection rights requests. */
export type Family = 'foi' | 'sar';
export const FAMILIES: readonly Family[] = ['foi', 'sar'];
export function familyOf(type: string): Family | null {
  if (type === 'foi' || type === 'eir') return 'foi';
  return RIGHTS_TYPES.has(type as CaseType) ? 'sar' : null;
}

const inTime = (c: ResponseFact) => c.respondedOn! <= c.dueOn;

/** How many of each key, most first. */
export function tally<K extends string>(keys: K[]): { key: K; n: number }[] {
  const m = new Map<K, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1]).map(([key, n]) => ({ key, n }));
}

/**
 * Timeliness per directorate (and "not allocated") and clock: responses in time against the directorate's target,
 * month by month, the median working days taken, and cases open past their date. Rows with nothing to say are left
 * out.
 */
export function timeliness(input: {
  calendar: HolidayCalendar;
  months: string[];
  directorates: { id: number | null; name: string }[];
  responded: ResponseFact[];
  overdue: OverdueCase[];
  targetFor: (directorateId: number | null, family: Family) => number;
}) {
  const { calendar, months, responded, overdue, targetFor } = input;
  return input.directorates
    .flatMap((d) =>
      FAMILIES.map((family) => {
        const cases = responded.filter((c) => c.directorateId === d.id && familyOf(c.type) === family);
        const pct = percent(cases.filter(inTime).length, cases.length);
        const target = targetFor(d.id, family);
        return {
          directorateId: d.id,
          directorate: d.name,
          family,
          total: cases.length,
          inTime: cases.filter(inTime).length,
          percent: pct,
          medianWorkingDays: median(
            cases.map((c) => workingDaysBetween(calendar, c.clockStart, c.respondedOn!)),
          ),
          overdue: overdue.filter((o) => o.directorateId === d.id && familyOf(o.type) === family).length,
          target,
          rag: ragFor(pct, target),
          byMonth: months.map((month) => {
            const inMonth = cases.filter((c) => c.respondedOn!.startsWith(month));
            const n = inMonth.filter(inTime).length;
            return { month, total: inMonth.length, inTime: n, percent: percent(n, inMonth.length) };
          }),
        };
      }),
    )
    .filter((r) => r.total > 0 || r.overdue > 0);
}

/** The council-wide share in time, month by month, for each clock. */
export function monthlyTrend(responded: ResponseFact[], months: string[]) {
  return FAMILIES.map((family) => ({
    family,
    points: months.map((month) => {
      const inMonth = responded.filter(
        (c) => familyOf(c.type) === family && c.respondedOn!.startsWith(month),
      );
      return {
        month,
        total: inMonth.length,
        percent: percent(inMonth.filter(inTime).length, inMonth.length),
      };
    }),
  }));
}

/** "2026 Q4" for "2026-11": calendar quarters, as the s.45 Code's published statistics use. */
export const quarterOf = (yyyymm: string) =>
  `${yyyymm.slice(0, 4)} Q${Math.floor((Number(yyyymm.slice(5, 7)) - 1) / 3) + 1}`;

/**
 * The quarterly FOI/EIR statistics the s.45 Code of Practice (2018) asks bodies of 100 or more staff to publish, in the
 * shape of the Cabinet Office's returns: received, responded, in time (with and without extension), late, outcomes.
 */
export function quarterlyStatistics(responded: ResponseFact[], received: ReceivedCount[]) {
  const isInformation = (t: string) => t === 'foi' || t === 'eir';
  const respondedIn = (r: ResponseFact) => quarterOf(r.respondedOn!.slice(0, 7));
  const quarters = [
    ...new Set([...received.map((r) => quarterOf(r.month)), ...responded.map(respondedIn)]),
  ].sort();
  return quarters.map((quarter) => {
    const done = responded.filter((r) => isInformation(r.type) && respondedIn(r) === quarter);
    const outcome = (o: string) => done.filter((r) => r.outcome === o).length;
    return {
      quarter,
      received: received
        .filter((r) => isInformation(r.type) && quarterOf(r.month) === quarter)
        .reduce((s, r) => s + r.n, 0),
      responded: done.length,
      inTime: done.filter((r) => inTime(r) && !r.extended).length,
      extendedInTime: done.filter((r) => inTime(r) && r.extended).length,
      late: done.filter((r) => !inTime(r)).length,
      grantedInFull: outcome('granted'),
      grantedInPart: outcome('part-granted'),
      refused: outcome('refused') + outcome('ncnd'),
      notHeld: outcome('not-held'),
      costLimit: outcome('cost-limit'),
      vexatiousOrRepeated: outcome('vexatious') + outcome('repeated'),
      internalReviews: responded.filter((r) => r.type === 'internal-review' && respondedIn(r) === quarter)
        .length,
      icoComplaints: done.filter((r) => r.icoReference).length,
    };
  });
}

/** Volumes, outcomes, exemptions cited and internal review results, most first. */
export function tallies(responded: ResponseFact[], received: ReceivedCount[]) {
  const spread = (key: 'type' | 'channel') => received.flatMap((r) => Array<string>(r.n).fill(r[key]));
  return {
    volumesByType: tally(spread('type')),
    volumesByChannel: tally(spread('channel')),
    outcomes: tally(responded.filter((c) => c.outcome).map((c) => c.outcome!)),
    exemptions: tally(responded.flatMap((c) => (c.exemptions as string[] | null) ?? [])),
    reviewOutcomes: tally(
      responded.filter((c) => c.type === 'internal-review' && c.reviewOutcome).map((c) => c.reviewOutcome!),
    ),
  };
}
