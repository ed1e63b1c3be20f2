import type { Principal } from '../../platform/authz/roles.ts';
import { govukDate } from '../../platform/web/format.ts';
import { exemptionsFor, findExemption } from '../../domain/requests/exemptions.ts';
import {
  OUTCOME_NAMES,
  OUTCOMES,
  OUTCOMES_BY_REGIME,
  outcomeName,
  type Outcome,
} from '../../domain/requests/outcomes.ts';
import {
  canTake,
  CASE_ACTIONS,
  CASE_TYPE_NAMES,
  CASE_TYPES,
  regimeOf,
  RIGHTS_TYPES,
  STATUS_NAMES,
  STATUSES,
  WAITING_STATUSES,
  type CaseStatus,
  type CaseType,
} from '../../domain/requests/workflow.ts';
import type { Pause } from './case-clock.ts';
import { CHANNELS } from './inputs.ts';
import { canApproveCase, canManageCase } from './policy.ts';
import type { RequestCase } from './repository.ts';

/** Rows → what pages show: names looked up, dates written out, words chosen here rather than in templates. */

const REASONS: Record<string, string> = {
  clarification: 'clarification',
  identity: 'proof of identity',
  fee: 'the fee',
};

/** The choices of the case forms and the list's filters. */
export const LABELS = {
  types: CASE_TYPES.map((t) => ({ value: t, text: CASE_TYPE_NAMES[t] })),
  statuses: STATUSES.map((s) => ({ value: s, text: STATUS_NAMES[s] })),
  outcomes: OUTCOMES.map((o) => ({ value: o, text: OUTCOME_NAMES[o] })),
  channels: CHANNELS.map((c) => ({ value: c, text: c.replace('-', ' ') })),
};

/** The case lists, in the order they are offered. */
export const VIEWS = [
  { value: 'mine', text: 'My cases' },
  { value: 'team', text: 'Team cases' },
  { value: 'due-soon', text: 'Due in 5 days' },
  { value: 'overdue', text: 'Overdue' },
  { value: 'open', text: 'All open' },
  { value: 'all', text: 'Everything' },
];

/** The Article 15 fields of a subject access response, with the council's usual wording to start from. */
export const ARTICLE_15_FIELDS = [
  {
    name: 'purposes',
    label: 'Why the council uses it (purposes)',
    default:
      'To provide the services you receive from the council and to carry out its legal duties, as the privacy notice of each service describes.',
  },
  {
    name: 'recipients',
    label: 'Who receives it (recipients)',
    default:
      'Council staff who need it for their work, and partner organisations where the law requires or allows it, as the privacy notices describe.',
  },
  {
    name: 'retention',
    label: 'How long it is kept',
    default:
      'For the period the council’s retention schedule sets for each kind of record; then it is securely destroyed.',
  },
  {
    name: 'source',
    label: 'Where it came from (source)',
    default: 'From you, and from the organisations and people who contacted the council about you.',
  },
];

/** Names looked up once for a page: directorates, teams and staff by id. */
export interface Names {
  directorates: Map<number, string>;
  teams: Map<number, string>;
  staff: Map<number, string>;
}

export function namesOf(lookups: {
  directorates: { id: number; name: string }[];
  teams: { id: number; name: string }[];
  staff: { id: number; displayName: string }[];
}): Names {
  return {
    directorates: new Map(lookups.directorates.map((d) => [d.id, d.name])),
    teams: new Map(lookups.teams.map((t) => [t.id, t.name])),
    staff: new Map(lookups.staff.map((u) => [u.id, u.displayName])),
  };
}

/** What the case page says about the clock and where the case sits. */
export function presentClock(c: RequestCase) {
  const pauses = (c.pauses as Pause[] | null) ?? [];
  const open = pauses.at(-1);
  const waiting = WAITING_STATUSES.has(c.status as CaseStatus);
  const paused = waiting && open !== undefined && open[1] === null;
  const waitingFor = REASONS[c.stoppedFor ?? (c.status === 'awaiting-fee' ? 'fee' : '')] ?? 'the requester';
  let clockText: string;
  if (paused)
    clockText = `Paused since ${govukDate(open[0])}, waiting for ${waitingFor}: these days do not count`;
  else if (waiting)
    clockText = `Stopped, waiting for ${waitingFor}: it starts again from the day the reply arrives`;
  else
    clockText = `Running from ${govukDate(c.clockStart)}${c.clockStart !== c.receivedOn ? ' (restarted)' : ''}`;
  const closed = pauses.filter((p) => p[1] !== null);
  const pausesText = closed.length
    ? closed
        .map(([from, to, reason]) => {
          const days = Math.round((Date.parse(to!) - Date.parse(from)) / 86_400_000) + 1;
          return `${govukDate(from)} to ${govukDate(to)} (${REASONS[reason ?? 'fee']}, ${days} ${days === 1 ? 'day' : 'days'})`;
        })
        .join('; ')
    : 'None';
  return { waiting, clockPaused: paused, clockText, pausesText };
}

/** Everything the case page shows, for this principal. */
export function presentCasePage(
  c: RequestCase,
  context: {
    principal: Principal;
    names: Names;
    reviewed?: RequestCase;
    contributions: { teamId: number }[];
  },
) {
  const type = c.type as CaseType;
  const regime = regimeOf(type, context.reviewed?.type as CaseType | undefined);
  const { names } = context;
  return {
    c,
    ...presentClock(c),
    typeName: CASE_TYPE_NAMES[type],
    statusName: STATUS_NAMES[c.status as CaseStatus],
    rights: RIGHTS_TYPES.has(type),
    regime,
    directorateName: c.directorateId
      ? (names.directorates.get(c.directorateId) ?? 'Unknown')
      : 'Not allocated',
    teamName: c.teamId ? (names.teams.get(c.teamId) ?? 'Unknown') : null,
    assigneeName: c.assigneeId ? (names.staff.get(c.assigneeId) ?? 'Unknown') : null,
    reviewedReference: context.reviewed?.reference,
    contributions: context.contributions.map((k) => ({
      ...k,
      teamName: names.teams.get(k.teamId) ?? 'Unknown team',
    })),
    exemptionOptions: regime ? exemptionsFor(regime) : [],
    exemptionTitles: ((c.exemptions as string[]) ?? []).map((code) => findExemption(code)?.title ?? code),
    dpaExemptions: exemptionsFor('dpa'),
    outcomeName: c.outcome ? outcomeName(c.outcome as Outcome, regime) : null,
    outcomeOptions: OUTCOMES_BY_REGIME[regime ?? 'none'].map((o) => ({
      value: o,
      text: outcomeName(o, regime),
    })),
    article15Fields: ARTICLE_15_FIELDS,
    allowed: CASE_ACTIONS.filter((a) => canTake(a, c.status as CaseStatus)),
    mayManage: canManageCase(context.principal, c),
    mayApprove: canApproveCase(context.principal, c),
    labels: LABELS,
  };
}

/** A row of the case list. */
export function presentListRow(
  r: { status: string; type: string; directorateId: number | null },
  names: Names,
) {
  return {
    ...r,
    waiting: WAITING_STATUSES.has(r.status as CaseStatus),
    typeName: CASE_TYPE_NAMES[r.type as CaseType],
    statusName: STATUS_NAMES[r.status as CaseStatus],
    directorateName: r.directorateId
      ? (names.directorates.get(r.directorateId) ?? 'Unknown')
      : 'Not allocated',
  };
}
