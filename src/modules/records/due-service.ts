import type { Page } from '../../platform/db/queries.ts';
import type { IsoDate } from '../../domain/calendar/dates.ts';
import type { RecordsDeps } from './commands/context.ts';
import type { LegalHoldsService } from './holds-service.ts';
import * as holdsRepo from './holds-repository.ts';
import * as dueRepo from './due-repository.ts';
import { addCalendarMonths } from '../../domain/calendar/dates.ts';

const AGE_BANDS = [
  { key: 'under-1', name: 'Less than a year' },
  { key: '1-2', name: '1 to 2 years' },
  { key: '2-5', name: '2 to 5 years' },
  { key: 'over-5', name: 'More than 5 years' },
];

/** What has reached the end of its retention, and what holds stand over it. */
export class DueRecordsService {
  constructor(
    private readonly deps: RecordsDeps,
    private readonly holds: LegalHoldsService,
  ) {}

  /** One page of the records due by a day, each with the holds over it. */
  async page(on: IsoDate, page: Page) {
    const { rows, total } = await dueRepo.duePage(this.deps.db.orm, on, page);
    const held = await this.holds.holdsOf(rows);
    return { rows: rows.map((r) => ({ ...r, holds: held.get(r.id) ?? [] })), total };
  }

  /**
   * The backlog on a day: records past their date and not disposed of, by directorate, class and how long overdue;
   * records disposed of in each of the last twelve months; and each standing hold with the records it covers.
   */
  async backlog(on: IsoDate) {
    const db = this.deps.db.orm;
    const from = `${addCalendarMonths(`${on.slice(0, 7)}-01`, -11)}`;
    const [groups, disposed, directorates, holds] = await Promise.all([
      dueRepo.backlog(db, on),
      dueRepo.disposedByMonth(db, from),
      this.deps.organisation.directorates(),
      holdsRepo.holds(db, { standing: true }),
    ]);
    const months = Array.from({ length: 12 }, (_, i) => addCalendarMonths(from, i).slice(0, 7));
    const names = new Map(directorates.map((d) => [d.id, d.name]));
    return {
      byDirectorate: groups.byDirectorate
        .map((g) => ({ ...g, name: g.key === null ? 'No owner' : (names.get(Number(g.key)) ?? 'No owner') }))
        .sort((a, b) => b.n - a.n),
      byClass: groups.byClass.sort((a, b) => b.n - a.n),
      byAge: AGE_BANDS.map((band) => ({ ...band, n: groups.byAge.find((g) => g.key === band.key)?.n ?? 0 })),
      disposed: months.map((month) => ({ month, n: disposed.find((d) => d.month === month)?.n ?? 0 })),
      holds: await Promise.all(
        holds.map(async (h) => ({ ...h, records: await holdsRepo.countHeldBy(db, h.id) })),
      ),
    };
  }

  /** Every record due by a day, in batches, each with the holds over it: for `custodian disposal due`. */
  async *all(on: IsoDate, batchSize = 1000) {
    for (let after = 0; ;) {
      const rows = await dueRepo.dueAfter(this.deps.db.orm, on, after, batchSize);
      if (!rows.length) return;
      after = rows.at(-1)!.id;
      const held = await this.holds.holdsOf(rows);
      yield rows.map((r) => ({ ...r, holds: held.get(r.id) ?? [] }));
    }
  }
}
