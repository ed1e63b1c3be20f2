import { addCalendarMonths, addDays, type IsoDate } from '../calendar/dates.ts';
import type { WorkerType } from '../staff/hr-file.ts';

/**
 * Policies, standards, procedures and guidance under document control: versions, approval, review on a cycle and
 * acknowledgement by the people each applies to (ICO Accountability Framework, policies and procedures: senior
 * approval, documented review dates, a way to ensure staff "have read and will follow" them; DSPT 1.3). A material
 * version asks everyone again; a minor one does not. See docs/domain-decisions.md, "Policies".
 */

export const POLICY_KINDS = ['policy', 'standard', 'procedure', 'guidance'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];
export const POLICY_KIND_NAMES: Record<PolicyKind, string> = {
  policy: 'Policy',
  standard: 'Standard',
  procedure: 'Procedure',
  guidance: 'Guidance',
};

export const DEFAULT_REVIEW_MONTHS = 12;
/** A review is shown as due this many days before its date. */
export const REVIEW_DUE_DAYS = 30;

export interface VersionNumber {
  major: number;
  minor: number;
}

/** The next version's number: 1.0 first; a material change the next major (2.0), a minor one the next minor (1.1). */
export function nextVersion(previous: VersionNumber | null, material: boolean): VersionNumber {
  if (!previous) return { major: 1, minor: 0 };
  return material
    ? { major: previous.major + 1, minor: 0 }
    : { major: previous.major, minor: previous.minor + 1 };
}

export const formatVersion = (v: VersionNumber) => `${v.major}.${v.minor}`;

/**
 * Who a policy applies to: each dimension that lists anything narrows it (directorates, roles in Custodian, kinds of
 * worker), and one left empty does not; all empty is everyone. So "Place" and "agency" is Place's agency workers.
 */
export interface Audience {
  directorateIds: number[];
  roles: string[];
  workerTypes: WorkerType[];
}

export interface AudienceMember {
  directorateId: number;
  workerType: WorkerType;
  roles: readonly string[];
}

export function inAudience(audience: Audience, person: AudienceMember): boolean {
  return (
    (!audience.directorateIds.length || audience.directorateIds.includes(person.directorateId)) &&
    (!audience.workerTypes.length || audience.workerTypes.includes(person.workerType)) &&
    (!audience.roles.length || person.roles.some((r) => audience.roles.includes(r)))
  );
}

export const isEveryone = (a: Audience) =>
  !a.directorateIds.length && !a.roles.length && !a.workerTypes.length;

/** A version as published; a policy has one draft at a time, so versions are published in the order of their ids. */
export interface PublishedVersion {
  id: number;
  material: boolean;
  publishedOn: IsoDate;
}

/**
 * The version whose acknowledgement is asked for: the latest material version published, or the first (every
 * version after it is minor). Null before anything is published.
 */
export function askedVersion(published: readonly PublishedVersion[]): PublishedVersion | null {
  const sorted = [...published].sort((a, b) => a.id - b.id);
  return sorted.filter((v, i) => v.material || i === 0).at(-1) ?? null;
}

/**
 * Whether someone is up to date with a policy: they acknowledged the asked version or a version published after it
 * (a minor change does not ask again, and acknowledging it is acknowledging what came before).
 */
export function isAcknowledged(
  published: readonly PublishedVersion[],
  acknowledgedVersionIds: ReadonlySet<number>,
): boolean {
  const asked = askedVersion(published);
  return !asked || published.some((v) => v.id >= asked.id && acknowledgedVersionIds.has(v.id));
}

export type ReviewStanding = { kind: 'overdue' | 'due' | 'scheduled'; on: IsoDate } | { kind: 'none' };

/** Overdue after its date, due within 30 days of it, otherwise scheduled; none before the first version is out. */
export function reviewStanding(nextReviewOn: IsoDate | null, today: IsoDate): ReviewStanding {
  if (!nextReviewOn) return { kind: 'none' };
  if (nextReviewOn < today) return { kind: 'overdue', on: nextReviewOn };
  if (nextReviewOn <= addDays(today, REVIEW_DUE_DAYS)) return { kind: 'due', on: nextReviewOn };
  return { kind: 'scheduled', on: nextReviewOn };
}

/** The next review after a version is approved or a review finds no change: the interval on from that day. */
export const nextReviewFrom = (day: IsoDate, months: number) => addCalendarMonths(day, months);

/** Reminders go a week after asking and weekly after; after three weeks the line manager is told, once. */
export const FIRST_REMINDER_DAYS = 7;
export const REMINDER_EVERY_DAYS = 7;
export const ESCALATE_AFTER_DAYS = 21;

export function reminderDue(askedOn: IsoDate, lastRemindedOn: IsoDate | null, today: IsoDate): boolean {
  if (today < addDays(askedOn, FIRST_REMINDER_DAYS)) return false;
  return !lastRemindedOn || today >= addDays(lastRemindedOn, REMINDER_EVERY_DAYS);
}

export function escalationDue(askedOn: IsoDate, escalatedOn: IsoDate | null, today: IsoDate): boolean {
  return !escalatedOn && today >= addDays(askedOn, ESCALATE_AFTER_DAYS);
}

/** A short quiz: each question with its options and the one right answer. */
export interface QuizQuestion {
  question: string;
  options: string[];
  answer: number;
}

export class QuizError extends Error {}

/**
 * A quiz as the policy's author writes it: one question a line, "Question? | option | *right option | option", the
 * right answer marked with a star. Blank lines are ignored.
 */
export function parseQuiz(text: string): QuizQuestion[] {
  const questions: QuizQuestion[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const [question, ...rest] = line.split('|').map((p) => p.trim());
    if (!question) throw new QuizError(`Line ${i + 1}: start with the question`);
    if (rest.length < 2)
      throw new QuizError(`Line ${i + 1}: give at least two options after the question, each after a |`);
    const marked = rest.filter((o) => o.startsWith('*')).length;
    if (marked !== 1)
      throw new QuizError(`Line ${i + 1}: mark exactly one option as the right answer with a *`);
    const options = rest.map((o) => o.replace(/^\*\s*/, ''));
    if (options.some((o) => !o)) throw new QuizError(`Line ${i + 1}: an option is empty`);
    questions.push({ question, options, answer: rest.findIndex((o) => o.startsWith('*')) });
  });
  if (questions.length > 20) throw new QuizError('A quiz has at most 20 questions');
  return questions;
}

export const formatQuiz = (questions: readonly QuizQuestion[]) =>
  questions
    .map((q) => [q.question, ...q.options.map((o, i) => (i === q.answer ? `*${o}` : o))].join(' | '))
    .join('\n');

/** The share of questions answered right, as a whole percentage (rounded down: a pass mark is never rounded up to). */
export function quizScore(questions: readonly QuizQuestion[], answers: readonly (number | null)[]): number {
  if (!questions.length) return 100;
  const right = questions.filter((q, i) => answers[i] === q.answer).length;
  return Math.floor((right * 100) / questions.length);
}
