import { and, gte, inArray, isNotNull, lte, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { countAll } from '../../platform/db/count.ts';
import { OPEN_STATUSES, WAITING_STATUSES } from '../../domain/requests/workflow.ts';
import type { IsoDate } from '../../domain/calendar/dates.ts';
import { requestCases } from './schema.ts';

/** The queries behind the requests reports. */

/** Cases responded to in a period, with what timeliness and outcome reports need. */
export function respondedBetween(db: Executor, from: IsoDate, until: IsoDate) {
  return db
    .select({
      type: requestCases.type,
      directorateId: requestCases.directorateId,
      clockStart: requestCases.clockStart,
      respondedOn: requestCases.respondedOn,
      dueOn: requestCases.dueOn,
      extended: requestCases.extended,
      outcome: requestCases.outcome,
      exemptions: requestCases.exemptions,
      reviewOutcome: requestCases.reviewOutcome,
      icoReference: requestCases.icoReference,
    })
    .from(requestCases)
    .where(
      and(
        isNotNull(requestCases.respondedOn),
        gte(requestCases.respondedOn, from),
        lte(requestCases.respondedOn, until),
      ),
    );
}

/** Requests received in a period, counted by type, channel and month. */
export function receivedByMonth(db: Executor, from: IsoDate, until: IsoDate) {
  return db
    .select({
      type: requestCases.type,
      channel: requestCases.channel,
      month: sql<string>`to_char(${requestCases.receivedOn}, 'YYYY-MM')`,
      n: countAll(),
    })
    .from(requestCases)
    .where(and(gte(requestCases.receivedOn, from), lte(requestCases.receivedOn, until)))
    .groupBy(requestCases.type, requestCases.channel, sql`3`);
}

/** Open cases past their date on a day (a case waiting on the requester has no date, so is not overdue). */
export function overdueOn(db: Executor, day: IsoDate) {
  return db
    .select({ directorateId: requestCases.directorateId, type: requestCases.type, dueOn: requestCases.dueOn })
    .from(requestCases)
    .where(
      and(
        inArray(requestCases.status, OPEN_STATUSES as string[]),
        notInArray(requestCases.status, [...WAITING_STATUSES]),
        sql`${requestCases.dueOn} < ${day}`,
      ),
    );
}
