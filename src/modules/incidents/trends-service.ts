import { scopeOf } from '../../platform/authz/policy.ts';
import type { Principal } from '../../platform/authz/roles.ts';
import type { Clock } from '../../platform/clock.ts';
import { londonToday } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { tableFile } from '../../platform/documents/tables.ts';
import { londonWallClock, londonParts, icoDeadline } from '../../domain/incidents/ico-clock.ts';
import {
  incidentTrends,
  monthsBetween,
  type TrendIncident,
  type Trends,
} from '../../domain/incidents/trends.ts';
import { CAUSES, type Cause } from '../../domain/incidents/taxonomy.ts';
import { isLate } from '../../domain/incidents/workflow.ts';
import * as repo from './repository.ts';
import { INCIDENTS } from './permissions.ts';

/** How many months the trends cover, this one included. */
export const TREND_MONTHS = 24;

/** The trends over the last two years, of the incidents the principal may see. */
export class IncidentTrendsService {
  constructor(private readonly deps: { db: Database; clock: Clock }) {}

  async trends(principal: Principal): Promise<Trends> {
    const today = londonToday(this.deps.clock);
    const last = today.slice(0, 7);
    const [y, m] = last.split('-').map(Number) as [number, number];
    const total = y * 12 + (m - 1) - (TREND_MONTHS - 1);
    const first = `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
    const months = monthsBetween(first, last);
    const scope = scopeOf(principal, INCIDENTS.view);
    const now = this.deps.clock.now();
    const rows = (await repo.forTrends(this.deps.db.orm, londonWallClock(`${first}-01`, 0, 0))).filter(
      (r) =>
        scope === 'all' || (r.incident.directorateId !== null && scope.includes(r.incident.directorateId)),
    );
    return incidentTrends(
      months,
      rows.map((r) => trendOf(r.incident, r.directorate, now)),
    );
  }

  /** The monthly figures as CSV: a row a month; a column for each count, and for each cause, type and directorate. */
  async csv(principal: Principal): Promise<Buffer> {
    const t = await this.trends(principal);
    const columns = [
      ...t.byCause.map((c) => ({ name: `Cause: ${CAUSES[c.key as Cause]?.label ?? c.key}`, tally: c })),
      ...t.byType.map((c) => ({ name: `Type: ${c.key}`, tally: c })),
      ...t.byDirectorate.map((c) => ({ name: `Directorate: ${c.key}`, tally: c })),
    ];
    const header = [
      'Month',
      'Incidents',
      'Personal-data breaches',
      'Near misses',
      'Reported to the ICO',
      ...columns.map((c) => c.name),
    ];
    const rows = t.months.map((row, i) => [
      row.month,
      String(row.incidents),
      String(row.breaches),
      String(row.nearMisses),
      String(row.reportedToIco),
      ...columns.map((c) => String(c.tally.perMonth[i] ?? 0)),
    ]);
    return tableFile(header, rows, 'csv', 'Incidents by month');
  }
}

/** One incident as the trends count it. */
export function trendOf(i: repo.TrendRow, directorate: string | null, now: Date): TrendIncident {
  const triagedInTime = i.triagedAt ? i.triagedAt <= i.triageDueAt : now > i.triageDueAt ? false : null;
  let reportedInTime: boolean | null = null;
  if (i.classification === 'breach' && i.icoDecision === 'report' && i.awareAt)
    reportedInTime = i.icoReportedAt
      ? !isLate(i.awareAt, i.icoReportedAt)
      : now > icoDeadline(i.awareAt)
        ? false
        : null;
  return {
    month: londonParts(i.reportedAt).date.slice(0, 7),
    classification: i.classification ?? (i.nearMissReported ? 'near-miss' : null),
    cause: i.cause,
    breachTypes: i.breachTypes,
    directorate,
    service: i.service || null,
    triagedInTime,
    icoDecision: i.icoDecision,
    reportedInTime,
  };
}
