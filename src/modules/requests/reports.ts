import type { Database } from '../../platform/db/database.ts';
import type { CalendarService } from '../../platform/calendar/service.ts';
import type { OrganisationService } from '../../platform/identity/organisation-service.ts';
import { workingDaysBetween } from '../../domain/requests/deadlines.ts';
import { addCalendarMonths, type IsoDate } from '../../domain/calendar/dates.ts';
import { RIGHTS_TYPES, type CaseType } from '../../domain/requests/workflow.ts';
import * as repo from './repository.ts';

export type Rag = 'green' | 'amber' | 'red' | 'none';

/** ICO: 95 % or more in time is good; below 90 % unsatisfactory. Amber between. */
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

const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : null);

type Family = 'foi' | 'sar';
const familyOf = (type: string, reviewed?: string): Family | null =>
  type === 'foi' || type === 'eir'
    ? 'foi'
    : RIGHTS_TYPES.has(type as CaseType)
      ? 'sar'
      : type === 'internal-review'
        ? reviewed && RIGHTS_TYPES.has(reviewed as CaseType)
          ? 'sar'
          : null
        : null;

/**
 * Management reports for requests: timeliness per directorate and month against targets, volumes, outcomes and
 * exemptions, internal reviews, and the quarterly statistics public bodies publish under the s.45 Code.
 */
export class RequestReportsService {
  constructor(
    private readonly deps: {
      db: Database;
      calendar: CalendarService;
      organisation: OrganisationService;
    },
  ) {}

  async build(options: { months: number; until: IsoDate }) {
    const calendar = await this.deps.calendar.current();
    const from = `${addCalendarMonths(`${options.until.slice(0, 7)}-01`, -(options.months - 1))}`;
    const db = this.deps.db.orm;
    const [responded, received, open, dirs, targets] = await Promise.all([
      repo.respondedBetween(db, from, options.until),
      repo.receivedByMonth(db, from, options.until),
      repo.overdueOn(db, options.until),
      this.deps.organisation.directorates(),
      repo.targets(db),
    ]);
    const months = Array.from({ length: options.months }, (_, i) => addCalendarMonths(from, i).slice(0, 7));
    const targetFor = (d: number | null, family: Family) => {
      const t = targets.find((x) => x.directorateId === d);
      return family === 'foi' ? (t?.foiPercent ?? 95) : (t?.sarPercent ?? 95);
    };
    const directorateRows = [
      ...dirs.map((d) => ({ id: d.id as number | null, name: d.name })),
      { id: null, name: 'Not allocated' },
    ];

    const timeliness = directorateRows
      .flatMap((d) =>
        (['foi', 'sar'] as Family[]).map((family) => {
          const cases = responded.filter((c) => c.directorateId === d.id && familyOf(c.type) === family);
          const byMonth = months.map((m) => {
            const inMonth = cases.filter((c) => c.respondedOn!.startsWith(m));
            const inTime = inMonth.filter((c) => c.respondedOn! <= c.dueOn).length;
            return { month: m, total: inMonth.length, inTime, percent: percent(inTime, inMonth.length) };
          });
          const inTime = cases.filter((c) => c.respondedOn! <= c.dueOn).length;
          const pct = percent(inTime, cases.length);
          const target = targetFor(d.id, family);
          return {
            directorateId: d.id,
            directorate: d.name,
            family,
            total: cases.length,
            inTime,
            percent: pct,
            medianWorkingDays: median(
              cases.map((c) => workingDaysBetween(calendar, c.clockStart, c.respondedOn!)),
            ),
            overdue: open.filter((o) => o.directorateId === d.id && familyOf(o.type) === family).length,
            target,
            rag: ragFor(pct, target),
            byMonth,
          };
        }),
      )
      .filter((r) => r.total > 0 || r.overdue > 0);

    const trend = (['foi', 'sar'] as Family[]).map((family) => ({
      family,
      points: months.map((m) => {
        const inMonth = responded.filter((c) => familyOf(c.type) === family && c.respondedOn!.startsWith(m));
        return {
          month: m,
          total: inMonth.length,
          percent: percent(inMonth.filter((c) => c.respondedOn! <= c.dueOn).length, inMonth.length),
        };
      }),
    }));

    const count = <K extends string>(keys: K[]) => {
      const m = new Map<K, number>();
      for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
      return [...m.entries()].sort((a, b) => b[1] - a[1]).map(([key, n]) => ({ key, n }));
    };
    const volumesByType = count(received.flatMap((r) => Array<string>(r.n).fill(r.type)));
    const volumesByChannel = count(received.flatMap((r) => Array<string>(r.n).fill(r.channel)));
    const outcomes = count(responded.filter((c) => c.outcome).map((c) => c.outcome!));
    const exemptions = count(responded.flatMap((c) => (c.exemptions as string[]) ?? []));
    const reviewOutcomes = count(
      responded.filter((c) => c.type === 'internal-review' && c.reviewOutcome).map((c) => c.reviewOutcome!),
    );

    return {
      from,
      until: options.until,
      months,
      timeliness,
      trend,
      volumesByType,
      volumesByChannel,
      outcomes,
      exemptions,
      reviewOutcomes,
      quarterly: this.quarterly(responded, received),
    };
  }

  /** The quarterly FOI/EIR statistics in the shape the s.45 Code and the Cabinet Office returns use. */
  private quarterly(
    responded: {
      type: string;
      respondedOn: string | null;
      dueOn: string;
      extended: boolean;
      outcome: string | null;
      icoReference: string | null;
    }[],
    received: { type: string; month: string; n: number }[],
  ) {
    const quarterOf = (yyyymm: string) =>
      `${yyyymm.slice(0, 4)} Q${Math.floor((Number(yyyymm.slice(5, 7)) - 1) / 3) + 1}`;
    const quarters = [
      ...new Set([
        ...received.map((r) => quarterOf(r.month)),
        ...responded.map((r) => quarterOf(r.respondedOn!.slice(0, 7))),
      ]),
    ].sort();
    const isInfo = (t: string) => t === 'foi' || t === 'eir';
    return quarters.map((q) => {
      const done = responded.filter((r) => isInfo(r.type) && quarterOf(r.respondedOn!.slice(0, 7)) === q);
      const outcome = (o: string) => done.filter((r) => r.outcome === o).length;
      return {
        quarter: q,
        received: received
          .filter((r) => isInfo(r.type) && quarterOf(r.month) === q)
          .reduce((s, r) => s + r.n, 0),
        responded: done.length,
        inTime: done.filter((r) => r.respondedOn! <= r.dueOn && !r.extended).length,
        extendedInTime: done.filter((r) => r.respondedOn! <= r.dueOn && r.extended).length,
        late: done.filter((r) => r.respondedOn! > r.dueOn).length,
        grantedInFull: outcome('granted'),
        grantedInPart: outcome('part-granted'),
        refused: outcome('refused') + outcome('ncnd'),
        notHeld: outcome('not-held'),
        costLimit: outcome('cost-limit'),
        vexatiousOrRepeated: outcome('vexatious') + outcome('repeated'),
        internalReviews: responded.filter(
          (r) => r.type === 'internal-review' && quarterOf(r.respondedOn!.slice(0, 7)) === q,
        ).length,
        icoComplaints: done.filter((r) => r.icoReference).length,
      };
    });
  }
}
