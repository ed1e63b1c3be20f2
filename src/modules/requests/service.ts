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
import { z } from 'zod';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import type { CalendarService } from '../../platform/calendar/service.ts';
import { teamMembers } from '../../platform/identity/schema.ts';
import type { MailService } from '../../platform/mail/service.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  runCommand,
  ValidationError,
  type Audit,
} from '../../platform/commands.ts';
import { can, scopeOf } from '../../platform/authz/policy.ts';
import type { Principal } from '../../platform/authz/roles.ts';
import { computeDeadline, DeadlineInputError, type Deadline } from '../../domain/requests/deadlines.ts';
import type { HolidayCalendar, Nation } from '../../domain/calendar/bank-holidays.ts';
import { isIsoDate, type IsoDate } from '../../domain/calendar/dates.ts';
import { outcomeProblems, parsePounds, type Outcome } from '../../domain/requests/outcomes.ts';
import { findExemption } from '../../domain/requests/exemptions.ts';
import {
  ALLOCATION_TARGET_WORKING_DAYS,
  canTake,
  DRAFT_TARGET_WORKING_DAYS,
  deadlineKindOf,
  formatReference,
  isWhatDoTheyKnowAddress,
  OPEN_STATUSES,
  regimeOf,
  replySubject,
  RIGHTS_TYPES,
  STATUS_NAMES,
  WAITING_STATUSES,
  clockEffect,
  type CaseAction,
  type CaseStatus,
  type CaseType,
  type StopReason,
} from '../../domain/requests/workflow.ts';
import {
  requestCases,
  requestContributions,
  requestSequences,
  sarDisclosures,
  sarSearches,
  sarSystems,
} from './schema.ts';
import { LETTER_TOPICS, renderLetter, type LetterName } from './letters.ts';
import { canManageCase, canTakeAction, canViewCase } from './policy.ts';
import type { NewCase } from './schemas.ts';
import { countWhere } from '../../platform/db/count.ts';
import type { AttentionItem } from '../../platform/modules.ts';
import { parseId } from '../../platform/validation.ts';
import { REQUESTS } from './permissions.ts';

export type RequestCase = typeof requestCases.$inferSelect;
/** A stretch of days that do not count: [from, to (null while it lasts), why]. Older rows have no reason (a fee). */
export type Pause = [IsoDate, IsoDate | null, StopReason?];

export interface RequestsDeps {
  db: Database;
  clock: Clock;
  calendar: CalendarService;
  mail: MailService;
  audit: AuditService;
  councilName: string;
  nation: Nation;
  /** Working days to answer press and general enquiries (a local target, not law). */
  enquiryTargetDays: number;
}

export interface CaseListFilter {
  view?: 'all' | 'mine' | 'team' | 'due-soon' | 'overdue' | 'open';
  type?: CaseType;
  status?: CaseStatus;
  directorateId?: number;
  q?: string;
}

/** London's calendar date today, as the statutory clock counts it. */
function today(clock: Clock): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(clock.now());
}

/**
 * FOI, EIR and subject access casework. Each action is one command: it checks the case may take it, validates,
 * recomputes the deadlines from the clock, writes, queues any letter and audits, all in one transaction, and refuses
 * a save made from a stale copy of the case.
 */
export class RequestsService {
  constructor(private readonly deps: RequestsDeps) {}

  today(): IsoDate {
    return today(this.deps.clock);
  }

  // ---------- intake ----------

  async create(actor: Actor, input: NewCase, options: { acknowledge?: boolean } = {}): Promise<RequestCase> {
    const calendar = await this.deps.calendar.current();
    const now = this.today();
    if (input.receivedOn > now)
      throw new ValidationError('The date received cannot be in the future', {
        receivedOn: 'The date received cannot be in the future',
      });
    return runCommand(this.deps, actor, async (tx, audit) => {
      let reviewed: RequestCase | undefined;
      if (input.type === 'internal-review') {
        if (!input.reviewOf)
          throw new ValidationError('Say which case is being reviewed', {
            reviewOf: 'Say which case is being reviewed',
          });
        [reviewed] = await tx.select().from(requestCases).where(eq(requestCases.id, input.reviewOf));
        if (!reviewed)
          throw new ValidationError('The case to review does not exist', {
            reviewOf: 'The case to review does not exist',
          });
      }
      const reference = await this.nextReference(tx, input.type, Number(input.receivedOn.slice(0, 4)));
      const wdtk = isWhatDoTheyKnowAddress(input.requesterEmail);
      const deadlines = this.deadlines(
        calendar,
        {
          type: input.type,
          extended: false,
          clockStart: input.receivedOn,
          receivedOn: input.receivedOn,
          pauses: [],
        },
        reviewed?.type as CaseType,
      );
      const [row] = await tx
        .insert(requestCases)
        .values({
          reference,
          type: input.type,
          status: 'received',
          channel: wdtk ? 'whatdotheyknow' : input.channel,
          subject: input.subject,
          description: input.description,
          requesterName: input.requesterName,
          requesterEmail: input.requesterEmail || null,
          requesterAddress: input.requesterAddress || null,
          whatDoTheyKnow: wdtk,
          pressInterest: input.pressInterest ?? false,
          receivedOn: input.receivedOn,
          clockStart: input.receivedOn,
          ...deadlines,
          directorateId: reviewed?.directorateId ?? null,
          reviewOf: reviewed?.id ?? null,
        })
        .returning();
      const c = row!;
      await audit({
        action: 'request.created',
        entityType: 'request-case',
        entityId: c.id,
        details: {
          reference,
          type: c.type,
          channel: c.channel,
          dueOn: c.dueOn,
          calendarVersion: c.calendarVersion,
        },
      });
      if (options.acknowledge && c.requesterEmail)
        return this.transition(
          tx,
          audit,
          c,
          'acknowledge',
          { status: 'acknowledged' },
          { letter: 'acknowledgement' },
        );
      return c;
    });
  }

  private async nextReference(tx: Executor, type: CaseType, year: number): Promise<string> {
    const prefix = formatReference(type, year, 0).split('-')[0]!;
    const [row] = await tx
      .insert(requestSequences)
      .values({ prefix, year, last: 1 })
      .onConflictDoUpdate({
        target: [requestSequences.prefix, requestSequences.year],
        set: { last: sql`${requestSequences.last} + 1` },
      })
      .returning({ last: requestSequences.last });
    return formatReference(type, year, row!.last);
  }

  // ---------- reading ----------

  /** A case the principal may see; the view is audited, since every case holds the requester's personal data. */
  async view(principal: Principal, actor: Actor, id: number): Promise<RequestCase> {
    const c = await this.find(id);
    if (!c || !canViewCase(principal, c)) throw new NotFoundError('No such case');
    await this.deps.audit.recordView(actor, {
      action: RIGHTS_TYPES.has(c.type as CaseType) ? 'request.sar-viewed' : 'request.viewed',
      entityType: 'request-case',
      entityId: id,
    });
    return c;
  }

  async find(id: number): Promise<RequestCase | undefined> {
    const [c] = await this.deps.db.orm.select().from(requestCases).where(eq(requestCases.id, id));
    return c;
  }

  async list(principal: Principal, filter: CaseListFilter, page: { limit: number; offset: number }) {
    const now = this.today();
    const dueSoonUntil = computeDeadline(await this.deps.calendar.current(), {
      kind: 'foi',
      received: now,
      workingDays: 5,
    }).due;
    const where = this.listWhere(principal, filter, now, dueSoonUntil);
    const [rows, total] = await Promise.all([
      this.deps.db.orm
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
      countWhere(this.deps.db.orm, requestCases, where),
    ]);
    return { rows, total };
  }

  private listWhere(
    principal: Principal,
    f: CaseListFilter,
    now: IsoDate,
    dueSoonUntil: IsoDate,
  ): SQL | undefined {
    const conditions: SQL[] = [];
    const scope = scopeOf(principal, REQUESTS.view);
    if (scope !== 'all')
      conditions.push(scope.length ? inArray(requestCases.directorateId, scope) : sql`false`);
    const open = inArray(requestCases.status, OPEN_STATUSES as CaseStatus[]);
    // A case waiting on the requester has no date to respond by: it is neither due soon nor overdue.
    const running = notInArray(requestCases.status, [...WAITING_STATUSES]);
    switch (f.view) {
      case 'mine':
        conditions.push(eq(requestCases.assigneeId, principal.id), open);
        break;
      case 'team': {
        const myTeams = this.deps.db.orm
          .select({ id: teamMembers.teamId })
          .from(teamMembers)
          .where(eq(teamMembers.userId, principal.id));
        conditions.push(inArray(requestCases.teamId, myTeams), open);
        break;
      }
      case 'due-soon':
        conditions.push(open, running, gte(requestCases.dueOn, now), lte(requestCases.dueOn, dueSoonUntil));
        break;
      case 'overdue':
        conditions.push(open, running, sql`${requestCases.dueOn} < ${now}`);
        break;
      case 'open':
        conditions.push(open);
        break;
    }
    if (f.type) conditions.push(eq(requestCases.type, f.type));
    if (f.status) conditions.push(eq(requestCases.status, f.status));
    if (f.directorateId) conditions.push(eq(requestCases.directorateId, f.directorateId));
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      conditions.push(or(ilike(requestCases.reference, like), ilike(requestCases.subject, like))!);
    }
    return conditions.length ? and(...conditions) : undefined;
  }

  /** Counts for the home page: what needs this officer's attention. */
  async attention(principal: Principal): Promise<AttentionItem[]> {
    if (!can(principal, REQUESTS.view)) return [];
    const count = async (filter: CaseListFilter) =>
      (await this.list(principal, filter, { limit: 1, offset: 0 })).total;
    const items: AttentionItem[] = [
      {
        count: await count({ view: 'mine' }),
        one: 'of your cases is open',
        other: 'of your cases are open',
        href: '/requests?view=mine',
      },
      {
        count: await count({ view: 'due-soon' }),
        one: 'case is due in the next 5 working days',
        other: 'cases are due in the next 5 working days',
        href: '/requests?view=due-soon',
      },
      {
        count: await count({ view: 'overdue' }),
        one: 'case is overdue',
        other: 'cases are overdue',
        href: '/requests?view=overdue',
      },
    ];
    if (can(principal, REQUESTS.approve) || can(principal, REQUESTS.approveRights)) {
      items.push({
        count: await count({ view: 'open', status: 'approval' }),
        one: 'response is waiting for approval',
        other: 'responses are waiting for approval',
        href: '/requests?view=open&status=approval',
      });
    }
    return items;
  }

  contributions(caseId: number) {
    return this.deps.db.orm
      .select()
      .from(requestContributions)
      .where(eq(requestContributions.caseId, caseId))
      .orderBy(asc(requestContributions.id));
  }

  searches(caseId: number) {
    return this.deps.db.orm
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

  disclosures(caseId: number) {
    return this.deps.db.orm
      .select()
      .from(sarDisclosures)
      .where(eq(sarDisclosures.caseId, caseId))
      .orderBy(asc(sarDisclosures.id));
  }

  systems() {
    return this.deps.db.orm
      .select()
      .from(sarSystems)
      .where(eq(sarSystems.active, true))
      .orderBy(asc(sarSystems.name));
  }

  reviewsOf(caseId: number) {
    return this.deps.db.orm
      .select()
      .from(requestCases)
      .where(eq(requestCases.reviewOf, caseId))
      .orderBy(asc(requestCases.id));
  }

  // ---------- the clock ----------

  /** All three deadlines from the clock fields, with the calendar they came from. */
  private deadlines(
    calendar: HolidayCalendar,
    c: { type: string; extended: boolean; clockStart: IsoDate; receivedOn: IsoDate; pauses: Pause[] },
    reviewedType?: CaseType,
  ) {
    const closed = c.pauses.flatMap(([from, to]): [IsoDate, IsoDate][] => (to === null ? [] : [[from, to]]));
    const compute = (input: Parameters<typeof computeDeadline>[1]): Deadline => {
      try {
        return computeDeadline(calendar, input);
      } catch (error) {
        if (error instanceof DeadlineInputError) throw new ValidationError(error.message);
        throw error;
      }
    };
    const base = {
      received: c.receivedOn,
      restarted: c.clockStart === c.receivedOn ? undefined : c.clockStart,
      nation: this.deps.nation,
    };
    const kind = deadlineKindOf(c.type as CaseType, c.extended, reviewedType);
    const enquiry = kind === 'enquiry' ? { workingDays: this.deps.enquiryTargetDays } : {};
    const final = compute({ ...base, kind, paused: closed, ...enquiry });
    const target = (workingDays: number) =>
      compute({ ...base, kind: 'foi', workingDays, paused: closed }).due;
    return {
      dueOn: final.due,
      calendarVersion: final.calendarVersion,
      allocationDueOn: target(ALLOCATION_TARGET_WORKING_DAYS),
      draftDueOn: target(DRAFT_TARGET_WORKING_DAYS),
    };
  }

  // ---------- actions ----------

  /**
   * Applies a change to a case in one transaction: the status check, the optimistic version check, the write, the
   * letter and the audit event.
   */
  private async transition(
    tx: Executor,
    audit: Audit,
    c: RequestCase,
    action: CaseAction | 'log-search' | 'record-disclosure' | 'internal-review',
    changes: Partial<typeof requestCases.$inferInsert>,
    options: {
      letter?: LetterName;
      letterExtra?: Record<string, unknown>;
      details?: Record<string, unknown>;
    } = {},
  ): Promise<RequestCase> {
    const [updated] = await tx
      .update(requestCases)
      .set({ ...changes, version: sql`${requestCases.version} + 1`, updatedAt: this.deps.clock.now() })
      .where(and(eq(requestCases.id, c.id), eq(requestCases.version, c.version)))
      .returning();
    if (!updated)
      throw new ConflictError(
        'Someone else changed this case while you were working on it. Nothing has been saved: reload the case and try again.',
      );
    if (options.letter && updated.requesterEmail) {
      // An internal review writes in the reviewed request's law.
      const [reviewed] = c.reviewOf
        ? await tx
            .select({ type: requestCases.type })
            .from(requestCases)
            .where(eq(requestCases.id, c.reviewOf))
        : [];
      const body = renderLetter(options.letter, updated, {
        councilName: this.deps.councilName,
        reviewedType: reviewed?.type as CaseType | undefined,
        ...options.letterExtra,
      });
      await this.deps.mail.queue(tx, {
        to: updated.requesterEmail,
        subject: replySubject(updated, LETTER_TOPICS[options.letter]),
        body,
        entityType: 'request-case',
        entityId: updated.id,
      });
    }
    await audit({
      action: `request.${action}`,
      entityType: 'request-case',
      entityId: c.id,
      details: {
        from: c.status,
        to: updated.status,
        ...(options.letter ? { letter: options.letter } : {}),
        ...options.details,
      },
    });
    return updated;
  }

  /**
   * Loads the case for an action, checking the principal may act on it (a case they cannot see does not exist for
   * them; one they can see but not change is refused with 403), the version and the status.
   */
  private async forAction(
    tx: Executor,
    principal: Principal,
    id: number,
    version: number,
    action: CaseAction | null,
  ): Promise<RequestCase> {
    const [c] = await tx.select().from(requestCases).where(eq(requestCases.id, id)).for('update');
    if (!c || !canViewCase(principal, c)) throw new NotFoundError('No such case');
    if (action ? !canTakeAction(principal, c, action) : !canManageCase(principal, c))
      throw new ForbiddenError(
        action !== 'approve' && action !== 'return-for-redraft'
          ? 'You cannot make this change to this case'
          : RIGHTS_TYPES.has(c.type as CaseType)
            ? 'Only the data protection officer can approve a data-protection rights response'
            : 'Only an IG officer or the DPO can approve a response',
      );
    if (c.version !== version)
      throw new ConflictError(
        'Someone else changed this case while you were working on it. Nothing has been saved: reload the case and try again.',
      );
    if (action && !canTake(action, c.status as CaseStatus)) {
      throw new ValidationError(
        `This case is “${STATUS_NAMES[c.status as CaseStatus]}”, so it cannot take “${action.replace(/-/g, ' ')}” now`,
      );
    }
    return c;
  }

  async act(
    principal: Principal,
    actor: Actor,
    id: number,
    version: number,
    action: CaseAction,
    input: Record<string, unknown>,
  ): Promise<RequestCase> {
    const calendar = await this.deps.calendar.current();
    const now = this.today();
    return runCommand(this.deps, actor, async (tx, audit) => {
      const c = await this.forAction(tx, principal, id, version, action);
      const type = c.type as CaseType;
      const regime = regimeOf(type);
      const pauses = (c.pauses as Pause[]) ?? [];
      const reviewedType = c.reviewOf
        ? ((
            await tx
              .select({ type: requestCases.type })
              .from(requestCases)
              .where(eq(requestCases.id, c.reviewOf))
          )[0]?.type as CaseType)
        : undefined;
      const recompute = (fields: { extended?: boolean; clockStart?: IsoDate; pauses?: Pause[] }) =>
        this.deadlines(
          calendar,
          {
            type,
            extended: fields.extended ?? c.extended,
            clockStart: fields.clockStart ?? c.clockStart,
            receivedOn: c.receivedOn,
            pauses: fields.pauses ?? pauses,
          },
          reviewedType,
        );
      const note = text(input.note);
      const date = (field: string) => pastOrToday(input[field], field, c.receivedOn, now);
      switch (action) {
        case 'acknowledge':
          return this.transition(
            tx,
            audit,
            c,
            action,
            { status: 'acknowledged' },
            { letter: 'acknowledgement' },
          );
        case 'request-clarification': {
          requireText(note, 'note', 'Say what the requester needs to clarify');
          // A SAR's clock pauses from today, the day the council asks; FOI and EIR clocks restart on the answer.
          const pause = clockEffect(type, 'clarification') === 'pause';
          return this.transition(
            tx,
            audit,
            c,
            action,
            {
              status: 'awaiting-clarification',
              stoppedFor: 'clarification',
              ...(pause ? { pauses: [...pauses, [now, null, 'clarification']] } : {}),
            },
            {
              letter: 'clarification',
              letterExtra: { note, pause },
              details: { clock: pause ? 'paused' : 'stopped' },
            },
          );
        }
        case 'request-identity':
          if (!RIGHTS_TYPES.has(type))
            throw new ValidationError('Only data-protection rights requests need proof of identity');
          requireText(note, 'note', 'Say what proof of identity is needed');
          return this.transition(
            tx,
            audit,
            c,
            action,
            { status: 'awaiting-identity', stoppedFor: 'identity' },
            { letter: 'identity', letterExtra: { note } },
          );
        case 'issue-fee-notice': {
          if (type === 'press' || type === 'enquiry') throw new ValidationError('Enquiries carry no fee');
          const amount = parsePounds(text(input.amount)) ?? Number.NaN;
          if (!(amount > 0 && amount <= 100_000))
            throw new ValidationError('Enter the fee in pounds', {
              amount: 'Enter the fee in pounds, for example 25.00',
            });
          const from = date('from');
          // FOI and EIR clocks pause until the fee arrives; a SAR's month starts again on the day it arrives.
          const pause = clockEffect(type, 'fee') === 'pause';
          return this.transition(
            tx,
            audit,
            c,
            action,
            {
              status: 'awaiting-fee',
              stoppedFor: 'fee',
              ...(pause ? { pauses: [...pauses, [from, null, 'fee']] } : {}),
            },
            {
              letter: 'fees',
              letterExtra: { amount: amount.toFixed(2), from, note, pause },
              details: { amount, clock: pause ? 'paused' : 'stopped' },
            },
          );
        }
        case 'resume-clock': {
          const on = date('on');
          const back: CaseStatus = c.directorateId ? 'allocated' : 'acknowledged';
          const reason: StopReason =
            (c.stoppedFor as StopReason | null) ??
            (c.status === 'awaiting-fee'
              ? 'fee'
              : c.status === 'awaiting-identity'
                ? 'identity'
                : 'clarification');
          const open = pauses.at(-1);
          if (open && open[1] === null) {
            // A pause: the days from the notice or question to the answer, both included, do not count.
            if (on < open[0]) {
              const message =
                reason === 'fee'
                  ? 'The fee cannot arrive before the notice was given'
                  : 'The answer cannot arrive before the council asked for it';
              throw new ValidationError(message, { on: message });
            }
            const closed: Pause[] = [...pauses.slice(0, -1), [open[0], on, open[2] ?? reason]];
            return this.transition(
              tx,
              audit,
              c,
              action,
              { status: back, stoppedFor: null, pauses: closed, ...recompute({ pauses: closed }) },
              { details: { paused: [open[0], on], reason } },
            );
          }
          // A restart: the clock starts again from the day the answer, proof of identity or fee arrived. (A case
          // stopped before pauses were recorded for it keeps that history: it restarts as it was told it would.)
          if (c.status === 'awaiting-identity')
            requireText(text(input.method), 'method', 'Say how identity was confirmed');
          const identity =
            c.status === 'awaiting-identity'
              ? { identityVerifiedOn: on, identityMethod: text(input.method) || null }
              : {};
          return this.transition(
            tx,
            audit,
            c,
            action,
            { status: back, stoppedFor: null, clockStart: on, ...identity, ...recompute({ clockStart: on }) },
            { details: { restartedOn: on, reason } },
          );
        }
        case 'allocate': {
          const directorateId = parseId(input.directorateId);
          if (!directorateId)
            throw new ValidationError('Choose a directorate', { directorateId: 'Choose a directorate' });
          const teamId = parseId(input.teamId);
          const assigneeId = parseId(input.assigneeId);
          await this.checkAllocation(tx, directorateId, teamId, assigneeId);
          const status: CaseStatus =
            c.status === 'received' || c.status === 'acknowledged' ? 'allocated' : (c.status as CaseStatus);
          return this.transition(
            tx,
            audit,
            c,
            action,
            { status, directorateId, teamId, assigneeId },
            { details: { directorateId, teamId, assigneeId } },
          );
        }
        case 'request-contribution': {
          const teamId = parseId(input.teamId);
          if (!teamId)
            throw new ValidationError('Choose the team to ask', { teamId: 'Choose the team to ask' });
          requireText(note, 'note', 'Say what the team should supply');
          const dueOn = computeDeadline(calendar, { kind: 'foi', received: now, workingDays: 5 }).due;
          const [contribution] = await tx
            .insert(requestContributions)
            .values({ caseId: c.id, teamId, note, requestedOn: now, dueOn })
            .returning({ id: requestContributions.id });
          return this.transition(
            tx,
            audit,
            c,
            action,
            { status: 'contributions' },
            { details: { teamId, contributionId: contribution!.id, dueOn } },
          );
        }
        case 'record-contribution': {
          const contributionId = parseId(input.contributionId);
          const done = await tx
            .update(requestContributions)
            .set({ receivedOn: now })
            .where(
              and(
                eq(requestContributions.id, contributionId ?? 0),
                eq(requestContributions.caseId, c.id),
                isNull(requestContributions.receivedOn),
              ),
            )
            .returning({ id: requestContributions.id });
          if (!done.length) throw new ValidationError('That contribution is not outstanding on this case');
          return this.transition(tx, audit, c, action, {}, { details: { contributionId } });
        }
        case 'start-drafting':
          return this.transition(tx, audit, c, action, { status: 'drafting' });
        case 'extend': {
          if (c.extended) throw new ValidationError('This case has already been extended');
          if (!['foi', 'eir', 'internal-review'].includes(type) && !RIGHTS_TYPES.has(type))
            throw new ValidationError('Enquiries have no statutory extension');
          if (reviewedType === 'eir')
            throw new ValidationError(
              'An EIR reconsideration already has 40 working days and cannot be extended',
            );
          if (now > c.dueOn)
            throw new ValidationError('The extension must be given before the deadline passes');
          // An FOI extension is only to weigh the public interest for a qualified exemption (s.10(3)); the notice
          // names the exemption (s.17(2)). EIR (reg 7) and the rights (Art 12(3)) need only the reason.
          const considering = type === 'foi' || reviewedType === 'foi' ? asList(input.exemptions) : [];
          if (type === 'foi' || reviewedType === 'foi') {
            const qualified = considering.map(findExemption);
            if (!considering.length || qualified.some((e) => !e || e.regime !== 'foia' || e.absolute))
              throw new ValidationError(
                'Choose the qualified exemptions whose public interest needs more time',
                {
                  exemptions: 'Choose the qualified exemptions whose public interest needs more time',
                },
              );
          }
          requireText(
            note,
            'note',
            type === 'foi'
              ? 'Say why weighing the public interest needs more time'
              : 'Give the reason for the extension',
          );
          return this.transition(
            tx,
            audit,
            c,
            action,
            { extended: true, extensionReason: note, ...recompute({ extended: true }) },
            {
              letter: 'extension',
              letterExtra: {
                note,
                reviewedType,
                considering: considering.map((code) => findExemption(code)!.title),
              },
              details: { previousDueOn: c.dueOn, exemptions: considering },
            },
          );
        }
        case 'submit-for-approval': {
          const outcome = text(input.outcome) as Outcome;
          const exemptions = asList(input.exemptions);
          const hoursText = text(input.costEstimateHours);
          const costEstimateHours = hoursText === '' ? undefined : Number(hoursText);
          const publicInterest = text(input.publicInterest);
          const responseText = text(input.responseText);
          const fields: Record<string, string> = {};
          if (!outcome) fields.outcome = 'Choose the outcome';
          if (!responseText) fields.responseText = 'Write the response';
          const effectiveRegime = regime ?? (reviewedType ? regimeOf(reviewedType) : undefined) ?? 'none';
          if (outcome)
            Object.assign(
              fields,
              outcomeProblems({
                regime: effectiveRegime,
                outcome,
                exemptions,
                publicInterest,
                costEstimateHours,
              }),
            );
          const reviewOutcome = type === 'internal-review' ? text(input.reviewOutcome) : '';
          if (type === 'internal-review' && !['upheld', 'part-upheld', 'overturned'].includes(reviewOutcome))
            fields.reviewOutcome = 'Choose whether the original response is upheld';
          // A subject access response that gives data must also say why it is used, who receives it, how long it is
          // kept and where it came from (UK GDPR Art 15(1)).
          const givesData = type === 'sar' && (outcome === 'granted' || outcome === 'part-granted');
          const article15 = givesData
            ? {
                purposes: text(input.purposes),
                recipients: text(input.recipients),
                retention: text(input.retention),
                source: text(input.source),
              }
            : null;
          if (article15)
            for (const [field, label] of Object.entries(ARTICLE_15_LABELS))
              if (!article15[field as keyof typeof article15]) fields[field] = `Say ${label}`;
          if (Object.keys(fields).length) throw new ValidationError('Check the outcome', fields);
          return this.transition(
            tx,
            audit,
            c,
            action,
            {
              status: 'approval',
              outcome,
              exemptions,
              publicInterest: publicInterest || null,
              costEstimateHours: costEstimateHours ?? null,
              responseText,
              article15,
              reviewOutcome: reviewOutcome || null,
              approvedBy: null,
            },
            { details: { outcome, exemptions, reviewOutcome: reviewOutcome || undefined } },
          );
        }
        case 'record-press-sight':
          if (!c.pressInterest) throw new ValidationError('This case is not flagged for the press office');
          return this.transition(tx, audit, c, action, { pressSightBy: principal.id });
        case 'approve':
          if (c.pressInterest && !c.pressSightBy)
            throw new ValidationError('The press office must see this response before it is approved');
          return this.transition(tx, audit, c, action, { status: 'approved', approvedBy: principal.id });
        case 'return-for-redraft':
          requireText(note, 'note', 'Say what needs to change');
          return this.transition(
            tx,
            audit,
            c,
            action,
            { status: 'drafting', approvedBy: null },
            { details: { note } },
          );
        case 'respond': {
          const on = date('on');
          const law = regimeOf(type, reviewedType);
          const refusal = !['granted', 'not-held'].includes(c.outcome ?? '');
          const letter: LetterName =
            law === 'dpa' ? 'rights-response' : refusal && law ? 'refusal' : 'response';
          return this.transition(
            tx,
            audit,
            c,
            action,
            { status: 'responded', respondedOn: on },
            { letter, letterExtra: { reviewedType }, details: { respondedOn: on, inTime: on <= c.dueOn } },
          );
        }
        case 'close':
          return this.transition(tx, audit, c, action, { status: 'closed', closedOn: now });
        case 'publish': {
          if (type !== 'foi' && type !== 'eir')
            throw new ValidationError('Only FOI and EIR responses go in the disclosure log');
          const title = text(input.title);
          const response = text(input.response);
          const fields: Record<string, string> = {};
          if (!title) fields.title = 'Give the published title';
          if (!response) fields.response = 'Give the published response';
          if (Object.keys(fields).length) throw new ValidationError('Check what will be published', fields);
          return this.transition(tx, audit, c, action, {
            published: true,
            publishedTitle: title,
            publishedResponse: response,
            publishedOn: now,
          });
        }
        case 'record-ico': {
          const reference = text(input.reference);
          requireText(reference, 'reference', 'Give the ICO reference');
          const outcome = text(input.icoOutcome);
          if (outcome && !['upheld', 'part-upheld', 'not-upheld', 'informally-resolved'].includes(outcome))
            throw new ValidationError('Choose the decision notice outcome', {
              icoOutcome: 'Choose the decision notice outcome',
            });
          return this.transition(
            tx,
            audit,
            c,
            action,
            { icoReference: reference, icoOutcome: outcome || null },
            { details: { icoOutcome: outcome || null } },
          );
        }
      }
    });
  }

  private async checkAllocation(
    tx: Executor,
    directorateId: number,
    teamId: number | undefined,
    assigneeId: number | undefined,
  ) {
    const [d] = await tx
      .execute(sql`select 1 from directorates where id = ${directorateId}`)
      .then((r) => (r as unknown as { rows: unknown[] }).rows);
    if (!d)
      throw new ValidationError('Choose a directorate that exists', {
        directorateId: 'Choose a directorate that exists',
      });
    if (teamId) {
      const t = (await tx.execute(sql`select directorate_id from teams where id = ${teamId}`)) as unknown as {
        rows: { directorate_id: number }[];
      };
      if (t.rows[0]?.directorate_id !== directorateId)
        throw new ValidationError('Choose a team in that directorate', {
          teamId: 'Choose a team in that directorate',
        });
    }
    if (assigneeId) {
      const u = (await tx.execute(
        sql`select 1 from users where id = ${assigneeId} and active`,
      )) as unknown as { rows: unknown[] };
      if (!u.rows.length)
        throw new ValidationError('Choose an active member of staff', {
          assigneeId: 'Choose an active member of staff',
        });
    }
  }

  /**
   * Allocates many cases to one directorate (and team) at once; each is its own audited change. A case the officer
   * cannot see is passed over without a word, so the answer never tells them which cases exist elsewhere.
   */
  async allocateMany(
    principal: Principal,
    actor: Actor,
    ids: number[],
    directorateId: number,
    teamId?: number,
  ): Promise<{ allocated: number; skipped: string[] }> {
    let allocated = 0;
    const skipped: string[] = [];
    for (const id of ids) {
      const c = await this.find(id);
      if (!c || !canViewCase(principal, c)) continue;
      try {
        await this.act(principal, actor, id, c.version, 'allocate', { directorateId, teamId });
        allocated += 1;
      } catch (error) {
        if (!(
          error instanceof ValidationError ||
          error instanceof ConflictError ||
          error instanceof ForbiddenError
        ))
          throw error;
        skipped.push(`${c.reference}: ${error.message}`);
      }
    }
    return { allocated, skipped };
  }

  async logSearch(
    principal: Principal,
    actor: Actor,
    id: number,
    version: number,
    input: { systemId: number; found: boolean; notes?: string },
  ) {
    return runCommand(this.deps, actor, async (tx, audit) => {
      const c = await this.forAction(tx, principal, id, version, null);
      if (!RIGHTS_TYPES.has(c.type as CaseType))
        throw new ValidationError('Search logs are for data-protection rights requests');
      const [system] = await tx.select().from(sarSystems).where(eq(sarSystems.id, input.systemId));
      if (!system)
        throw new ValidationError('Choose a system from the list', {
          systemId: 'Choose a system from the list',
        });
      await tx.insert(sarSearches).values({
        caseId: c.id,
        systemId: system.id,
        searchedOn: this.today(),
        searchedBy: principal.id,
        found: input.found,
        notes: input.notes || null,
      });
      return this.transition(
        tx,
        audit,
        c,
        'log-search',
        {},
        { details: { systemId: system.id, found: input.found } },
      );
    });
  }

  async recordDisclosure(
    principal: Principal,
    actor: Actor,
    id: number,
    version: number,
    input: { item: string; decision: string; exemption?: string },
  ) {
    return runCommand(this.deps, actor, async (tx, audit) => {
      const c = await this.forAction(tx, principal, id, version, null);
      if (!RIGHTS_TYPES.has(c.type as CaseType))
        throw new ValidationError('Disclosure records are for data-protection rights requests');
      if (!['disclosed', 'redacted', 'withheld'].includes(input.decision))
        throw new ValidationError('Choose disclosed, redacted or withheld', {
          decision: 'Choose disclosed, redacted or withheld',
        });
      if (input.decision !== 'disclosed' && !input.exemption)
        throw new ValidationError('Choose the DPA 2018 exemption relied on', {
          exemption: 'Choose the DPA 2018 exemption relied on',
        });
      if (
        input.exemption &&
        outcomeProblems({ regime: 'dpa', outcome: 'refused', exemptions: [input.exemption] }).exemptions
      ) {
        throw new ValidationError('Choose a DPA 2018 exemption', {
          exemption: 'Choose a DPA 2018 exemption',
        });
      }
      requireText(input.item, 'item', 'Describe the item');
      await tx.insert(sarDisclosures).values({
        caseId: c.id,
        item: input.item,
        decision: input.decision,
        exemption: input.exemption || null,
      });
      return this.transition(
        tx,
        audit,
        c,
        'record-disclosure',
        {},
        { details: { decision: input.decision, exemption: input.exemption || null } },
      );
    });
  }

  /** A request for internal review of a responded case: a new, linked case on the review clock. */
  async requestInternalReview(
    principal: Principal,
    actor: Actor,
    id: number,
    input: { receivedOn: string; grounds: string },
  ) {
    const c = await this.find(id);
    if (!c || !canViewCase(principal, c)) throw new NotFoundError('No such case');
    if (!canManageCase(principal, c)) throw new ForbiddenError('You cannot open a review of this case');
    if (c.status !== 'responded' && c.status !== 'closed')
      throw new ValidationError('Only a case that has been responded to can be reviewed');
    if (!isIsoDate(input.receivedOn))
      throw new ValidationError('Enter the date the review request was received', {
        receivedOn: 'Enter a real date',
      });
    requireText(input.grounds, 'grounds', 'Give the grounds for the review');
    return this.create(actor, {
      type: 'internal-review',
      channel: 'email',
      subject: `Internal review of ${c.reference}: ${c.subject}`.slice(0, 300),
      description: input.grounds,
      requesterName: c.requesterName,
      requesterEmail: c.requesterEmail ?? undefined,
      requesterAddress: c.requesterAddress ?? undefined,
      receivedOn: input.receivedOn,
      reviewOf: c.id,
    });
  }

  // ---------- the disclosure log ----------

  async disclosureLog(q: string | undefined, page: { limit: number; offset: number }) {
    const conditions: SQL[] = [eq(requestCases.published, true)];
    if (q) {
      const like = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      conditions.push(
        or(
          ilike(requestCases.publishedTitle, like),
          ilike(requestCases.publishedResponse, like),
          ilike(requestCases.reference, like),
        )!,
      );
    }
    const where = and(...conditions);
    const [rows, total] = await Promise.all([
      this.deps.db.orm
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
      countWhere(this.deps.db.orm, requestCases, where),
    ]);
    return { rows, total };
  }

  /** A published entry: only what the officer chose to publish, never the requester. */
  async publishedEntry(reference: string) {
    const [row] = await this.deps.db.orm
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
}

export const caseListFilterSchema = z.object({
  view: z.enum(['all', 'mine', 'team', 'due-soon', 'overdue', 'open']).catch('open'),
});

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** A form field that may come once or repeated (checkboxes), as a list of strings. */
function asList(value: unknown): string[] {
  return (Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value]).map(String);
}

/** What each Article 15 field tells the requester, for the message when it is missing. */
const ARTICLE_15_LABELS = {
  purposes: 'why the council uses the data (the purposes)',
  recipients: 'who the data is shared with (the recipients)',
  retention: 'how long the data is kept',
  source: 'where the data came from',
};

function requireText(value: string, field: string, message: string): void {
  if (!value) throw new ValidationError(message, { [field]: message });
}

/** A date a thing happened: real, not before the request arrived, not in the future. */
function pastOrToday(value: unknown, field: string, receivedOn: IsoDate, today: IsoDate): IsoDate {
  const v = text(value);
  if (!isIsoDate(v))
    throw new ValidationError('Enter a real date', { [field]: 'Enter a real date, like 2026-11-25' });
  if (v > today)
    throw new ValidationError('The date cannot be in the future', {
      [field]: 'The date cannot be in the future',
    });
  if (v < receivedOn)
    throw new ValidationError('The date cannot be before the request was received', {
      [field]: 'The date cannot be before the request was received',
    });
  return v;
}
