import { govukDate } from '../../platform/web/format.ts';
import { WAITING_STATUSES, type CaseStatus } from '../../domain/requests/workflow.ts';
import type { Pause, RequestCase } from './service.ts';

const REASONS: Record<string, string> = {
  clarification: 'clarification',
  identity: 'proof of identity',
  fee: 'the fee',
};

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

/** What the case page says about the clock and where the case sits, worked out here rather than in the template. */
export function presentCase(c: RequestCase, names: Names, reviewedReference?: string) {
  const pauses = (c.pauses as Pause[] | null) ?? [];
  const open = pauses.at(-1);
  const paused = WAITING_STATUSES.has(c.status as CaseStatus) && open !== undefined && open[1] === null;
  const waitingFor = REASONS[c.stoppedFor ?? (c.status === 'awaiting-fee' ? 'fee' : '')] ?? 'the requester';
  let clockText: string;
  if (paused)
    clockText = `Paused since ${govukDate(open[0])}, waiting for ${waitingFor}: these days do not count`;
  else if (WAITING_STATUSES.has(c.status as CaseStatus))
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
  return {
    clockPaused: paused,
    clockText,
    pausesText,
    directorateName: c.directorateId
      ? (names.directorates.get(c.directorateId) ?? 'Unknown')
      : 'Not allocated',
    teamName: c.teamId ? (names.teams.get(c.teamId) ?? 'Unknown') : null,
    assigneeName: c.assigneeId ? (names.staff.get(c.assigneeId) ?? 'Unknown') : null,
    reviewedReference,
  };
}
