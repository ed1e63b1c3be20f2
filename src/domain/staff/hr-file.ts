import { isIsoDate, type IsoDate } from '../calendar/dates.ts';

/**
 * The council's people as HR's extract gives them: one row per person, keyed by HR's employee id. The rules here
 * are what a row must be for Custodian to count the person (training's 95 % figure, policies' audiences) and to
 * remind them.
 */

export const WORKER_TYPES = ['employee', 'agency', 'contractor', 'volunteer', 'councillor'] as const;
export type WorkerType = (typeof WORKER_TYPES)[number];

export const WORKER_TYPE_NAMES: Record<WorkerType, string> = {
  employee: 'Employee',
  agency: 'Agency worker',
  contractor: 'Contractor',
  volunteer: 'Volunteer',
  councillor: 'Councillor',
};

export function isWorkerType(value: unknown): value is WorkerType {
  return typeof value === 'string' && (WORKER_TYPES as readonly string[]).includes(value);
}

/** The extract's columns, in the order Custodian writes them (a file may give them in any order). */
export const HR_COLUMNS = [
  'employee_id',
  'name',
  'email',
  'directorate',
  'team',
  'job_title',
  'line_manager_email',
  'start_date',
  'leave_date',
  'worker_type',
  'personal_data_access',
] as const;
export type HrColumn = (typeof HR_COLUMNS)[number];

/** One person as HR describes them. */
export interface HrRow {
  employeeId: string;
  name: string;
  /** Lower-cased; null for someone without a council address (agency staff often have none). */
  email: string | null;
  directorate: string;
  team: string | null;
  jobTitle: string | null;
  lineManagerEmail: string | null;
  startDate: IsoDate;
  leaveDate: IsoDate | null;
  workerType: WorkerType;
  personalDataAccess: boolean;
}

export class HrRowError extends Error {}

/** The columns of a header row, by name, in any order and case; an unknown or repeated column is refused. */
export function mapHrHeader(cells: readonly string[]): (HrColumn | null)[] {
  const seen = new Set<string>();
  const columns = cells.map((cell) => {
    const name = cell.trim().toLowerCase().replace(/\s+/g, '_');
    if (!name) return null;
    if (!(HR_COLUMNS as readonly string[]).includes(name))
      throw new HrRowError(`the header has a column "${cell.trim()}" that Custodian does not know`);
    if (seen.has(name)) throw new HrRowError(`the header has the column ${name} twice`);
    seen.add(name);
    return name as HrColumn;
  });
  const missing = HR_COLUMNS.filter((c) => !seen.has(c));
  if (missing.length) throw new HrRowError(`the header has no ${missing.join(', ')} column`);
  return columns;
}

const MAX_TEXT = 200;
// No HR value holds a control character (not even a tab or a line break): one means binary pasted in, or probing.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// Deliberately loose: HR systems hold the addresses mail is sent to; this only catches a value in the wrong column.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);

/** One row of the extract, checked; the error names the column and the value. */
export function readHrRow(columns: readonly (HrColumn | null)[], cells: readonly string[]): HrRow {
  const value = (column: HrColumn): string => {
    const at = columns.indexOf(column);
    const text = (at === -1 ? '' : (cells[at] ?? '')).trim();
    if (CONTROL.test(text)) throw new HrRowError(`${column} has a control character in it`);
    if (text.length > MAX_TEXT) throw new HrRowError(`${column} is longer than ${MAX_TEXT} characters`);
    return text;
  };
  const required = (column: HrColumn): string => {
    const text = value(column);
    if (!text) throw new HrRowError(`${column} is empty`);
    return text;
  };
  const email = (column: HrColumn): string | null => {
    const text = value(column).toLowerCase();
    if (text && !EMAIL.test(text)) throw new HrRowError(`${column} "${text}" is not an e-mail address`);
    return text || null;
  };
  const startDate = readDate('start_date', required('start_date'));
  const leave = value('leave_date');
  const leaveDate = leave ? readDate('leave_date', leave) : null;
  if (leaveDate && leaveDate < startDate)
    throw new HrRowError(`leave_date ${leaveDate} is before start_date ${startDate}`);
  const workerType = required('worker_type').toLowerCase();
  if (!isWorkerType(workerType))
    throw new HrRowError(`worker_type must be ${WORKER_TYPES.join(', ')}, not "${workerType}"`);
  const access = required('personal_data_access').toLowerCase();
  if (!YES.has(access) && !NO.has(access))
    throw new HrRowError(`personal_data_access must be yes or no, not "${access}"`);
  const row: HrRow = {
    employeeId: required('employee_id'),
    name: required('name'),
    email: email('email'),
    directorate: required('directorate'),
    team: value('team') || null,
    jobTitle: value('job_title') || null,
    lineManagerEmail: email('line_manager_email'),
    startDate,
    leaveDate,
    workerType,
    personalDataAccess: YES.has(access),
  };
  if (row.lineManagerEmail && row.lineManagerEmail === row.email)
    throw new HrRowError('line_manager_email is the person’s own address');
  return row;
}

/** A date as ISO 8601 (2026-12-07) or as HR systems and Excel write it in the UK (07/12/2026). */
function readDate(column: HrColumn, text: string): IsoDate {
  const uk = UK_DATE.exec(text);
  const iso = uk ? `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}` : text;
  if (!isIsoDate(iso)) throw new HrRowError(`${column} "${text}" is not a date (2026-12-07 or 07/12/2026)`);
  return iso;
}

/** A row for the extract's own layout, for the template and the export. */
export function hrRowCells(row: HrRow): string[] {
  return [
    row.employeeId,
    row.name,
    row.email ?? '',
    row.directorate,
    row.team ?? '',
    row.jobTitle ?? '',
    row.lineManagerEmail ?? '',
    row.startDate,
    row.leaveDate ?? '',
    row.workerType,
    row.personalDataAccess ? 'yes' : 'no',
  ];
}

/**
 * The rows of a whole extract checked against each other: an employee id or an e-mail address given twice, and a
 * line manager who is not in the file, stop the import at the later line. `lines[i]` is the file's line of `rows[i]`.
 */
export function checkHrRows(rows: readonly HrRow[], lines: readonly number[]): void {
  const ids = new Map<string, number>();
  const emails = new Map<string, number>();
  rows.forEach((row, i) => {
    const line = lines[i]!;
    const id = row.employeeId.toLowerCase();
    const earlier = ids.get(id);
    if (earlier) throw new HrLineError(line, `employee_id ${row.employeeId} is already on line ${earlier}`);
    ids.set(id, line);
    if (row.email) {
      const before = emails.get(row.email);
      if (before) throw new HrLineError(line, `email ${row.email} is already on line ${before}`);
      emails.set(row.email, line);
    }
  });
  rows.forEach((row, i) => {
    if (row.lineManagerEmail && !emails.has(row.lineManagerEmail))
      throw new HrLineError(
        lines[i]!,
        `line_manager_email ${row.lineManagerEmail} is not the address of anyone in the file`,
      );
  });
}

/** A row's error with the file line it is on. */
export class HrLineError extends HrRowError {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`Line ${line}: ${reason}`);
  }
}
