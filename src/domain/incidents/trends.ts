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

export interface Share {
  count: number;
  of: number;
  /** Percentage to one decimal place, null when there is nothing to take a share of. */
  percent: number | null;
}

export interface Trends {
  months: MonthRow[];
  byCause: { key: string; total: number; perMonth: number[] }[];
  byType: { key: string; total: number }[];
  byDirectorate: { key: string; total: number }[];
  byService: { key: string; total: number }[];
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
  const totals = <K extends string>(key: (i: TrendIncident) => K[] | K | null) => {
    const tally = new Map<string, number>();
    for (const i of counted) {
      const keys = key(i);
      for (const k of Array.isArray(keys) ? keys : keys === null ? [] : [keys])
        tally.set(k, (tally.get(k) ?? 0) + 1);
    }
    return [...tally]
      .map(([k, total]) => ({ key: k, total }))
      .sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
  };
  const causes = totals((i) => i.cause);
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
    byCause: causes.map((c) => ({
      ...c,
      perMonth: months.map((m) => (byMonth.get(m) ?? []).filter((i) => i.cause === c.key).length),
    })),
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
