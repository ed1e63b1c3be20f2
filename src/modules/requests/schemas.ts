import { z } from 'zod';
import { idSchema, optionalTextField, textField } from '../../platform/validation.ts';
import { isIsoDate } from '../../domain/calendar/dates.ts';
import { CASE_TYPES } from '../../domain/requests/workflow.ts';

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
