import { addDays, isIsoDate, type IsoDate } from '../calendar/dates.ts';

/**
 * Disposal (DOMAIN.md): proposed → reviewed by the owner → approved by the records manager → cooling-off (anyone with
 * the right can stop it) → executed through each record's source → certificate. The whole life of a list is this
 * table: for each action, the statuses it may start from and the status it leaves the list in.
 */
export const LIST_STATUSES = [
  'review',
  'approval',
  'cooling-off',
  'executing',
  'executed',
  'stopped',
] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];

export const LIST_STATUS_NAMES: Record<ListStatus, string> = {
  review: 'Owner reviewing',
  approval: 'Awaiting approval',
  'cooling-off': 'Approved, cooling off',
  executing: 'Being carried out',
  executed: 'Carried out',
  stopped: 'Stopped',
};

export const LIST_WORKFLOW = {
  /** The owner's decision on one record. */
  decide: { from: ['review'], to: 'review' },
  /** The owner has decided on every record and sends the list for approval. */
  'submit-review': { from: ['review'], to: 'approval' },
  /** The records manager approves: the cooling-off starts. */
  approve: { from: ['approval'], to: 'cooling-off' },
  /** The records manager sends it back, or the list changed since review. */
  'return-to-owner': { from: ['approval'], to: 'review' },
  /** Anyone with the right stops an approved list before it is carried out. */
  stop: { from: ['cooling-off'], to: 'stopped' },
  /** The cooling-off is over: the engine starts carrying it out. */
  execute: { from: ['cooling-off'], to: 'executing' },
  /** Every record dealt with: the certificate is issued. */
  finish: { from: ['executing'], to: 'executed' },
} as const satisfies Record<string, { from: readonly ListStatus[]; to: ListStatus }>;
export type ListAction = keyof typeof LIST_WORKFLOW;

export function listCanTake(action: ListAction, status: ListStatus): boolean {
  return (LIST_WORKFLOW[action].from as readonly ListStatus[]).includes(status);
}

/** What the owner decides for a record at the end of its retention. */
export const DECISIONS = ['dispose', 'keep', 'reclassify'] as const;
export type Decision = (typeof DECISIONS)[number];

export const DECISION_NAMES: Record<Decision | 'pending', string> = {
  pending: 'Not decided',
  dispose: 'Dispose of it',
  keep: 'Keep it longer',
  reclassify: 'Put it in another class',
};

/**
 * What is wrong with a decision, if anything: keeping a record longer needs a reason and a later date (a date the
 * record was already kept to is no extension); putting it in another class needs the class and a reason.
 */
export function decisionProblem(
  d: { decision: Decision; keepUntil?: string | null; reason?: string | null; newClassId?: number | null },
  today: IsoDate,
): { field: string; message: string } | undefined {
  if (d.decision === 'keep') {
    if (!d.keepUntil || !isIsoDate(d.keepUntil))
      return { field: 'keepUntil', message: 'Enter the date to keep it until, as a real date' };
    if (d.keepUntil <= today)
      return { field: 'keepUntil', message: 'The date to keep it until must be in the future' };
    if (!d.reason?.trim()) return { field: 'reason', message: 'Say why it must be kept longer' };
  }
  if (d.decision === 'reclassify') {
    if (!d.newClassId) return { field: 'newClassId', message: 'Choose the class it belongs to' };
    if (!d.reason?.trim()) return { field: 'reason', message: 'Say why it belongs in that class' };
  }
  return undefined;
}

/** The last day of the cooling-off of a list approved on a day: it is carried out from the day after. */
export function coolingOffUntil(approvedOn: IsoDate, days: number): IsoDate {
  return addDays(approvedOn, days);
}

/** Whether an approved list's cooling-off is over on a day. */
export function coolingOffOver(
  list: { status: string; coolingOffUntil: IsoDate | null },
  today: IsoDate,
): boolean {
  return list.status === 'cooling-off' && list.coolingOffUntil !== null && list.coolingOffUntil < today;
}

/** "DL-2026-0007" for lists, "DC-2026-0007" for certificates. */
export function disposalNumber(prefix: 'DL' | 'DC', year: number, n: number): string {
  return `${prefix}-${year}-${String(n).padStart(4, '0')}`;
}
