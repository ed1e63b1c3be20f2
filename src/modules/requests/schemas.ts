import { z } from 'zod';
import { idSchema } from '../../platform/validation.ts';
import { isIsoDate } from '../../domain/calendar/dates.ts';
import { CASE_TYPES } from '../../domain/request-workflow.ts';

export const CHANNELS = ['web', 'email', 'post', 'phone', 'in-person', 'whatdotheyknow', 'api'] as const;

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((v) => v || undefined)
    .optional();

/** A new case: from the public form, the staff form or the API. */
export const newCaseSchema = z.object({
  type: z.enum(CASE_TYPES, { error: 'Choose the type of request' }),
  channel: z.enum(CHANNELS, { error: 'Choose how the request arrived' }).default('web'),
  subject: z
    .string({ error: 'Give the request a short title' })
    .trim()
    .min(1, 'Give the request a short title')
    .max(300, 'The title must be 300 characters or fewer'),
  description: z
    .string({ error: 'Enter the request' })
    .trim()
    .min(1, 'Enter the request')
    .max(20_000, 'The request must be 20,000 characters or fewer'),
  requesterName: z
    .string({ error: 'Enter a name' })
    .trim()
    .min(1, 'Enter a name')
    .max(200, 'The name must be 200 characters or fewer'),
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
  requesterAddress: optionalText(1000, 'The address must be 1,000 characters or fewer'),
  receivedOn: z
    .string({ error: 'Enter the date received' })
    .refine(isIsoDate, 'Enter the date received as a real date, like 2026-11-25'),
  pressInterest: z.boolean().optional(),
  reviewOf: idSchema.optional(),
});
export type NewCase = z.infer<typeof newCaseSchema>;

/** What the public form asks for: the requester always gives a way to reply. */
export const publicRequestSchema = z.object({
  type: z.enum(['foi', 'eir', 'sar'], { error: 'Choose the kind of request' }),
  description: z
    .string({ error: 'Enter your request' })
    .trim()
    .min(10, 'Enter your request, in at least a sentence')
    .max(20_000, 'Your request must be 20,000 characters or fewer'),
  requesterName: z
    .string({ error: 'Enter your name' })
    .trim()
    .min(1, 'Enter your name')
    .max(200, 'Your name must be 200 characters or fewer'),
  requesterEmail: z
    .string({ error: 'Enter your email address' })
    .trim()
    .min(1, 'Enter your email address')
    .max(254)
    .pipe(z.email('Enter an email address in the correct format, like name@example.com')),
  requesterAddress: optionalText(1000, 'Your address must be 1,000 characters or fewer'),
});
export type PublicRequest = z.infer<typeof publicRequestSchema>;
