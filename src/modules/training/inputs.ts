import { z } from 'zod';
import { dateField, idField, optionalTextField, textField, yes, idList } from '../../platform/validation.ts';
import { COMPLETION_STATUSES } from '../../domain/training/compliance.ts';
import { personReference } from '../staff/index.ts';

/** xAPI activity ids, one per line in the form, a list in an API body. */
const lines = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter(Boolean)
      : (v ?? []),
  z
    .array(
      z
        .string()
        .max(500, 'Each activity id must be 500 characters or fewer')
        .refine(
          (v) => /^[a-z][a-z0-9+.-]*:\S+$/i.test(v),
          'Each activity id is an IRI, like https://lms.example/courses/dpa',
        ),
    )
    .max(50),
);

export const courseSchema = z.object({
  code: z
    .string({ error: 'Enter a course code' })
    .trim()
    .min(1, 'Enter a course code')
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._-]{0,29}$/,
      'A course code is up to 30 letters, digits, dots, dashes or underscores, like DPA-IG',
    ),
  title: textField({ max: 200, label: 'Title', required: 'Enter the course title' }),
  description: optionalTextField({ max: 2000, label: 'Description', multiline: true }),
  mandatory: yes,
  refreshMonths: z.coerce
    .number({ error: 'Enter how many months a completion lasts' })
    .int('Enter a whole number of months')
    .min(1, 'A completion lasts at least 1 month')
    .max(60, 'A completion lasts at most 60 months'),
  audienceDirectorateIds: idList,
  xapiActivityIds: lines,
});
export type CourseInput = z.infer<typeof courseSchema>;

export const completionSchema = z.object({
  person: personReference(),
  courseId: idField('Select the course'),
  status: z.enum(COMPLETION_STATUSES, { error: 'Select how the attempt ended' }),
  completedOn: dateField('of the attempt'),
  score: z.preprocess(
    (v) => (v === '' || v === undefined ? undefined : v),
    z.coerce
      .number({ error: 'Enter the score as a number from 0 to 100' })
      .min(0, 'Enter the score as a number from 0 to 100')
      .max(100, 'Enter the score as a number from 0 to 100')
      .optional(),
  ),
  evidence: textField({
    max: 2000,
    label: 'Evidence',
    multiline: true,
    required: 'Say what shows the training was done (a certificate, a register of attendance)',
  }),
});
export type CompletionInput = z.infer<typeof completionSchema>;

export const targetSchema = z.object({
  directorateId: idField('Select the directorate'),
  percent: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z.union([
      z.null(),
      z.coerce
        .number({ error: 'Enter the target as a percentage, like 95' })
        .min(50, 'A target is at least 50 %')
        .max(100, 'A target is at most 100 %'),
    ]),
  ),
});
export type TargetInput = z.infer<typeof targetSchema>;
