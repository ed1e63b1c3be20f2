import { z } from 'zod';
import {
  idField,
  optionalIdField,
  idSchema,
  optionalTextField,
  parseId,
  searchField,
  textField,
} from '../../platform/validation.ts';
import { OUTCOMES, parsePounds } from '../../domain/requests/outcomes.ts';
import { isIsoDate } from '../../domain/calendar/dates.ts';
import { CASE_TYPES, STATUSES, type CaseAction } from '../../domain/requests/workflow.ts';

/**
 * The earliest date of receipt accepted: the subject access right of the DPA 1998 began on 1 March 2000 and FOIA's on
 * 1 January 2005, and the shipped calendar's historic days go back to 2000. An earlier date is a typing slip.
 */
export const EARLIEST_RECEIPT = '2000-01-01';

export const CHANNELS = ['web', 'email', 'post', 'phone', 'in-person', 'whatdotheyknow', 'api'] as const;

/** A new case: from the public form, the staff form or the API. */
export const newCaseSchema = z.object({
  type: z.enum(CASE_TYPES, { error: 'Choose the type of request' }),
  channel: z.enum(CHANNELS, { error: 'Choose how the request arrived' }).default('web'),
  subject: textField({ max: 300, required: 'Give the request a short title', label: 'The title' }),
  description: textField({
    max: 20_000,
    required: 'Enter the request',
    label: 'The request',
    multiline: true,
  }),
  requesterName: textField({ max: 200, required: 'Enter a name', label: 'The name' }),
  requesterEmail: z
    .string()
    .trim()
    .max(254)
    .pipe(
      z.union([
        z.literal(''),
        z.email('Enter an email address in the correct format, like name@example.com'),
      ]),
    )
    .transform((v) => v || undefined)
    .optional(),
  requesterAddress: optionalTextField({ max: 1000, label: 'The address', multiline: true }),
  receivedOn: z
    .string({ error: 'Enter the date received' })
    .refine(isIsoDate, 'Enter the date received as a real date, like 2026-11-25')
    .refine((d) => d >= EARLIEST_RECEIPT, 'Enter a date received on or after 1 January 2000'),
  pressInterest: z.boolean().optional(),
  reviewOf: idSchema.optional(),
});
export type NewCase = z.infer<typeof newCaseSchema>;

/** What the public form asks for: the requester always gives a way to reply. */
export const publicRequestSchema = z.object({
  type: z.enum(['foi', 'eir', 'sar'], { error: 'Choose the kind of request' }),
  description: textField({
    max: 20_000,
    required: 'Enter your request',
    label: 'Your request',
    multiline: true,
  }).pipe(z.string().min(10, 'Enter your request, in at least a sentence')),
  requesterName: textField({ max: 200, required: 'Enter your name', label: 'Your name' }),
  requesterEmail: z
    .string({ error: 'Enter your email address' })
    .trim()
    .min(1, 'Enter your email address')
    .max(254)
    .pipe(z.email('Enter an email address in the correct format, like name@example.com')),
  requesterAddress: optionalTextField({ max: 1000, label: 'Your address', multiline: true }),
});
export type PublicRequest = z.infer<typeof publicRequestSchema>;

// ---------- one schema per case action (forms and tests send strings; checkboxes arrive once or repeated) ----------

/** A field that may come once or repeated (checkboxes), as a list of strings. */
const list = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? [] : (Array.isArray(v) ? v : [v]).map(String)),
  z.array(z.string().max(50)).max(50),
);

/** A date typed as YYYY-MM-DD; whether it is in range depends on the case, so the command checks that. */
const dateField = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() : v),
  z
    .string({ error: 'Enter a real date, like 2026-11-25' })
    .refine(isIsoDate, 'Enter a real date, like 2026-11-25'),
);

const note = (required: string) => textField({ max: 5000, required, label: 'The note', multiline: true });
const optionalNote = optionalTextField({ max: 5000, label: 'The note', multiline: true });

/** Money as people type it ("£25", "1,250.50"), from 1p to £100,000. */
const pounds = z.preprocess(
  (v) => (typeof v === 'number' ? v : parsePounds(typeof v === 'string' ? v : '')),
  z
    .number({ error: 'Enter the fee in pounds, for example 25.00' })
    .gt(0, 'Enter the fee in pounds, for example 25.00')
    .max(100_000, 'Enter the fee in pounds, for example 25.00'),
);

export const ACTION_INPUTS = {
  acknowledge: z.object({}),
  'request-clarification': z.object({ note: note('Say what the requester needs to clarify') }),
  'request-identity': z.object({ note: note('Say what proof of identity is needed') }),
  'issue-fee-notice': z.object({ amount: pounds, from: dateField, note: optionalNote }),
  'resume-clock': z.object({
    on: dateField,
    method: optionalTextField({ max: 200, label: 'How identity was confirmed' }),
  }),
  allocate: z.object({
    directorateId: idField('Choose a directorate'),
    teamId: optionalIdField('Choose a team in that directorate'),
    assigneeId: optionalIdField('Choose an active member of staff'),
  }),
  'request-contribution': z.object({
    teamId: idField('Choose the team to ask'),
    note: note('Say what the team should supply'),
  }),
  'record-contribution': z.object({
    contributionId: idField('That contribution is not outstanding on this case'),
  }),
  'start-drafting': z.object({}),
  extend: z.object({ exemptions: list, note: optionalNote }),
  'submit-for-approval': z.object({
    outcome: z.enum(OUTCOMES, { error: 'Choose the outcome' }).optional().catch(undefined),
    exemptions: list,
    costEstimateHours: z.preprocess(
      (v) => (v === undefined || v === '' || v === null ? undefined : Number(v)),
      z.number().optional(),
    ),
    publicInterest: optionalNote,
    responseText: optionalTextField({ max: 50_000, label: 'The response', multiline: true }),
    reviewOutcome: z.enum(['upheld', 'part-upheld', 'overturned']).optional().catch(undefined),
    purposes: optionalNote,
    recipients: optionalNote,
    retention: optionalNote,
    source: optionalNote,
  }),
  'record-press-sight': z.object({}),
  approve: z.object({}),
  'return-for-redraft': z.object({ note: note('Say what needs to change') }),
  respond: z.object({ on: dateField }),
  close: z.object({}),
  publish: z.object({
    title: textField({ max: 300, required: 'Give the published title', label: 'The title' }),
    response: textField({
      max: 50_000,
      required: 'Give the published response',
      label: 'The published response',
      multiline: true,
    }),
  }),
  'record-ico': z.object({
    reference: textField({ max: 100, required: 'Give the ICO reference', label: 'The ICO reference' }),
    icoOutcome: z
      .enum(['', 'upheld', 'part-upheld', 'not-upheld', 'informally-resolved'], {
        error: 'Choose the decision notice outcome',
      })
      .optional()
      .transform((v) => v || undefined),
  }),
  'log-search': z.object({
    systemId: idField('Choose a system from the list'),
    found: z.preprocess((v) => v === true || v === 'yes', z.boolean()),
    notes: optionalTextField({ max: 2000, label: 'The notes', multiline: true }),
  }),
  'record-disclosure': z.object({
    item: textField({ max: 1000, required: 'Describe the item', label: 'The item' }),
    decision: z.enum(['disclosed', 'redacted', 'withheld'], {
      error: 'Choose disclosed, redacted or withheld',
    }),
    exemption: z
      .string()
      .max(50)
      .optional()
      .transform((v) => v || undefined),
  }),
} satisfies Record<CaseAction, z.ZodType>;

export type ActionInput<A extends CaseAction> = z.infer<(typeof ACTION_INPUTS)[A]>;

/** An internal review of a responded case, opened from the case page. */
export const internalReviewSchema = z.object({
  receivedOn: dateField,
  grounds: note('Give the grounds for the review'),
});

/** Allocating several cases at once from the list. */
export const bulkAllocationSchema = z.object({
  caseIds: z.preprocess(
    (v) => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]).map(parseId).filter(Boolean),
    z.array(idSchema).min(1, 'Choose the cases to allocate').max(500),
  ),
  directorateId: idField('Choose the directorate to allocate them to'),
  teamId: optionalIdField('Choose a team in that directorate'),
});

// ---------- settings ----------

export const systemSchema = z.object({
  name: textField({ max: 200, required: 'Enter the system’s name', label: 'The name' }),
});

/** A directorate's timeliness targets, as percentages answered in time. */
export const targetSchema = z.object({
  foiPercent: z.coerce
    .number({ error: 'Enter a percentage' })
    .min(50, 'Enter a percentage from 50 to 100')
    .max(100, 'Enter a percentage from 50 to 100'),
  sarPercent: z.coerce
    .number({ error: 'Enter a percentage' })
    .min(50, 'Enter a percentage from 50 to 100')
    .max(100, 'Enter a percentage from 50 to 100'),
});
export type Target = z.infer<typeof targetSchema>;

/** The case list's filters, as the page's query string gives them (anything odd is ignored, not refused). */
export const caseListQuery = z.object({
  view: z.enum(['mine', 'team', 'due-soon', 'overdue', 'open', 'all']).catch('open'),
  type: z.enum(CASE_TYPES).optional().catch(undefined),
  status: z.enum(STATUSES).optional().catch(undefined),
  directorate: z.coerce.number().pipe(idSchema).optional().catch(undefined),
  q: searchField,
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
