import type { DeadlineKind } from './deadlines.ts';
import type { Regime } from './exemptions.ts';

/** The kinds of correspondence Custodian handles. */
export const CASE_TYPES = [
  'foi',
  'eir',
  'sar',
  'rectification',
  'erasure',
  'objection',
  'restriction',
  'internal-review',
  'press',
  'enquiry',
] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const CASE_TYPE_NAMES: Record<CaseType, string> = {
  foi: 'Freedom of information',
  eir: 'Environmental information',
  sar: 'Subject access',
  rectification: 'Rectification',
  erasure: 'Erasure',
  objection: 'Objection',
  restriction: 'Restriction of processing',
  'internal-review': 'Internal review',
  press: 'Press enquiry',
  enquiry: 'General enquiry',
};

/** Data-protection rights requests: on the UK GDPR Art 12(3) one-month clock, approved by the DPO. */
export const RIGHTS_TYPES: ReadonlySet<CaseType> = new Set([
  'sar',
  'rectification',
  'erasure',
  'objection',
  'restriction',
]);

export const REFERENCE_PREFIX: Record<CaseType, string> = {
  foi: 'FOI',
  eir: 'EIR',
  sar: 'SAR',
  rectification: 'DPR',
  erasure: 'DPR',
  objection: 'DPR',
  restriction: 'DPR',
  'internal-review': 'IR',
  press: 'PRS',
  enquiry: 'ENQ',
};

export function regimeOf(type: CaseType, reviewedType?: CaseType): Regime | undefined {
  if (type === 'foi') return 'foia';
  if (type === 'eir') return 'eir';
  if (RIGHTS_TYPES.has(type)) return 'dpa';
  if (type === 'internal-review' && reviewedType) return regimeOf(reviewedType);
  return undefined;
}

/** The clock a case runs on. Internal reviews run on the reviewed request's review clock. */
export function deadlineKindOf(type: CaseType, extended: boolean, reviewedType?: CaseType): DeadlineKind {
  if (type === 'foi') return extended ? 'foi-extended' : 'foi';
  if (type === 'eir') return extended ? 'eir-extended' : 'eir';
  if (RIGHTS_TYPES.has(type)) return extended ? 'sar-extended' : 'sar';
  if (type === 'internal-review') {
    if (reviewedType === 'eir') return 'eir-review';
    if (reviewedType && RIGHTS_TYPES.has(reviewedType)) return extended ? 'sar-extended' : 'sar';
    return extended ? 'foi-review-extended' : 'foi-review';
  }
  return 'enquiry';
}

/** Internal targets on every case (MoJ's pattern): allocated within 3 working days, a draft within 10. */
export const ALLOCATION_TARGET_WORKING_DAYS = 3;
export const DRAFT_TARGET_WORKING_DAYS = 10;

export const STATUSES = [
  'received',
  'acknowledged',
  'awaiting-clarification',
  'awaiting-identity',
  'awaiting-fee',
  'allocated',
  'contributions',
  'drafting',
  'approval',
  'approved',
  'responded',
  'closed',
] as const;
export type CaseStatus = (typeof STATUSES)[number];

export const STATUS_NAMES: Record<CaseStatus, string> = {
  received: 'Received',
  acknowledged: 'Acknowledged',
  'awaiting-clarification': 'Awaiting clarification (clock stopped)',
  'awaiting-identity': 'Awaiting proof of identity (clock stopped)',
  'awaiting-fee': 'Awaiting fee (clock paused)',
  allocated: 'Allocated',
  contributions: 'Contributions requested',
  drafting: 'Drafting',
  approval: 'Awaiting approval',
  approved: 'Approved, ready to send',
  responded: 'Responded',
  closed: 'Closed',
};

/** Statuses in which the case is still open work with a deadline. */
export const OPEN_STATUSES: readonly CaseStatus[] = STATUSES.filter(
  (s) => s !== 'responded' && s !== 'closed',
);
/** Waiting on the requester: the statutory clock is not running. */
export const WAITING_STATUSES: ReadonlySet<CaseStatus> = new Set([
  'awaiting-clarification',
  'awaiting-identity',
  'awaiting-fee',
]);

/** Why the clock stopped. */
export type StopReason = 'clarification' | 'identity' | 'fee';

/**
 * What waiting on the requester does to the clock, by case type:
 * - FOI and EIR: clarification restarts it from the day the answer arrives (FOIA s.1(3) with s.10(6); EIR reg 9(4));
 *   a fees notice pauses it, the days from the notice to the payment not counting (FOIA s.10(2); EIR reg 8).
 * - Data-protection rights: proof of identity and a fee restart it — the month runs from the latest of the request,
 *   the identity and the fee (UK GDPR Art 12A, inserted by the Data (Use and Access) Act 2025; DPA 2018
 *   s.54(3)); clarification pauses it — "the period beginning with the day on which the controller makes the request
 *   and ending with the day on which the controller receives the information does not count" (Art 12A; DPA
 *   2018 s.54(3C)).
 */
export function clockEffect(type: CaseType, reason: StopReason): 'pause' | 'restart' {
  if (RIGHTS_TYPES.has(type)) return reason === 'clarification' ? 'pause' : 'restart';
  return reason === 'fee' ? 'pause' : 'restart';
}

const ACTIVE: CaseStatus[] = ['received', 'acknowledged', 'allocated', 'contributions', 'drafting'];
const NOT_CLOSED: CaseStatus[] = STATUSES.filter((s) => s !== 'closed');

/** Where a case goes: a status, "unchanged", or worked out from the case. */
type Next =
  CaseStatus | 'unchanged' | ((c: { status: CaseStatus; directorateId: number | null }) => CaseStatus);

/**
 * The whole state machine in one table: for each action, the statuses it may start from and the status it leaves the
 * case in. Anything else is refused with a message; the command for each action only does its own work.
 */
export const WORKFLOW = {
  acknowledge: { from: ['received'], to: 'acknowledged' },
  'request-clarification': { from: ACTIVE, to: 'awaiting-clarification' },
  'request-identity': { from: ACTIVE, to: 'awaiting-identity' },
  'issue-fee-notice': { from: ACTIVE, to: 'awaiting-fee' },
  // The answer puts the case back where allocation had it.
  'resume-clock': {
    from: ['awaiting-clarification', 'awaiting-identity', 'awaiting-fee'],
    to: (c) => (c.directorateId ? 'allocated' : 'acknowledged'),
  },
  allocate: {
    from: ['received', 'acknowledged', 'allocated', 'contributions', 'drafting'],
    to: (c) => (c.status === 'received' || c.status === 'acknowledged' ? 'allocated' : c.status),
  },
  'request-contribution': { from: ['allocated', 'contributions', 'drafting'], to: 'contributions' },
  'record-contribution': { from: ['contributions', 'drafting'], to: 'unchanged' },
  'start-drafting': { from: ['allocated', 'contributions'], to: 'drafting' },
  extend: { from: ['acknowledged', 'allocated', 'contributions', 'drafting', 'approval'], to: 'unchanged' },
  'submit-for-approval': { from: ['allocated', 'contributions', 'drafting'], to: 'approval' },
  'record-press-sight': { from: ['approval'], to: 'unchanged' },
  approve: { from: ['approval'], to: 'approved' },
  'return-for-redraft': { from: ['approval'], to: 'drafting' },
  respond: { from: ['approved'], to: 'responded' },
  close: { from: ['responded'], to: 'closed' },
  publish: { from: ['responded', 'closed'], to: 'unchanged' },
  'record-ico': { from: ['responded', 'closed'], to: 'unchanged' },
  // A subject access request's search log and disclosure record, kept while the case is open to change.
  'log-search': { from: NOT_CLOSED, to: 'unchanged' },
  'record-disclosure': { from: NOT_CLOSED, to: 'unchanged' },
} as const satisfies Record<string, { from: readonly CaseStatus[]; to: Next }>;
export type CaseAction = keyof typeof WORKFLOW;
export const CASE_ACTIONS = Object.keys(WORKFLOW) as CaseAction[];

export function canTake(action: CaseAction, status: CaseStatus): boolean {
  return (WORKFLOW[action].from as readonly CaseStatus[]).includes(status);
}

/** The status a case is left in by an action. */
export function nextStatus(
  action: CaseAction,
  c: { status: CaseStatus; directorateId: number | null },
): CaseStatus {
  const to = WORKFLOW[action].to as Next;
  return to === 'unchanged' ? c.status : typeof to === 'function' ? to(c) : to;
}

/** WhatDoTheyKnow sends from request-<id>-<8 hex>@whatdotheyknow.com; replies go back there, subject kept. */
const WDTK = /^request-\d+-[0-9a-f]{8}@whatdotheyknow\.com$/i;
export function isWhatDoTheyKnowAddress(email: string | null | undefined): boolean {
  return !!email && WDTK.test(email.trim());
}

/** The subject line of anything sent about a case. WhatDoTheyKnow threads on the request's own subject. */
export function replySubject(
  c: { reference: string; subject: string; whatDoTheyKnow: boolean },
  topic: string,
): string {
  if (c.whatDoTheyKnow) return c.subject.toLowerCase().startsWith('re:') ? c.subject : `Re: ${c.subject}`;
  return `${topic} – ${c.reference}`;
}

export function formatReference(type: CaseType, year: number, n: number): string {
  return `${REFERENCE_PREFIX[type]}-${year}-${String(n).padStart(5, '0')}`;
}

/**
 * A title for a request made without one (the public form, the API): its first sentence when that is short, else its
 * opening words up to a word boundary, with an ellipsis — never a word cut in half.
 */
export function titleFromRequest(description: string, max = 80): string {
  const text = description.replace(/\s+/g, ' ').trim();
  const sentence = /^(.+?[.?!])(\s|$)/.exec(text)?.[1];
  if (sentence && sentence.length <= max) return sentence;
  if (text.length <= max) return text;
  // Cut at the last space within the limit (or at the limit itself when a word ends exactly there).
  const space = text[max] === ' ' ? max : text.lastIndexOf(' ', max);
  const cut = text.slice(0, space > max / 2 ? space : max);
  return `${cut.replace(/[\s,;:–-]+$/, '')}…`;
}
