import {
  formatRetention,
  parseRetention,
  RETENTION_FROM,
  RetentionInputError,
  type Retention,
  type RetentionFrom,
} from './retention.ts';

/**
 * The retention schedule as data: record classes in a classification scheme (function → activity → class), each
 * with one rule at a time ("class determines destiny", MoReq2010).
 */

/** What happens when a record's retention ends. */
export const DISPOSAL_ACTIONS = ['destroy', 'review', 'transfer', 'permanent'] as const;
export type DisposalAction = (typeof DISPOSAL_ACTIONS)[number];

export const DISPOSAL_ACTION_NAMES: Record<DisposalAction, string> = {
  destroy: 'Destroy',
  review: 'Review',
  transfer: 'Transfer to the record office',
  permanent: 'Retain permanently',
};

/**
 * The events a retention period can run from. A record's source says which of them it knows (a closed case knows
 * its closure; a file on a share knows when it was last modified), and a rule may only use one its records know.
 * Each carries its name, the noun a rule's sentence uses ("6 years from the last action") and the phrases councils'
 * published schedules use for it, so an imported "start event" finds it.
 */
export const TRIGGERS = {
  creation: {
    name: 'Creation',
    noun: 'creation',
    phrases: ['creation', 'created', 'date created', 'date of creation', 'year created', 'date of document'],
  },
  receipt: {
    name: 'Receipt',
    noun: 'receipt',
    phrases: ['receipt', 'received', 'date received', 'date of receipt'],
  },
  'last-modified': {
    name: 'Last modified',
    noun: 'last modification',
    phrases: [
      'last modified',
      'last amendment',
      'date last modified',
      'last updated',
      'end of fy last modified',
    ],
  },
  'last-action': {
    name: 'Last action',
    noun: 'the last action',
    phrases: [
      'last action',
      'last contact',
      'last action on file',
      'last action on project',
      'date of last action',
    ],
  },
  closure: {
    name: 'Closure',
    noun: 'closure',
    phrases: [
      'closure',
      'closed',
      'case closed',
      'closure of case',
      'case closure',
      'file closed',
      'end of case',
      'case resolved',
      'final determination',
      'end of investigation',
      'conclusion of appeal',
    ],
  },
  decision: {
    name: 'Decision',
    noun: 'the decision',
    phrases: ['decision', 'date of decision', 'determination', 'adoption order'],
  },
  completion: {
    name: 'Completion',
    noun: 'completion',
    phrases: ['completion', 'completion of building', 'completion of project'],
  },
  'date-of-birth': {
    name: 'Date of birth',
    noun: 'the date of birth',
    phrases: ['date of birth', 'dob', 'birth'],
  },
  death: { name: 'Death', noun: 'death', phrases: ['death', 'date of death'] },
  'end-of-employment': {
    name: 'End of employment',
    noun: 'the end of employment',
    phrases: ['end of employment', 'leaving', 'termination of employment', 'date of leaving'],
  },
  'end-of-contract': {
    name: 'End of contract',
    noun: 'the end of the contract',
    phrases: [
      'end of contract',
      'contract end',
      'cessation of contract',
      'expiry of contract',
      'contract expiry',
    ],
  },
  meeting: { name: 'Date of meeting', noun: 'the meeting', phrases: ['meeting', 'date of meeting'] },
  publication: {
    name: 'Publication',
    noun: 'publication',
    phrases: ['publication', 'date of publication', 'published'],
  },
  election: {
    name: 'Election',
    noun: 'the election',
    phrases: ['election', 'election of new council', 'receipt after election', 'date of election'],
  },
} as const satisfies Record<string, { name: string; noun: string; phrases: readonly string[] }>;
export type Trigger = keyof typeof TRIGGERS;
export const TRIGGER_IDS = Object.keys(TRIGGERS) as Trigger[];

const squash = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const PHRASES = new Map<string, Trigger>(
  TRIGGER_IDS.flatMap((id) => [
    [id.replace(/-/g, ' '), id] as const,
    ...TRIGGERS[id].phrases.map((p) => [squash(p), id] as const),
  ]),
);

/** The trigger a schedule names, by its id ("closure") or a council's phrase for it ("Case closed"). */
export function findTrigger(text: string): Trigger | undefined {
  return PHRASES.get(squash(text));
}

/** One class of the schedule with its rule, as a records manager keeps it or a schedule file carries it. */
export interface ScheduleRow {
  code: string;
  function: string;
  activity: string;
  description: string;
  trigger: Trigger;
  retention: Retention;
  from: RetentionFrom;
  action: DisposalAction;
  authority: string;
  authorityUrl: string | null;
  personalData: boolean;
  specialCategory: boolean;
  notes: string;
}

/** The schedule file's own columns, in order: what `custodian retention export` writes and import reads first. */
export const SCHEDULE_COLUMNS = [
  'code',
  'function',
  'activity',
  'description',
  'trigger',
  'period',
  'from',
  'action',
  'authority',
  'authority_url',
  'personal_data',
  'special_category',
  'notes',
] as const;
type Column =
  (typeof SCHEDULE_COLUMNS)[number] | 'retention_years' | 'retention_months' | 'retain_permanently';

/**
 * The column names councils republish from the LGA retention guidance (Lewes & Eastbourne's layout; research
 * records.md §2), and close variants, mapped to ours. Matched after lower-casing and dropping punctuation.
 */
const COLUMN_NAMES: Record<string, Column> = {
  'unique id': 'code',
  id: 'code',
  reference: 'code',
  'function l1': 'function',
  'function l2': 'activity',
  service: 'activity',
  'records description': 'description',
  'record description': 'description',
  'record type': 'description',
  'start event': 'trigger',
  'keep from': 'trigger',
  'retention years': 'retention_years',
  'retention months': 'retention_months',
  'retain permanently': 'retain_permanently',
  'retain permanently?': 'retain_permanently',
  'disposal action': 'action',
  legislation: 'authority',
  'legislation name': 'authority',
  'legislation or business reason': 'authority',
  rationale: 'authority',
  'legislation link': 'authority_url',
  'legislation url': 'authority_url',
  'personal data': 'personal_data',
  'personal data?': 'personal_data',
  'special category': 'special_category',
  'special category data': 'special_category',
  'special category?': 'special_category',
};

/** Which of our fields each column of a header holds; a column we do not know is left alone. */
export function mapScheduleHeader(header: readonly string[]): (Column | undefined)[] {
  return header.map((name) => {
    const key = squash(name);
    const ours = SCHEDULE_COLUMNS.find((c) => squash(c) === key);
    return ours ?? COLUMN_NAMES[key];
  });
}

export class ScheduleRowError extends Error {}

/** "destroy, review, transfer or permanent" */
const oneOf = (items: readonly string[]) => `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0', '']);
function flag(value: string | undefined, column: string): boolean {
  const v = (value ?? '').trim().toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  throw new ScheduleRowError(`${column} must be yes or no, not "${value}"`);
}

function wholeNumber(value: string | undefined, column: string): number {
  const v = (value ?? '').trim();
  if (v === '') return 0;
  if (!/^\d{1,4}$/.test(v)) throw new ScheduleRowError(`${column} must be a whole number, not "${value}"`);
  return Number(v);
}

const MAX_TEXT = 2000;
function text(value: string | undefined, column: string, required = false): string {
  const v = (value ?? '').replace(/\s+/g, ' ').trim();
  if (required && !v) throw new ScheduleRowError(`${column} is empty`);
  if (v.length > MAX_TEXT) throw new ScheduleRowError(`${column} is longer than ${MAX_TEXT} characters`);
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\u0000-\u001F\u007F-\u009F]/.test(v))
    throw new ScheduleRowError(`${column} holds a control character`);
  return v;
}

/**
 * One row of a schedule file, read by its mapped header, into a schedule row — or the reason it cannot be. Either
 * our own `period` column or the LGA's retention years, months and "retain permanently" may give the retention.
 */
export function readScheduleRow(
  columns: readonly (Column | undefined)[],
  cells: readonly string[],
): ScheduleRow {
  const get = (column: Column) => {
    const i = columns.indexOf(column);
    return i === -1 ? undefined : cells[i];
  };
  const code = text(get('code'), 'code', true);
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/.test(code))
    throw new ScheduleRowError(
      `code "${code}" must be up to 40 letters, digits, dots, dashes or underscores`,
    );
  const triggerText = text(get('trigger'), 'trigger', true);
  const trigger = findTrigger(triggerText);
  if (!trigger)
    throw new ScheduleRowError(
      `trigger "${triggerText}" is not one Custodian knows: use ${oneOf(TRIGGER_IDS)}`,
    );
  const retention = readRetention(get);
  const fromText = text(get('from'), 'from') || 'trigger';
  if (!(RETENTION_FROM as readonly string[]).includes(fromText))
    throw new ScheduleRowError(`from must be ${oneOf(RETENTION_FROM)}, not "${fromText}"`);
  const actionText = text(get('action'), 'action').toLowerCase();
  const action = actionFrom(actionText, retention);
  const authorityUrl = text(get('authority_url'), 'authority_url') || null;
  if (authorityUrl && !/^https:\/\/[^\s]+$/.test(authorityUrl))
    throw new ScheduleRowError(`authority_url must be an https:// address, not "${authorityUrl}"`);
  return {
    code,
    function: text(get('function'), 'function', true),
    activity: text(get('activity'), 'activity'),
    description: text(get('description'), 'description', true),
    trigger,
    retention,
    from: fromText as RetentionFrom,
    action,
    authority: text(get('authority'), 'authority'),
    authorityUrl,
    personalData: flag(get('personal_data'), 'personal_data'),
    specialCategory: flag(get('special_category'), 'special_category'),
    notes: text(get('notes'), 'notes'),
  };
}

function readRetention(get: (column: Column) => string | undefined): Retention {
  const period = get('period');
  if (period !== undefined && period.trim() !== '') {
    try {
      return parseRetention(period);
    } catch (error) {
      if (error instanceof RetentionInputError) throw new ScheduleRowError(`period: ${error.message}`);
      throw error;
    }
  }
  if (flag(get('retain_permanently'), 'retain permanently')) return 'permanent';
  const years = wholeNumber(get('retention_years'), 'retention years');
  const months = wholeNumber(get('retention_months'), 'retention months');
  if (get('retention_years') === undefined && get('retention_months') === undefined)
    throw new ScheduleRowError('period is empty: give an ISO 8601 duration such as P6Y, or permanent');
  return { years, months, days: 0 };
}

/**
 * The action a row names. Without one (the LGA layout has no such column), a permanent row is retained and any other
 * is destroyed — the guidance's own default — since every destruction still passes the owner's review and the
 * records manager's approval.
 */
function actionFrom(actionText: string, retention: Retention): DisposalAction {
  if (!actionText) return retention === 'permanent' ? 'permanent' : 'destroy';
  const action = DISPOSAL_ACTIONS.find((a) => a === actionText);
  if (!action) throw new ScheduleRowError(`action must be ${oneOf(DISPOSAL_ACTIONS)}, not "${actionText}"`);
  const problem = ruleProblem(action, retention);
  if (problem) throw new ScheduleRowError(problem);
  return action;
}

/** What is contradictory in a rule's action and period, if anything: permanent records are never disposed of. */
export function ruleProblem(action: DisposalAction, retention: Retention): string | undefined {
  if (action === 'permanent' && retention !== 'permanent')
    return 'a permanent action needs the period permanent';
  if (action !== 'permanent' && retention === 'permanent')
    return `a permanent period cannot end in "${action}"`;
  return undefined;
}

/** A schedule row as the cells of a schedule file, in SCHEDULE_COLUMNS order. */
export function scheduleRowCells(row: ScheduleRow): string[] {
  return [
    row.code,
    row.function,
    row.activity,
    row.description,
    row.trigger,
    formatRetention(row.retention),
    row.from,
    row.action,
    row.authority,
    row.authorityUrl ?? '',
    row.personalData ? 'yes' : 'no',
    row.specialCategory ? 'yes' : 'no',
    row.notes,
  ];
}
