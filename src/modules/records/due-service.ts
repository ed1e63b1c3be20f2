import type { Page } from '../../platform/db/queries.ts';
import type { IsoDate } from '../../domain/calendar/dates.ts';
import type { RecordsDeps } from './commands/context.ts';
import type { LegalHoldsService } from './holds-service.ts';
import * as repo from './repository.ts';

/** What has reached the end of its retention, and what holds stand over it. */
export class DueRecordsService {
  constructor(
    private readonly deps: RecordsDeps,
    private readonly holds: LegalHoldsService,
  ) {}

  /** One page of the records due by a day, each with the holds over it. */
  async page(on: IsoDate, page: Page) {
    const { rows, total } = await repo.duePage(this.deps.db.orm, on, page);
    const held = await this.holds.holdsOf(rows);
    return { rows: rows.map((r) => ({ ...r, holds: held.get(r.id) ?? [] })), total };
  }

  /** Every record due by a day, in batches, each with the holds over it: for `custodian disposal due`. */
  async *all(on: IsoDate, batchSize = 1000) {
    for (let after = 0; ;) {
      const rows = await repo.dueAfter(this.deps.db.orm, on, after, batchSize);
      if (!rows.length) return;
      after = rows.at(-1)!.id;
      const held = await this.holds.holdsOf(rows);
      yield rows.map((r) => ({ ...r, holds: held.get(r.id) ?? [] }));
    }
  }
}
