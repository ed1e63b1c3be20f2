import { addCalendarMonths, type IsoDate } from '../calendar/dates.ts';
import type { WorkerType } from '../staff/hr-file.ts';

/**
 * Mandatory training against the DSPT's bar: assertion 3.2.1 for local authorities (Category 3) asks whether "at
 * least 95% of staff, directors, trustees and volunteers" with access to personal data have completed training in
 * the last twelve months (DSPT v8, 2025-26); the ICO expects new starters trained within a month of starting (ICO
 * Accountability Framework, training and awareness). See docs/domain-decisions.md, "Training".
 */

export const DSPT_TARGET_PERCENT = 95;
/** New starters have a month before they count (ICO: induction within one month of starting). */
export const INDUCTION_MONTHS = 1;
export const DEFAULT_REFRESH_MONTHS = 12;

/** Who counts towards the figure: everyone who works for the council, apart from its elected members. */
export const COUNTED_WORKER_TYPES: readonly WorkerType[] = ['employee', 'agency', 'contractor', 'volunteer'];

export interface PersonOnRecord {
  startDate: IsoDate;
  leaveDate: IsoDate | null;
  workerType: WorkerType;
  personalDataAccess: boolean;
}

/** Working for the council that day: started on or before it and not left before it. */
export function isActiveOn(person: PersonOnRecord, on: IsoDate): boolean {
  return person.startDate <= on && (person.leaveDate === null || person.leaveDate >= on);
}

/**
 * Whether a person counts towards the figure on a day (the denominator): active, with access to personal data, and
 * started at least a month before (start + P1M ≤ the day, the day clamped to the month's end as everywhere in
 * Custodian). Councillors are the same rule counted apart (`population` 'councillors').
 */
export function inScopeOn(
  person: PersonOnRecord,
  on: IsoDate,
  population: 'staff' | 'councillors' = 'staff',
): boolean {
  const ofPopulation =
    population === 'councillors'
      ? person.workerType === 'councillor'
      : COUNTED_WORKER_TYPES.includes(person.workerType);
  return (
    ofPopulation &&
    person.personalDataAccess &&
    isActiveOn(person, on) &&
    addCalendarMonths(person.startDate, INDUCTION_MONTHS) <= on
  );
}

/** A completion counts from its day D while D ≤ the day < D + the course's refresh period. */
export function coversOn(completedOn: IsoDate, refreshMonths: number, on: IsoDate): boolean {
  return completedOn <= on && on < addCalendarMonths(completedOn, refreshMonths);
}

/** The last day a completion counts: the day before D + the refresh period. */
export function expiresAfter(completedOn: IsoDate, refreshMonths: number): IsoDate {
  const until = addCalendarMonths(completedOn, refreshMonths);
  const day = new Date(`${until}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/** Completed over in scope as a percentage to one decimal place, halves rounded up; none when no one is in scope. */
export function percentOf(completed: number, inScope: number): number | null {
  if (inScope === 0) return null;
  return Math.round((completed * 1000) / inScope) / 10;
}

export type Rag = 'green' | 'amber' | 'red';

/**
 * Green at or above the target; amber within five points below it (the gap a directorate closes with one round of
 * reminders); red further below. No one in scope is no colour.
 */
export function ragOf(percent: number | null, target: number): Rag | null {
  if (percent === null) return null;
  if (percent >= target) return 'green';
  return percent >= target - 5 ? 'amber' : 'red';
}

export const COMPLETION_STATUSES = ['not-started', 'in-progress', 'completed', 'passed', 'failed'] as const;
export type CompletionStatus = (typeof COMPLETION_STATUSES)[number];

export const COMPLETION_STATUS_NAMES: Record<CompletionStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  completed: 'Completed',
  passed: 'Passed',
  failed: 'Failed',
};

/** Statuses that complete a course; a failed attempt does not. */
export function completes(status: CompletionStatus): boolean {
  return status === 'completed' || status === 'passed';
}

/**
 * The words learning systems use for an attempt, as one of Custodian's five statuses: SCORM 1.2's
 * cmi.core.lesson_status (passed, failed, completed, incomplete, browsed, not attempted), SCORM 2004's completion and
 * success statuses, xAPI's verbs and the words LMS exports write ("Complete", "In Progress", "Not Started").
 */
const STATUS_WORDS: Record<string, CompletionStatus> = {
  completed: 'completed',
  complete: 'completed',
  done: 'completed',
  finished: 'completed',
  attended: 'completed',
  passed: 'passed',
  pass: 'passed',
  failed: 'failed',
  fail: 'failed',
  incomplete: 'in-progress',
  'in progress': 'in-progress',
  started: 'in-progress',
  attempted: 'in-progress',
  browsed: 'in-progress',
  'not attempted': 'not-started',
  'not started': 'not-started',
  'not yet started': 'not-started',
  enrolled: 'not-started',
  assigned: 'not-started',
};

/** The status a learning system's word means, or null for a word Custodian does not know. */
export function normaliseStatus(word: string): CompletionStatus | null {
  const key = word
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
  return STATUS_WORDS[key] ?? null;
}

/** Where one person stands with one course on a day: for their own record, their line manager's list, reminders. */
export type Standing =
  | { kind: 'current'; until: IsoDate }
  | { kind: 'induction'; dueBy: IsoDate }
  | { kind: 'overdue'; since: IsoDate }
  | { kind: 'not-required' };

/**
 * A person's standing: current while a completed or passed attempt covers the day (until its last day); a new
 * starter has until start + P1M; otherwise overdue since their last completion lapsed (or since their induction
 * month ended, if they never completed it). Someone without access to personal data, or not working that day, is not
 * required to.
 */
export function standingOn(
  person: PersonOnRecord,
  attempts: readonly { completedOn: IsoDate; status: CompletionStatus }[],
  refreshMonths: number,
  on: IsoDate,
): Standing {
  if (!person.personalDataAccess || !isActiveOn(person, on)) return { kind: 'not-required' };
  const done = attempts
    .filter((a) => completes(a.status) && a.completedOn <= on)
    .map((a) => a.completedOn)
    .sort();
  const latest = done.at(-1);
  if (latest && coversOn(latest, refreshMonths, on))
    return { kind: 'current', until: expiresAfter(latest, refreshMonths) };
  const inductionEnds = addCalendarMonths(person.startDate, INDUCTION_MONTHS);
  if (inductionEnds > on) return { kind: 'induction', dueBy: inductionEnds };
  const lapsed = latest ? addCalendarMonths(latest, refreshMonths) : inductionEnds;
  return { kind: 'overdue', since: lapsed > inductionEnds ? lapsed : inductionEnds };
}
