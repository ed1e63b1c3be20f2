import { randomInt } from 'node:crypto';
import { runCommand } from '../../platform/commands.ts';
import type { Actor } from '../../platform/audit/service.ts';
import type { IsoDate } from '../../domain/calendar/dates.ts';
import { exactClassifier, folderClassifier } from '../../domain/records/classification.ts';
import { parseRetention, retentionUntil, type RetentionFrom } from '../../domain/records/retention.ts';
import type { Trigger } from '../../domain/records/schedule.ts';
import type { RecordsDeps } from './commands/context.ts';
import * as repo from './repository.ts';
import type { ScheduleClass, ScheduledRow } from './repository.ts';
import type { RecordSource } from './sources.ts';

/** Records read from a source and written to the schedule at a time. */
export const SCHEDULE_BATCH = 5000;

export interface ScheduleRunResult {
  source: string;
  /** Records the source holds. */
  read: number;
  /** Of those, on the schedule: in a class, with the date its rule runs from. */
  scheduled: number;
  /** In no class: no rule covers them yet. */
  unclassified: number;
  /** In a class whose rule runs from an event the record has no date for yet (a case not yet closed). */
  waiting: number;
  /** Taken off the schedule: gone from the source, or no longer in a class. */
  removed: number;
}

/**
 * A schedule run: every record of every source read, put in its class (the source's own, or by the rules for the
 * source), given its last day by the one retention function, and written in batches; records the source no longer
 * holds leave the schedule. Items on a disposal list or disposed of are never moved. Safe to stop and run again:
 * every step is idempotent, and the run is recorded in the audit trail when it finishes.
 */
export async function runSchedule(
  deps: RecordsDeps,
  actor: Actor,
  sources: readonly RecordSource[],
): Promise<ScheduleRunResult[]> {
  const db = deps.db.orm;
  const [classes, rules] = await Promise.all([repo.scheduleClasses(db), repo.classificationRulesOf(db)]);
  const byCode = new Map(classes.map((c) => [c.code, c]));
  const byId = new Map(classes.map((c) => [c.id, c]));
  const results: ScheduleRunResult[] = [];
  for (const source of sources) {
    const run = randomInt(1, 2 ** 31 - 1);
    const classify = classifierFor(source, rules, byId);
    const until = untilMemo();
    const result = { source: source.name, read: 0, scheduled: 0, unclassified: 0, waiting: 0, removed: 0 };
    const assigned = await repo.assignedClasses(db, source.name);
    for await (const batch of readingAhead(source.records(deps.db, SCHEDULE_BATCH))) {
      const rows: ScheduledRow[] = [];
      for (const record of batch) {
        const assignedId = assigned.get(`${record.scope}/${record.key}`);
        const c =
          (assignedId !== undefined ? byId.get(assignedId) : undefined) ??
          (source.fixedClass ? byCode.get(source.fixedClass) : classify(record.scope, record.selector));
        if (!c) {
          result.unclassified += 1;
          continue;
        }
        const triggerOn = record.dates[c.rule.trigger as Trigger];
        if (!triggerOn) {
          result.waiting += 1;
          continue;
        }
        rows.push({
          scope: record.scope,
          key: record.key,
          title: record.title,
          classId: c.id,
          classVersion: c.currentVersion,
          triggerOn,
          until: until(c, triggerOn),
          directorateId: record.directorateId,
          size: record.size,
          fingerprint: record.fingerprint,
        });
      }
      result.read += batch.length;
      result.scheduled += rows.length;
      await deps.db.orm.transaction(async (tx) => {
        await repo.scheduleBatch(tx, source.name, run, rows);
        await repo.markSeen(tx, source.name, run, rows);
      });
    }
    result.removed = await repo.unscheduleUnseen(db, source.name, run);
    results.push(result);
  }
  await runCommand(deps, actor, (_tx, audit) =>
    audit({ action: 'records.scheduled', entityType: 'retention-schedule', details: { sources: results } }),
  );
  return results;
}

/** A source's batches, the next one asked for while this one is written (on a server, over another connection). */
async function* readingAhead<T>(batches: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = batches[Symbol.asyncIterator]();
  for (let next = iterator.next(); ;) {
    const current = await next;
    if (current.done) return;
    next = iterator.next();
    yield current.value;
  }
}

/** Each record's class by its source's rules: folders for files, exact values for case types. */
function classifierFor(
  source: RecordSource,
  rules: Awaited<ReturnType<typeof repo.classificationRulesOf>>,
  byId: ReadonlyMap<number, ScheduleClass>,
): (scope: number, selector: string) => ScheduleClass | undefined {
  const byScope = new Map<number, (selector: string) => ScheduleClass | undefined>();
  const make = source.selectorMatch === 'folder' ? folderClassifier : exactClassifier;
  for (const scope of new Set(rules.filter((r) => r.source === source.name).map((r) => r.scope))) {
    const own = rules
      .filter((r) => r.source === source.name && r.scope === scope && byId.has(r.classId))
      .map((r) => ({ selector: r.selector, classId: byId.get(r.classId)! }));
    byScope.set(scope, make(own));
  }
  return (scope, selector) => byScope.get(scope)?.(selector);
}

/** The last day for a class and trigger date, worked out once for every record sharing them. */
function untilMemo() {
  const memo = new Map<string, IsoDate | null>();
  return (c: ScheduleClass, trigger: IsoDate) => {
    const key = `${c.id}|${trigger}`;
    let until = memo.get(key);
    if (until === undefined) {
      until = retentionUntil({
        trigger,
        retention: parseRetention(c.rule.period),
        from: c.rule.from as RetentionFrom,
      });
      memo.set(key, until);
    }
    return until;
  };
}
