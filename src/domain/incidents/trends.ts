/**
 * The figures management and the ICO's audits ask for: incidents per month by cause, type and directorate; how many
 * breaches were reported to the ICO; how many reports were triaged in time and how many breaches reported within the
 * 72 hours; near misses; the causes that keep recurring in the same place.
 */
import { groupBy } from '../shared/group-by.ts';
import type { BreachType, Cause, Classification } from './taxonomy.ts';

export interface TrendIncident {
  /** London month of the report, "2026-03". */
  month: string;
  classification: Classification | null;
  cause: Cause | null;
  breachTypes: BreachType[];
  directorate: string | null;
  service: string | null;
  /** Triaged within four working hours of the report. */
  triagedInTime: boolean | null;
  icoDecision: 'report' | 'do-not-report' | null;
  /** The initial report reached the ICO within 72 hours of awareness. */
  reportedInTime: boolean | null;
}

export interface MonthRow {
  month: string;
  incidents: number;
  breaches: number;
  nearMisses: number;
  reportedToIco: number;
}

/** Incidents with one value of a dimension (a cause, a type, a directorate, a service): in all, and month by month. */
export interface Tally {
  key: string;
  total: number;
  perMonth: number[];
}

export interface Share {
  count: number;
  of: number;
  /** Percentage to one decimal place, null when there is nothing to take a share of. */
  percent: number | null;
}

export interface Trends {
  months: MonthRow[];
  byCause: Tally[];
  byType: Tally[];
  byDirectorate: Tally[];
  byService: Tally[];
  reportedToIco: Share;
  triagedInTime: Share;
  reportedInTime: Share;
  nearMisses: number;
  /** A cause seen this many times or more in one directorate over the period. */
  repeats: { directorate: string; cause: Cause; count: number }[];
}

export const REPEAT_THRESHOLD = 3;

export function share(count: number, of: number): Share {
  return { count, of, percent: of === 0 ? null : Math.round((count / of) * 1000) / 10 };
}

const isIncident = (i: TrendIncident) => i.classification !== 'not-an-incident';

/** The trends over the months given (oldest first), from every incident reported in them. */
export function incidentTrends(months: readonly string[], incidents: readonly TrendIncident[]): Trends {
  const counted = incidents.filter((i) => isIncident(i) && months.includes(i.month));
  const breaches = counted.filter((i) => i.classification === 'breach');
  const byMonth = groupBy(counted, (i) => i.month);
  const monthIndex = new Map(months.map((m, n) => [m, n]));
  const totals = (key: (i: TrendIncident) => string[] | string | null): Tally[] => {
    const tallies = new Map<string, Tally>();
    for (const i of counted) {
      const keys = key(i);
      for (const k of Array.isArray(keys) ? keys : keys === null ? [] : [keys]) {
        let t = tallies.get(k);
        if (!t) tallies.set(k, (t = { key: k, total: 0, perMonth: months.map(() => 0) }));
        t.total += 1;
        t.perMonth[monthIndex.get(i.month)!]! += 1;
      }
    }
    return [...tallies.values()].sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
  };
  const repeats = [
    ...groupBy(
      counted.filter((i) => i.cause && i.directorate),
      (i) => `${i.directorate}\u0000${i.cause}`,
    ),
  ]
    .filter(([, group]) => group.length >= REPEAT_THRESHOLD)
    .map(([, group]) => ({
      directorate: group[0]!.directorate!,
      cause: group[0]!.cause!,
      count: group.length,
    }))
    .sort((a, b) => b.count - a.count || a.directorate.localeCompare(b.directorate));
  const triaged = counted.filter((i) => i.triagedInTime !== null);
  const reported = breaches.filter((i) => i.reportedInTime !== null);
  return {
    months: months.map((month) => {
      const those = byMonth.get(month) ?? [];
      return {
        month,
        incidents: those.length,
        breaches: those.filter((i) => i.classification === 'breach').length,
        nearMisses: those.filter((i) => i.classification === 'near-miss').length,
        reportedToIco: those.filter((i) => i.icoDecision === 'report').length,
      };
    }),
    byCause: totals((i) => i.cause),
    byType: totals((i) => i.breachTypes),
    byDirectorate: totals((i) => i.directorate),
    byService: totals((i) => i.service),
    reportedToIco: share(breaches.filter((i) => i.icoDecision === 'report').length, breaches.length),
    triagedInTime: share(triaged.filter((i) => i.triagedInTime).length, triaged.length),
    reportedInTime: share(reported.filter((i) => i.reportedInTime).length, reported.length),
    nearMisses: counted.filter((i) => i.classification === 'near-miss').length,
    repeats,
  };
}

/** The months from `from` to `to` inclusive, "2025-01" … "2026-12". */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m === 13) [y, m] = [y + 1, 1];
  }
  return out;
}
