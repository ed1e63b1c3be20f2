import {
  and,
  asc,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  isNull,
  lte,
  notInArray,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { containing, paged, updateVersioned, type Page } from '../../platform/db/queries.ts';
import {
  formatReference,
  OPEN_STATUSES,
  WAITING_STATUSES,
  type CaseStatus,
  type CaseType,
} from '../../domain/requests/workflow.ts';
import type { IsoDate } from '../../domain/calendar/dates.ts';
import {
  requestAttachments,
  requestCases,
  requestContributions,
  requestSequences,
  sarDisclosures,
  sarSearches,
  sarSystems,
} from './schema.ts';

/**
 * The queries on cases, contributions, SAR searches, attachments and the disclosure log; the settings' are in
 * settings-repository.ts, the reports' in reports-repository.ts. Nothing else in the module writes SQL; reads of other
 * tables go through their owners (identity through the platform's services).
 */

export type RequestCase = typeof requestCases.$inferSelect;
export type NewRequestCase = typeof requestCases.$inferInsert;

const CONFLICT =
  'Someone else changed this case while you were working on it. Nothing has been saved: reload the case and try again.';

// ---------- cases ----------

export async function findCase(db: Executor, id: number): Promise<RequestCase | undefined> {
  const [c] = await db.select().from(requestCases).where(eq(requestCases.id, id));
  return c;
}

/** The case, locked until the transaction ends, so two actions on it are taken one after the other. */
export async function findCaseForUpdate(db: Executor, id: number): Promise<RequestCase | undefined> {
  const [c] = await db.select().from(requestCases).where(eq(requestCases.id, id)).for('update');
  return c;
}

export async function insertCase(db: Executor, values: NewRequestCase): Promise<RequestCase> {
  const [row] = await db.insert(requestCases).values(values).returning();
  return row!;
}

/** Saves changes to a case read at `c.version`; someone else's save in between is a ConflictError. */
export function updateCase(
  db: Executor,
  c: { id: number; version: number },
  changes: Partial<NewRequestCase>,
  now: Date,
): Promise<RequestCase> {
  return updateVersioned(db, requestCases, c, changes, now, CONFLICT);
}

/** The next reference for a type and year (FOI-2026-00042), from a counter that never hands out one twice. */
export async function nextReference(db: Executor, type: CaseType, year: number): Promise<string> {
  const prefix = formatReference(type, year, 0).split('-')[0]!;
  const [row] = await db
    .insert(requestSequences)
    .values({ prefix, year, last: 1 })
    .onConflictDoUpdate({
      target: [requestSequences.prefix, requestSequences.year],
      set: { last: sql`${requestSequences.last} + 1` },
    })
    .returning({ last: requestSequences.last });
  return formatReference(type, year, row!.last);
}

export async function typeOfCase(db: Executor, id: number): Promise<CaseType | undefined> {
  const [row] = await db
    .select({ type: requestCases.type })
    .from(requestCases)
    .where(eq(requestCases.id, id));
  return row?.type as CaseType | undefined;
}

export function reviewsOf(db: Executor, caseId: number) {
  return db
    .select()
    .from(requestCases)
    .where(eq(requestCases.reviewOf, caseId))
    .orderBy(asc(requestCases.id));
}

export interface CaseListCriteria {
  /** Directorates the caller may see, or every one. */
  scope: 'all' | number[];
  view?: 'all' | 'mine' | 'team' | 'due-soon' | 'overdue' | 'open';
  type?: CaseType;
  status?: CaseStatus;
  directorateId?: number;
  q?: string;
  /** The caller, for "mine", and their teams, for "team". */
  userId: number;
  teamIds: number[];
  today: IsoDate;
  dueSoonUntil: IsoDate;
}

function caseListWhere(f: CaseListCriteria): SQL | undefined {
  const conditions: SQL[] = [];
  if (f.scope !== 'all')
    conditions.push(f.scope.length ? inArray(requestCases.directorateId, f.scope) : sql`false`);
  const open = inArray(requestCases.status, OPEN_STATUSES as CaseStatus[]);
  // A case waiting on the requester has no date to respond by: it is neither due soon nor overdue.
  const running = notInArray(requestCases.status, [...WAITING_STATUSES]);
  switch (f.view) {
    case 'mine':
      conditions.push(eq(requestCases.assigneeId, f.userId), open);
      break;
    case 'team':
      conditions.push(f.teamIds.length ? inArray(requestCases.teamId, f.teamIds) : sql`false`, open);
      break;
    case 'due-soon':
      conditions.push(
        open,
        running,
        gte(requestCases.dueOn, f.today),
        lte(requestCases.dueOn, f.dueSoonUntil),
      );
      break;
    case 'overdue':
      conditions.push(open, running, sql`${requestCases.dueOn} < ${f.today}`);
      break;
    case 'open':
      conditions.push(open);
      break;
  }
  if (f.type) conditions.push(eq(requestCases.type, f.type));
  if (f.status) conditions.push(eq(requestCases.status, f.status));
  if (f.directorateId) conditions.push(eq(requestCases.directorateId, f.directorateId));
  if (f.q) {
    const like = containing(f.q);
    conditions.push(or(ilike(requestCases.reference, like), ilike(requestCases.subject, like))!);
  }
  return conditions.length ? and(...conditions) : undefined;
}

/** A page of cases, soonest due first, and how many match. */
export function listCases(db: Executor, criteria: CaseListCriteria, page: Page) {
  const where = caseListWhere(criteria);
  return paged(db, requestCases, where, () =>
    db
      .select({
        id: requestCases.id,
        reference: requestCases.reference,
        type: requestCases.type,
        status: requestCases.status,
        subject: requestCases.subject,
        receivedOn: requestCases.receivedOn,
        dueOn: requestCases.dueOn,
        directorateId: requestCases.directorateId,
        assigneeId: requestCases.assigneeId,
      })
      .from(requestCases)
      .where(where)
      .orderBy(asc(requestCases.dueOn), asc(requestCases.id))
      .limit(page.limit)
      .offset(page.offset),
  );
}

// ---------- contributions from services ----------

export function contributionsOf(db: Executor, caseId: number) {
  return db
    .select()
    .from(requestContributions)
    .where(eq(requestContributions.caseId, caseId))
    .orderBy(asc(requestContributions.id));
}

export async function insertContribution(
  db: Executor,
  values: { caseId: number; teamId: number; note: string; requestedOn: IsoDate; dueOn: IsoDate },
): Promise<number> {
  const [row] = await db
    .insert(requestContributions)
    .values(values)
    .returning({ id: requestContributions.id });
  return row!.id;
}

/** Marks an outstanding contribution of this case received; false when there is none such. */
export async function markContributionReceived(
  db: Executor,
  caseId: number,
  contributionId: number,
  on: IsoDate,
): Promise<boolean> {
  const done = await db
    .update(requestContributions)
    .set({ receivedOn: on })
    .where(
      and(
        eq(requestContributions.id, contributionId),
        eq(requestContributions.caseId, caseId),
        isNull(requestContributions.receivedOn),
      ),
    )
    .returning({ id: requestContributions.id });
  return done.length > 0;
}

// ---------- a subject access request's searches and disclosures ----------

export function searchesOf(db: Executor, caseId: number) {
  return db
    .select({
      id: sarSearches.id,
      system: sarSystems.name,
      searchedOn: sarSearches.searchedOn,
      found: sarSearches.found,
      notes: sarSearches.notes,
    })
    .from(sarSearches)
    .innerJoin(sarSystems, eq(sarSystems.id, sarSearches.systemId))
    .where(eq(sarSearches.caseId, caseId))
    .orderBy(asc(sarSearches.id));
}

export async function insertSearch(db: Executor, values: typeof sarSearches.$inferInsert): Promise<void> {
  await db.insert(sarSearches).values(values);
}

export function disclosuresOf(db: Executor, caseId: number) {
  return db
    .select()
    .from(sarDisclosures)
    .where(eq(sarDisclosures.caseId, caseId))
    .orderBy(asc(sarDisclosures.id));
}

export async function insertDisclosure(
  db: Executor,
  values: typeof sarDisclosures.$inferInsert,
): Promise<void> {
  await db.insert(sarDisclosures).values(values);
}

// ---------- attachments ----------

export function attachmentsOf(db: Executor, caseId: number) {
  return db
    .select()
    .from(requestAttachments)
    .where(eq(requestAttachments.caseId, caseId))
    .orderBy(asc(requestAttachments.id));
}

export async function insertAttachment(
  db: Executor,
  values: typeof requestAttachments.$inferInsert,
): Promise<number> {
  const [row] = await db.insert(requestAttachments).values(values).returning({ id: requestAttachments.id });
  return row!.id;
}

export async function findAttachment(db: Executor, caseId: number, attachmentId: number, publicOnly = false) {
  const [row] = await db
    .select()
    .from(requestAttachments)
    .where(
      and(
        eq(requestAttachments.caseId, caseId),
        eq(requestAttachments.id, attachmentId),
        publicOnly ? eq(requestAttachments.public, true) : undefined,
      ),
    );
  return row;
}

export function publicAttachmentsOf(db: Executor, caseId: number) {
  return db
    .select({
      id: requestAttachments.id,
      filename: requestAttachments.filename,
      size: requestAttachments.size,
      mediaType: requestAttachments.mediaType,
    })
    .from(requestAttachments)
    .where(and(eq(requestAttachments.caseId, caseId), eq(requestAttachments.public, true)))
    .orderBy(asc(requestAttachments.id));
}

// ---------- the disclosure log: only what officers chose to publish, never the requester ----------

export function disclosureLog(db: Executor, q: string | undefined, page: Page) {
  const conditions: SQL[] = [eq(requestCases.published, true)];
  if (q) {
    const like = containing(q);
    conditions.push(
      or(
        ilike(requestCases.publishedTitle, like),
        ilike(requestCases.publishedResponse, like),
        ilike(requestCases.reference, like),
      )!,
    );
  }
  const where = and(...conditions);
  return paged(db, requestCases, where, () =>
    db
      .select({
        id: requestCases.id,
        reference: requestCases.reference,
        type: requestCases.type,
        title: requestCases.publishedTitle,
        publishedOn: requestCases.publishedOn,
        outcome: requestCases.outcome,
      })
      .from(requestCases)
      .where(where)
      .orderBy(desc(requestCases.publishedOn), desc(requestCases.id))
      .limit(page.limit)
      .offset(page.offset),
  );
}

export async function publishedEntry(db: Executor, reference: string) {
  const [row] = await db
    .select({
      id: requestCases.id,
      reference: requestCases.reference,
      type: requestCases.type,
      title: requestCases.publishedTitle,
      response: requestCases.publishedResponse,
      publishedOn: requestCases.publishedOn,
      outcome: requestCases.outcome,
      exemptions: requestCases.exemptions,
      receivedOn: requestCases.receivedOn,
      respondedOn: requestCases.respondedOn,
    })
    .from(requestCases)
    .where(and(eq(requestCases.reference, reference), eq(requestCases.published, true)));
  return row;
}
