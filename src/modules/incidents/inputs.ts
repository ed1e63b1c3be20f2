import { z } from 'zod';
import {
  dateField,
  keys,
  optionalIdField,
  optionalTextField,
  textField,
  ticked,
  yes,
} from '../../platform/validation.ts';
import {
  ACTION_KINDS,
  ART_34_EXEMPTIONS,
  BREACH_TYPES,
  CAUSES,
  CLASSIFICATIONS,
  DATA_CATEGORIES,
  ONGOING,
  OTHER_BODIES,
  ROUGH_NUMBERS,
  SPECIAL_CATEGORIES,
  STAFF_TRAINING,
  SUBJECT_CATEGORIES,
} from '../../domain/incidents/taxonomy.ts';
import {
  ENISA_ADJUSTMENT,
  ENISA_DATA_CONTEXT,
  ENISA_IDENTIFICATION,
  ENISA_LOSS,
  LIKELIHOOD,
  SEVERITY,
} from '../../domain/incidents/risk.ts';

/** A date from the three fields ("" when left empty, "invalid" when not a real date: see dateFromFields). */
const optionalDate = (what: string) =>
  z
    .string()
    .optional()
    .refine(
      (v) => !v || /^\d{4}-\d{2}-\d{2}$/.test(v),
      `Enter the date ${what} as a real date, like 27 3 2026`,
    )
    .transform((v) => v || undefined);

/** A time of day as people type it: 9:30, 09:30, 14.30. */
const optionalTime = (what: string) =>
  z
    .string()
    .trim()
    .optional()
    .refine(
      (v) => !v || /^([01]?\d|2[0-3])[:.][0-5]\d$/.test(v),
      `Enter the time ${what} as hours and minutes on the 24-hour clock, like 14:30`,
    )
    .transform((v) => (v ? v.replace('.', ':').padStart(5, '0') : undefined));

const version = z.coerce.number().int().min(1).max(2_147_483_647);

const longText = (label: string) => optionalTextField({ max: 5000, label, multiline: true });
const requiredText = (label: string, required: string) =>
  textField({ max: 5000, label, multiline: true, required });

const count = (label: string) =>
  z.preprocess(
    (v) =>
      v === '' || v === undefined || v === null
        ? undefined
        : typeof v === 'string'
          ? Number(v.replace(/,/g, ''))
          : v,
    z
      .number({ error: `${label} must be a number, like 250` })
      .int(`${label} must be a whole number`)
      .min(0, `${label} cannot be less than nought`)
      .max(100_000_000, `${label} must be 100,000,000 or fewer`)
      .optional(),
  );

/** The report anyone can send in two minutes: no personal data is asked for about the people affected. */
export const reportSchema = z.object({
  summary: requiredText('What happened', 'Describe what happened'),
  occurredOn: optionalDate('it happened'),
  occurredTime: optionalTime('it happened'),
  discoveredOn: dateField('it was found'),
  discoveredTime: optionalTime('it was found').pipe(
    z.string({ error: 'Enter the time it was found, or your best guess, like 14:30' }),
  ),
  people: z.enum(keys(ROUGH_NUMBERS), { error: 'Choose roughly how many people it is about' }),
  records: z.enum(keys(ROUGH_NUMBERS)).optional().catch(undefined),
  informationKinds: longText('What kind of information'),
  ongoing: z.enum(keys(ONGOING), { error: 'Say whether it is still happening' }),
  doneSoFar: longText('What has been done'),
  nearMiss: yes,
  directorateId: optionalIdField('Choose a directorate from the list'),
  service: optionalTextField({ max: 200, label: 'The service' }),
});
export type ReportInput = z.infer<typeof reportSchema>;

/** The public form adds how to reach the person reporting, which they may leave out. */
export const publicReportSchema = reportSchema.omit({ directorateId: true, nearMiss: true }).extend({
  contactName: optionalTextField({ max: 200, label: 'Your name' }),
  contactEmail: optionalTextField({ max: 200, label: 'Your e-mail address' }).pipe(
    z.email('Enter an e-mail address like name@example.com').optional(),
  ),
});
export type PublicReportInput = z.infer<typeof publicReportSchema>;

export const triageSchema = z.object({
  version,
  classification: z.enum(keys(CLASSIFICATIONS), { error: 'Choose what it is' }),
  awareOn: dateField('the council became aware of it'),
  awareTime: optionalTime('the council became aware of it').pipe(
    z.string({ error: 'Enter the time the council became aware of it, like 14:30' }),
  ),
  directorateId: optionalIdField('Choose a directorate from the list'),
  service: optionalTextField({ max: 200, label: 'The service' }),
  triageNote: longText('The note'),
});
export type TriageInput = z.infer<typeof triageSchema>;

const enisa = {
  enisaDataContext: z.enum(keys(ENISA_DATA_CONTEXT)).optional().catch(undefined),
  enisaAdjustment: z.enum(keys(ENISA_ADJUSTMENT)).optional().catch(undefined),
  enisaIdentification: z.enum(keys(ENISA_IDENTIFICATION)).optional().catch(undefined),
  enisaConfidentiality: z.enum(keys(ENISA_LOSS)).optional().catch(undefined),
  enisaIntegrity: z.enum(keys(ENISA_LOSS)).optional().catch(undefined),
  enisaAvailability: z.enum(keys(ENISA_LOSS)).optional().catch(undefined),
  enisaMalicious: yes,
};

export const assessSchema = z.object({
  version,
  howFound: longText('How it was found'),
  breachTypes: ticked(keys(BREACH_TYPES), 'Choose the types of breach from the list'),
  cause: z.enum(keys(CAUSES), { error: 'Choose what caused it' }),
  dataCategories: ticked(keys(DATA_CATEGORIES), 'Choose the kinds of data from the list'),
  specialCategories: ticked(keys(SPECIAL_CATEGORIES), 'Choose the special categories from the list'),
  subjectCategories: ticked(keys(SUBJECT_CATEGORIES), 'Choose the people affected from the list'),
  peopleCount: count('The number of people'),
  recordsCount: count('The number of records'),
  children: yes,
  vulnerableAdults: yes,
  processor: optionalTextField({ max: 300, label: 'The processor' }),
  consequences: requiredText(
    'The likely consequences',
    'Describe the likely consequences for the people affected',
  ),
  measuresBefore: longText('The measures in place'),
  likelihood: z.enum(keys(LIKELIHOOD), { error: 'Choose how likely the consequences are' }),
  severity: z.enum(keys(SEVERITY), { error: 'Choose how severe the consequences would be' }),
  riskRationale: requiredText('Why', 'Say why you judged the risk this way'),
  staffEmails: optionalTextField({ max: 2000, label: 'The staff involved', multiline: true }),
  staffTraining: z.enum(keys(STAFF_TRAINING), { error: 'Say whether the staff involved were trained' }),
  ...enisa,
});
export type AssessInput = z.infer<typeof assessSchema>;

export const icoDecisionSchema = z.object({
  version,
  decision: z.enum(['report', 'do-not-report'], { error: 'Choose whether the ICO is told' }),
  reason: requiredText('The reason', 'Give the reason for the decision'),
});
export type IcoDecisionInput = z.infer<typeof icoDecisionSchema>;

export const icoSubmissionSchema = z.object({
  version,
  phase: z.enum(['initial', 'follow-up'], {
    error: 'Choose whether this was the first report or a follow-up',
  }),
  submittedOn: dateField('it was sent to the ICO'),
  submittedTime: optionalTime('it was sent to the ICO').pipe(
    z.string({ error: 'Enter the time it was sent to the ICO, like 14:30' }),
  ),
  icoReference: optionalTextField({ max: 40, label: 'The ICO’s reference' }),
  delayReason: longText('The reasons for the delay'),
});
export type IcoSubmissionInput = z.infer<typeof icoSubmissionSchema>;

export const subjectsDecisionSchema = z.object({
  version,
  decision: z.enum(['tell', 'do-not-tell'], { error: 'Choose whether the people affected are told' }),
  reason: requiredText('The reason', 'Give the reason for the decision'),
  exemption: z.enum(keys(ART_34_EXEMPTIONS)).optional().catch(undefined),
  toldOn: optionalDate('they were told'),
});
export type SubjectsDecisionInput = z.infer<typeof subjectsDecisionSchema>;

export const notificationSchema = z.object({
  body: z.enum(keys(OTHER_BODIES), { error: 'Choose who was told' }),
  name: optionalTextField({ max: 200, label: 'The organisation' }),
  toldOn: dateField('they were told'),
  reference: optionalTextField({ max: 100, label: 'Their reference' }),
});
export type NotificationInput = z.infer<typeof notificationSchema>;

export const actionSchema = z.object({
  kind: z.enum(keys(ACTION_KINDS), { error: 'Choose the kind of action' }),
  description: requiredText('The action', 'Describe the action'),
  ownerEmail: textField({
    max: 200,
    label: 'The owner',
    required: 'Enter the e-mail address of who will do it',
  }),
  dueOn: dateField('it is due'),
});
export type ActionInput = z.infer<typeof actionSchema>;

export const completeActionSchema = z.object({
  evidence: requiredText('The evidence', 'Say what shows it was done'),
});

export const lessonsSchema = z.object({
  version,
  rootCause: requiredText('The root cause', 'Describe the root cause'),
  lessons: requiredText('The lessons', 'Record what was learned'),
});
export type LessonsInput = z.infer<typeof lessonsSchema>;

export const versionSchema = z.object({ version });

export const rotaSchema = z.object({
  deputyEmail: textField({ max: 200, label: 'The deputy', required: 'Enter the deputy’s e-mail address' }),
  startsOn: dateField('the cover starts'),
  endsOn: dateField('the cover ends'),
});
export type RotaInput = z.infer<typeof rotaSchema>;
