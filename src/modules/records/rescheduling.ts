import type { IsoDate } from '../../domain/calendar/dates.ts';
import { formatRetention, retentionUntil } from '../../domain/records/retention.ts';
import type { ScheduleRow } from '../../domain/records/schedule.ts';

/** A class's scheduled records, grouped by trigger date and last day (repository.scheduledDatesOfClass). */
export interface ScheduledDates {
  triggerOn: IsoDate;
  until: IsoDate | null;
  n: number;
}

/**
 * What a change of rule does to a class's scheduled records, worked out from their dates alone: the new last day of
 * each trigger date, and how many records change, become disposable now, stop being disposable or become permanent.
 * When the rule now runs from another event, the records' dates for it are in their sources: the scheduler reads them.
 */
export function rescheduling(
  dates: readonly ScheduledDates[],
  before: { trigger: string; period: string; from: string },
  after: Pick<ScheduleRow, 'trigger' | 'retention' | 'from'>,
  today?: IsoDate,
) {
  const records = dates.reduce((n, d) => n + d.n, 0);
  const inPlace = before.trigger === after.trigger;
  const untilByTrigger = new Map<IsoDate, IsoDate | null>();
  let changed = 0;
  let nowDisposable = 0;
  let noLongerDisposable = 0;
  if (inPlace)
    for (const d of dates) {
      if (!untilByTrigger.has(d.triggerOn))
        untilByTrigger.set(
          d.triggerOn,
          retentionUntil({ trigger: d.triggerOn, retention: after.retention, from: after.from }),
        );
      const until = untilByTrigger.get(d.triggerOn)!;
      if (until === d.until) continue;
      changed += d.n;
      if (today === undefined) continue;
      const was = d.until !== null && d.until < today;
      const is = until !== null && until < today;
      if (is && !was) nowDisposable += d.n;
      if (was && !is) noLongerDisposable += d.n;
    }
  return {
    records,
    inPlace,
    untilByTrigger,
    changed,
    nowDisposable,
    noLongerDisposable,
    periodChanged: before.period !== formatRetention(after.retention) || before.from !== after.from,
  };
}

export type Rescheduling = ReturnType<typeof rescheduling>;
