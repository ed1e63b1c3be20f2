import { z } from 'zod';
import { optionalIdField, optionalTextField, textField } from '../../platform/validation.ts';
import { RETENTION_FROM, type Retention } from '../../domain/records/retention.ts';
import {
  DISPOSAL_ACTIONS,
  ruleProblem,
  TRIGGER_IDS,
  type ScheduleRow,
} from '../../domain/records/schedule.ts';

/** A class of the schedule as a records manager keeps it: its row, its owner, and why it is as it is. */
export type ClassInput = ScheduleRow & {
  ownerDirectorateId: number | null;
  variance: string;
  changeReason: string;
};

const checkbox = z.preprocess((v) => v === 'yes' || v === true || v === 'on', z.boolean());
const count = (label: string) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? 0 : typeof v === 'string' ? Number(v.trim() || 0) : v),
    z
      .number({ error: `${label} must be a whole number` })
      .int(`${label} must be a whole number`)
      .min(0, `${label} cannot be negative`)
      .max(1000, `${label} must be 1,000 or fewer`),
  );

/**
 * The class form: the period as years, months and days (or kept permanently), as a records manager thinks of it,
 * turned into the same row a schedule file gives.
 */
export const classFormSchema = z
  .object({
    code: textField({ max: 40, required: 'Enter the class code', label: 'The code' }).refine(
      (v) => /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(v),
      'The code is letters, digits, dots, dashes or underscores, like FIN-01',
    ),
    function: textField({ max: 200, required: 'Enter the function', label: 'The function' }),
    activity: optionalTextField({ max: 200, label: 'The activity' }),
    description: textField({ max: 2000, required: 'Describe the records', label: 'The description' }),
    trigger: z.enum(TRIGGER_IDS as [string, ...string[]], { error: 'Choose the event the period runs from' }),
    permanent: checkbox,
    years: count('Years'),
    months: count('Months'),
    days: count('Days'),
    from: z.enum(RETENTION_FROM, { error: 'Choose where the period is counted from' }),
    action: z.enum(DISPOSAL_ACTIONS, { error: 'Choose what happens at the end' }),
    authority: optionalTextField({ max: 2000, label: 'The authority' }),
    authorityUrl: optionalTextField({ max: 2000, label: 'The link' }).refine(
      (v) => !v || /^https:\/\/\S+$/.test(v),
      'Enter a link starting https://',
    ),
    ownerDirectorateId: optionalIdField('Choose a directorate'),
    personalData: checkbox,
    specialCategory: checkbox,
    notes: optionalTextField({ max: 2000, label: 'The notes', multiline: true }),
    variance: optionalTextField({ max: 2000, label: 'The local variance', multiline: true }),
    changeReason: optionalTextField({ max: 500, label: 'The reason', multiline: true }),
  })
  .superRefine((v, ctx) => {
    const retention = retentionOf(v);
    if (retention !== 'permanent' && v.years + v.months + v.days === 0 && v.action !== 'review')
      ctx.addIssue({ code: 'custom', path: ['years'], message: 'Enter how long the records are kept' });
    if (v.specialCategory && !v.personalData)
      ctx.addIssue({
        code: 'custom',
        path: ['personalData'],
        message: 'Special category data is personal data: tick personal data too',
      });
    const problem = ruleProblem(v.action, retention);
    if (problem)
      ctx.addIssue({
        code: 'custom',
        path: ['action'],
        message:
          v.action === 'permanent'
            ? 'Records kept permanently are retained: choose “Keep permanently” for the period too'
            : 'Records kept permanently cannot be destroyed, reviewed or transferred at an end: choose retain permanently',
      });
  })
  .transform((v): ClassInput => ({
    code: v.code,
    function: v.function,
    activity: v.activity ?? '',
    description: v.description,
    trigger: v.trigger as ScheduleRow['trigger'],
    retention: retentionOf(v),
    from: v.from,
    action: v.action,
    authority: v.authority ?? '',
    authorityUrl: v.authorityUrl || null,
    personalData: v.personalData,
    specialCategory: v.specialCategory,
    notes: v.notes ?? '',
    ownerDirectorateId: v.ownerDirectorateId ?? null,
    variance: v.variance ?? '',
    changeReason: v.changeReason ?? '',
  }));

function retentionOf(v: { permanent: boolean; years: number; months: number; days: number }): Retention {
  return v.permanent ? 'permanent' : { years: v.years, months: v.months, days: v.days };
}

/** The hold form: who asked and why, and whichever of the scopes were filled in. */
export const holdFormSchema = z.object({
  name: textField({ max: 200, required: 'Give the hold a name', label: 'The name' }),
  reason: textField({
    max: 2000,
    required: 'Say why the records must be kept',
    label: 'The reason',
    multiline: true,
  }),
  authority: optionalTextField({ max: 500, label: 'The authority' }),
  requestedBy: optionalTextField({ max: 200, label: 'Who asked' }),
  reviewOn: z
    .string()
    .refine((v) => v !== 'invalid', 'Enter the review date as a real date, like 31 3 2027')
    .transform((v) => v || null),
  classCodes: z.preprocess(
    (v) => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]),
    z.array(z.string().max(40)).max(500),
  ),
  source: optionalTextField({ max: 200, label: 'The source' }),
  folder: optionalTextField({ max: 1000, label: 'The folder' }),
  directorateId: optionalIdField('Choose a directorate'),
  itemIds: optionalTextField({ max: 2000, label: 'The record numbers' }).refine(
    (v) => !v || /^[\d\s,]+$/.test(v),
    'Give record numbers separated by commas, like 1201, 1202',
  ),
  term: optionalTextField({ max: 200, label: 'The search' }),
});

/** A decision on one record of a disposal list. */
export const decisionFormSchema = z.object({
  decision: z.enum(['dispose', 'keep', 'reclassify'], { error: 'Choose what happens to the record' }),
  keepUntil: z.string().refine((v) => v !== 'invalid', 'Enter the date to keep it until as a real date'),
  reason: optionalTextField({ max: 2000, label: 'The reason', multiline: true }),
  newClassCode: optionalTextField({ max: 40, label: 'The class' }),
});

/** A reason given for sending a list back, stopping it or releasing a hold. */
export const reasonFormSchema = z.object({
  reason: textField({ max: 2000, required: 'Give the reason', label: 'The reason', multiline: true }),
});
