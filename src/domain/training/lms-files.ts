import { isIsoDate, type IsoDate } from '../calendar/dates.ts';
import { londonOffsetMinutes } from '../calendar/london-time.ts';
import { normaliseStatus, type CompletionStatus } from './compliance.ts';

/**
 * Completions as learning systems export them: the lowest common denominator, CSV, and xAPI statements from a
 * learning record store (research/compliance.md §4). Each becomes an attempt naming a person and a course; who and
 * which course they are is the module's to find.
 */

export const COMPLETION_COLUMNS = [
  'employee_id_or_email',
  'course',
  'status',
  'completed_on',
  'score',
] as const;
type CompletionColumn = (typeof COMPLETION_COLUMNS)[number];

/** A person as a file names them: by HR's employee id or by e-mail address. */
export type PersonRef = { employeeId: string } | { email: string };

export interface Attempt {
  person: PersonRef;
  /** A course code (CSV) or an xAPI activity id. */
  course: string;
  status: CompletionStatus;
  completedOn: IsoDate;
  /** 0–100, where the system gave one. */
  score: number | null;
}

export class LmsRowError extends Error {}

const REQUIRED: CompletionColumn[] = ['employee_id_or_email', 'course', 'status', 'completed_on'];
const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** The header of a completions file: the five columns by name in any order; others (an LMS's extras) are ignored. */
export function mapCompletionHeader(cells: readonly string[]): (CompletionColumn | null)[] {
  const columns = cells.map((cell) => {
    const name = cell.trim().toLowerCase().replace(/\s+/g, '_');
    return (COMPLETION_COLUMNS as readonly string[]).includes(name) ? (name as CompletionColumn) : null;
  });
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length) throw new LmsRowError(`the header has no ${missing.join(', ')} column`);
  return columns;
}

export function personRef(text: string): PersonRef {
  return text.includes('@') ? { email: text.toLowerCase() } : { employeeId: text };
}

/** One CSV row as an attempt; the error names the column and the value. */
export function readCompletionRow(
  columns: readonly (CompletionColumn | null)[],
  cells: readonly string[],
): Attempt {
  const value = (column: CompletionColumn) => {
    const at = columns.indexOf(column);
    const text = (at === -1 ? '' : (cells[at] ?? '')).trim();
    if (CONTROL.test(text)) throw new LmsRowError(`${column} has a control character in it`);
    if (text.length > 200) throw new LmsRowError(`${column} is longer than 200 characters`);
    if (!text && REQUIRED.includes(column)) throw new LmsRowError(`${column} is empty`);
    return text;
  };
  const who = value('employee_id_or_email');
  const course = value('course');
  const word = value('status');
  const status = normaliseStatus(word);
  if (!status)
    throw new LmsRowError(`status "${word}" is not one Custodian knows (completed, passed, failed, …)`);
  return {
    person: personRef(who),
    course,
    status,
    completedOn: readDay(value('completed_on')),
    score: readScore(value('score')),
  };
}

/** A day as ISO 8601, the UK's 07/12/2026, or the day of an ISO timestamp in London. */
function readDay(text: string): IsoDate {
  const uk = UK_DATE.exec(text);
  if (uk) {
    const iso = `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}`;
    if (isIsoDate(iso)) return iso;
  }
  if (isIsoDate(text)) return text;
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    const day = londonDay(text);
    if (day) return day;
  }
  throw new LmsRowError(`completed_on "${text}" is not a date (2026-12-07 or 07/12/2026)`);
}

function readScore(text: string): number | null {
  if (!text) return null;
  const n = Number(text.replace(/%$/, ''));
  if (!Number.isFinite(n) || n < 0 || n > 100)
    throw new LmsRowError(`score "${text}" is not a number from 0 to 100`);
  return Math.round(n * 100) / 100;
}

/** London's date at an instant written in ISO 8601, or null when it is not one. */
function londonDay(timestamp: string): IsoDate | null {
  const instant = new Date(timestamp);
  if (Number.isNaN(instant.getTime())) return null;
  const local = new Date(instant.getTime() + londonOffsetMinutes(instant) * 60_000);
  return local.toISOString().slice(0, 10);
}

/** What an xAPI file held: attempts, and each statement left out with its place in the file and why. */
export interface XapiReading {
  attempts: (Attempt & { index: number })[];
  skipped: { index: number; reason: string }[];
}

const VERBS: Record<string, CompletionStatus> = {
  completed: 'completed',
  passed: 'passed',
  failed: 'failed',
};

/**
 * xAPI statements exported from a learning record store: an array of statements, or a StatementResult
 * (`{"statements": […]}`). A statement counts when its verb is completed, passed or failed (ADL's verbs; other verbs,
 * such as attempted or experienced, are left out and counted), its actor has an mbox or an account (the account's
 * name is the employee id), and it has an object id and a timestamp.
 */
export function readXapiStatements(text: string): XapiReading {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new LmsRowError(
      'This is not JSON: an xAPI file is a list of statements exported from a learning record store',
    );
  }
  const statements = Array.isArray(parsed)
    ? parsed
    : isObject(parsed) && Array.isArray(parsed.statements)
      ? parsed.statements
      : null;
  if (!statements)
    throw new LmsRowError('The JSON is not a list of xAPI statements, nor a statement result holding one');
  const reading: XapiReading = { attempts: [], skipped: [] };
  statements.forEach((statement: unknown, index: number) => {
    const attempt = readStatement(statement);
    if (typeof attempt === 'string') reading.skipped.push({ index: index + 1, reason: attempt });
    else reading.attempts.push({ ...attempt, index: index + 1 });
  });
  return reading;
}

function readStatement(statement: unknown): Attempt | string {
  if (!isObject(statement)) return 'not a statement';
  const verbId = isObject(statement.verb) && typeof statement.verb.id === 'string' ? statement.verb.id : '';
  const verb = verbId.split('/').pop() ?? '';
  let status = VERBS[verb];
  if (!status) return `the verb ${verbId || '(none)'} is not completed, passed or failed`;
  const actor = isObject(statement.actor) ? statement.actor : {};
  const person =
    typeof actor.mbox === 'string' && /^mailto:[^\s@]+@[^\s@]+$/i.test(actor.mbox)
      ? { email: actor.mbox.slice('mailto:'.length).toLowerCase() }
      : isObject(actor.account) && typeof actor.account.name === 'string' && actor.account.name.trim()
        ? { employeeId: actor.account.name.trim() }
        : null;
  if (!person) return 'the actor has neither an mbox nor an account name';
  const object = isObject(statement.object) ? statement.object : {};
  if (typeof object.id !== 'string' || !object.id.trim() || object.id.length > 500)
    return 'the object has no id';
  const timestamp = typeof statement.timestamp === 'string' ? statement.timestamp : '';
  const completedOn = londonDay(timestamp);
  if (!completedOn) return `the timestamp "${timestamp.slice(0, 40)}" is not an ISO 8601 time`;
  const result = isObject(statement.result) ? statement.result : {};
  if (status === 'completed' && result.success === false) status = 'failed';
  return { person, course: object.id.trim(), status, completedOn, score: xapiScore(result.score) };
}

function xapiScore(score: unknown): number | null {
  if (!isObject(score)) return null;
  if (typeof score.scaled === 'number' && score.scaled >= 0 && score.scaled <= 1)
    return Math.round(score.scaled * 10000) / 100;
  if (typeof score.raw === 'number' && typeof score.max === 'number' && score.max > 0 && score.raw >= 0)
    return Math.min(100, Math.round((score.raw / score.max) * 10000) / 100);
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
