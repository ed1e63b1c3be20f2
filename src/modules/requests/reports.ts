import type { Database } from '../../platform/db/database.ts';
import type { CalendarService } from '../../platform/calendar/service.ts';
import type { OrganisationService } from '../../platform/identity/organisation-service.ts';
import { addCalendarMonths, type IsoDate } from '../../domain/calendar/dates.ts';
import {
  monthlyTrend,
  quarterlyStatistics,
  tallies,
  timeliness,
  type Family,
} from '../../domain/requests/statistics.ts';
import * as settingsRepo from './settings-repository.ts';
import * as reportsRepo from './reports-repository.ts';

/** A directorate without its own target is held to the ICO's 95 %. */
const DEFAULT_TARGET = 95;

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
    const from = addCalendarMonths(`${options.until.slice(0, 7)}-01`, -(options.months - 1));
    const months = Array.from({ length: options.months }, (_, i) => addCalendarMonths(from, i).slice(0, 7));
    const db = this.deps.db.orm;
    const [calendar, responded, received, overdue, directorates, targets] = await Promise.all([
      this.deps.calendar.current(),
      reportsRepo.respondedBetween(db, from, options.until),
      reportsRepo.receivedByMonth(db, from, options.until),
      reportsRepo.overdueOn(db, options.until),
      this.deps.organisation.directorates(),
      settingsRepo.targets(db),
    ]);
    const targetFor = (directorateId: number | null, family: Family) => {
      const t = targets.find((x) => x.directorateId === directorateId);
      return (family === 'foi' ? t?.foiPercent : t?.sarPercent) ?? DEFAULT_TARGET;
    };
    return {
      from,
      until: options.until,
      months,
      timeliness: timeliness({
        calendar,
        months,
        directorates: [...directorates, { id: null, name: 'Not allocated' }],
        responded,
        overdue,
        targetFor,
      }),
      trend: monthlyTrend(responded, months),
      ...tallies(responded, received),
      quarterly: quarterlyStatistics(responded, received),
    };
  }
}
