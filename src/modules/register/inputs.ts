import { z } from 'zod';
import {
  dateField as date,
  keys,
  optionalIdField,
  optionalTextField,
  textField,
  ticked,
  yes,
} from '../../platform/validation.ts';
import {
  ASSET_FORMATS,
  CRITICALITY,
  HOSTING,
  listFromLines,
  SECURITY_CLASSIFICATIONS,
  SPECIAL_CATEGORIES,
  VOLUME_BANDS,
} from '../../domain/register/register.ts';
import { ARTICLE_6_BASES, ARTICLE_9_CONDITIONS, SCHEDULE_1_CONDITIONS } from '../../domain/register/ropa.ts';
import { AGREEMENT_TIERS, LEGAL_GATEWAYS, PARTY_ROLES } from '../../domain/register/sharing.ts';
import { ARTICLE_35_3, ICO_LIST, WP248_CRITERIA } from '../../domain/register/dpia-screening.ts';
import { LIKELIHOOD, MEASURE_EFFECTS, SEVERITY } from '../../domain/register/dpia.ts';

/** Long lists are shown this many at a time. */
export const PAGE_SIZE = 100;

/** The page of a list asked for: a number from 1 to the last, anything else the first. */
export function pageOf(req: { query: Record<string, unknown> }, total: number): number {
  const asked = Number(req.query.page);
  const last = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return Number.isInteger(asked) && asked >= 1 ? Math.min(asked, last) : 1;
}

/** A list: lines of a textarea from a form, an array from the API; each entry one line of text. */
const lines = (label: string, max = 50) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? listFromLines(v) : v === undefined ? [] : v),
    z
      .array(textField({ max: 300, required: `${label}: leave out empty entries`, label }))
      .max(max, `${label}: ${max} at most`),
  );

/** Class codes of the retention schedule, separated by commas or spaces (checked against the schedule on save). */
const classCodes = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(/[\s,]+/)
          .map((c) => c.trim().toUpperCase())
          .filter(Boolean)
      : (v ?? []),
  z
    .array(
      z.string().regex(/^[A-Z0-9][A-Z0-9._-]{0,39}$/, 'Give class codes like IG-01, separated by commas'),
    )
    .max(20),
);

const common = {
  name: textField({ max: 200, required: 'Enter a name', label: 'The name' }),
  directorateId: optionalIdField('Choose a directorate'),
  service: optionalTextField({ max: 200, label: 'The service' }),
  dataCategories: lines('The kinds of personal data'),
  specialCategories: ticked(
    SPECIAL_CATEGORIES as unknown as [string, ...string[]],
    'Choose special categories from the list',
  ),
  criminalOffenceData: yes,
  classCodes,
  nextReviewOn: date('of the next review'),
  version: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

/** An information asset as its owner describes it. */
export const assetSchema = z
  .object({
    ...common,
    description: optionalTextField({ max: 4000, label: 'The description', multiline: true }),
    ownerUserId: optionalIdField('Choose the information asset owner'),
    administrators: optionalTextField({ max: 500, label: 'The administrators' }),
    system: optionalTextField({ max: 200, label: 'The system' }),
    supplier: optionalTextField({ max: 200, label: 'The supplier' }),
    hosting: z.enum(keys(HOSTING), { error: 'Choose where it is held' }),
    country: optionalTextField({ max: 100, label: 'The country' }),
    format: z.enum(keys(ASSET_FORMATS), { error: 'Choose its format' }),
    personalData: z
      .preprocess(
        (v) => (v === true ? 'yes' : v === false ? 'no' : v),
        z.enum(['yes', 'no'], { error: 'Say whether it holds personal data' }),
      )
      .transform((v) => v === 'yes'),
    volume: z.enum(keys(VOLUME_BANDS), { error: 'Choose how many people it is about' }),
    criticality: z.enum(keys(CRITICALITY), { error: 'Choose how critical it is' }),
    securityClassification: z.enum(keys(SECURITY_CLASSIFICATIONS), { error: 'Choose its classification' }),
    locations: lines('The places discovery finds it', 20),
  })
  .superRefine((v, ctx) => {
    if (!v.personalData && (v.specialCategories.length || v.dataCategories.length || v.criminalOffenceData))
      ctx.addIssue({
        code: 'custom',
        path: ['personalData'],
        message: 'You listed personal data it holds: answer yes',
      });
  });
export type AssetInput = z.infer<typeof assetSchema>;

const SCHEDULE_1_VALUES = SCHEDULE_1_CONDITIONS.map((c) => `${c.part}-${c.paragraph}`) as [
  string,
  ...string[],
];

/** A processing activity, in the terms of Art 30(1) and the DPA 2018's Schedule 1. */
export const activitySchema = z.object({
  ...common,
  service: textField({ max: 200, required: 'Enter the service it belongs to', label: 'The service' }),
  jointControllers: lines('The joint controllers', 10),
  purposes: lines('The purposes', 20),
  article6: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(keys(ARTICLE_6_BASES), { error: 'Choose a lawful basis from the list' }).optional(),
  ),
  article6Justification: optionalTextField({ max: 2000, label: 'The justification', multiline: true }),
  article9: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(keys(ARTICLE_9_CONDITIONS), { error: 'Choose an Art 9 condition from the list' }).optional(),
  ),
  schedule1: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(SCHEDULE_1_VALUES, { error: 'Choose a Schedule 1 condition from the list' }).optional(),
  ),
  keptAsPolicyDocument: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v === true ? 'yes' : v === false ? 'no' : v),
    z.enum(['yes', 'no'], { error: 'Answer yes or no' }).optional(),
  ),
  policyDocumentVariance: optionalTextField({ max: 2000, label: 'The reason', multiline: true }),
  dataSubjects: lines('The people it is about'),
  internalRecipients: lines('The council’s teams that receive it'),
  externalRecipients: lines('The organisations that receive it'),
  noRecipients: yes,
  transfers: lines('The transfers', 20).refine(
    (list) => list.every((l) => !l.includes(':') || l.indexOf(':') > 0),
    'Write each transfer as “Country: safeguard”',
  ),
  retention: optionalTextField({ max: 2000, label: 'The retention', multiline: true }),
  securityMeasures: optionalTextField({ max: 4000, label: 'The security measures', multiline: true }),
  source: optionalTextField({ max: 1000, label: 'The source', multiline: true }),
  automatedDecisions: optionalTextField({ max: 2000, label: 'The automated decisions', multiline: true }),
  assetIds: z.preprocess(
    (v) => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]),
    z.array(z.coerce.number().int().min(1).max(2_147_483_647)).max(100),
  ),
});
export type ActivityInput = z.infer<typeof activitySchema>;

/** The controller's details, shown at the top of the record of processing and of every privacy notice. */
export const controllerSchema = z.object({
  address: textField({
    max: 500,
    required: 'Enter the council’s address',
    label: 'The address',
    multiline: true,
  }),
  email: textField({
    max: 200,
    required: 'Enter the council’s e-mail address',
    label: 'The e-mail address',
  }).pipe(z.email('Enter an e-mail address like dataprotection@council.gov.uk')),
  dpoName: textField({ max: 200, required: 'Enter who the data protection officer is', label: 'The name' }),
  dpoEmail: textField({
    max: 200,
    required: 'Enter the DPO’s e-mail address',
    label: 'The e-mail address',
  }).pipe(z.email('Enter an e-mail address like dpo@council.gov.uk')),
  icoRegistration: optionalTextField({ max: 20, label: 'The registration number' }),
});
export type ControllerDetails = z.infer<typeof controllerSchema>;

const optionalDate = (what: string) =>
  z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .refine(
      (v) => !v || /^\d{4}-\d{2}-\d{2}$/.test(v),
      `Enter the date ${what} as a real date, like 31 3 2027`,
    );

/** An information-sharing agreement's terms. Its parties are added one by one on its page. */
export const agreementSchema = z
  .object({
    title: textField({ max: 300, required: 'Enter the agreement’s title', label: 'The title' }),
    tier: z.enum(keys(AGREEMENT_TIERS), { error: 'Choose what kind of agreement it is' }),
    parentId: optionalIdField('Choose the protocol it sits under'),
    directorateId: optionalIdField('Choose a directorate'),
    purpose: textField({
      max: 4000,
      required: 'Say what the sharing is for',
      label: 'The purpose',
      multiline: true,
    }),
    gateways: ticked(
      LEGAL_GATEWAYS.map((g) => g.code) as [string, ...string[]],
      'Choose legal gateways from the list',
    ),
    dataItems: optionalTextField({ max: 4000, label: 'The data shared', multiline: true }),
    specialCategories: yes,
    criminalOffenceData: yes,
    method: optionalTextField({ max: 4000, label: 'The method and security', multiline: true }),
    retention: optionalTextField({ max: 4000, label: 'The retention and deletion', multiline: true }),
    rightsHandling: optionalTextField({ max: 4000, label: 'The handling of rights', multiline: true }),
    breachClause: optionalTextField({ max: 4000, label: 'The breach clause', multiline: true }),
    startsOn: date('it starts'),
    endsOn: optionalDate('it ends'),
    reviewOn: date('of its review'),
    activityIds: z.preprocess(
      (v) => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]),
      z.array(z.coerce.number().int().min(1).max(2_147_483_647)).max(500),
    ),
    version: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .superRefine((v, ctx) => {
    if (v.endsOn && v.endsOn < v.startsOn)
      ctx.addIssue({
        code: 'custom',
        path: ['endsOn'],
        message: 'The end date must be on or after the start date',
      });
    if (v.tier !== 'agreement' && v.parentId)
      ctx.addIssue({
        code: 'custom',
        path: ['parentId'],
        message: 'Only a purpose-specific agreement sits under a protocol',
      });
  });
export type AgreementInput = z.infer<typeof agreementSchema>;

/** A party to an agreement and the bases it shares on. */
export const partySchema = z.object({
  organisation: textField({ max: 300, required: 'Enter the organisation', label: 'The organisation' }),
  role: z.enum(keys(PARTY_ROLES), { error: 'Choose the party’s role' }),
  article6: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(keys(ARTICLE_6_BASES), { error: 'Choose a lawful basis from the list' }).optional(),
  ),
  article9: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(keys(ARTICLE_9_CONDITIONS), { error: 'Choose an Art 9 condition from the list' }).optional(),
  ),
  article10: yes,
});
export type PartyInput = z.infer<typeof partySchema>;

/** Who signed for a party, and when. */
export const signatureSchema = z.object({
  signatory: textField({ max: 200, required: 'Enter who signed', label: 'The signatory' }),
  signedOn: date('it was signed'),
});

/** Ending an agreement early, with the reason. */
export const terminationSchema = z.object({
  terminatedOn: date('it ends'),
  reason: textField({
    max: 2000,
    required: 'Say why the agreement is ending',
    label: 'The reason',
    multiline: true,
  }),
});

/** The screening questionnaire, and what it was launched from. */
export const screeningSchema = z.object({
  title: textField({ max: 300, required: 'Name the project or change being screened', label: 'The name' }),
  directorateId: optionalIdField('Choose a directorate'),
  article35: ticked(ARTICLE_35_3.map((q) => q.id) as [string, ...string[]], 'Choose from the list'),
  ico: ticked(ICO_LIST.map((q) => q.id) as [string, ...string[]], 'Choose from the list'),
  wp248: ticked(WP248_CRITERIA.map((q) => q.id) as [string, ...string[]], 'Choose from the list'),
  activityId: optionalIdField('That processing activity is not in the register'),
  assetId: optionalIdField('That asset is not in the register'),
  agreementId: optionalIdField('That agreement is not in the register'),
});
export type ScreeningInput = z.infer<typeof screeningSchema>;

/** A step of the assessment, with the revision it was written from (so two people cannot overwrite each other). */
export const sectionSchema = z.object({
  text: textField({ max: 20_000, required: 'Write this step', label: 'The text', multiline: true }),
  basedOn: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const level = <T extends Record<string, string>>(table: T, message: string) =>
  z.enum(keys(table), { error: message });
const optionalLevel = <T extends Record<string, string>>(table: T, message: string) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.enum(keys(table), { error: message }).optional());

/** One risk of the risk register: the harm, how likely and severe, the measures and what they leave. */
export const riskSchema = z
  .object({
    description: textField({
      max: 2000,
      required: 'Describe the risk to people',
      label: 'The risk',
      multiline: true,
    }),
    likelihood: level(LIKELIHOOD, 'Choose how likely the harm is'),
    severity: level(SEVERITY, 'Choose how severe the harm would be'),
    measures: optionalTextField({ max: 4000, label: 'The measures', multiline: true }),
    effect: optionalLevel(MEASURE_EFFECTS, 'Choose what the measures do to the risk'),
    residualLikelihood: optionalLevel(LIKELIHOOD, 'Choose how likely the harm is afterwards'),
    residualSeverity: optionalLevel(SEVERITY, 'Choose how severe the harm would be afterwards'),
    actionOwner: optionalTextField({ max: 200, label: 'The owner' }),
    actionDueOn: optionalDate('the action is due'),
  })
  .superRefine((v, ctx) => {
    if (v.effect && !v.measures)
      ctx.addIssue({
        code: 'custom',
        path: ['measures'],
        message: 'Describe the measures whose effect you chose',
      });
    if (v.effect && v.effect !== 'eliminated' && (!v.residualLikelihood || !v.residualSeverity))
      ctx.addIssue({
        code: 'custom',
        path: [v.residualLikelihood ? 'residualSeverity' : 'residualLikelihood'],
        message: 'Say how likely and how severe the harm is once the measures are in place',
      });
    if (v.measures && v.effect !== 'eliminated' && v.effect && !v.actionOwner)
      ctx.addIssue({ code: 'custom', path: ['actionOwner'], message: 'Name who puts the measures in place' });
  });
export type RiskInput = z.infer<typeof riskSchema>;

/** The DPO's advice on an assessment (Art 35(2)). */
export const adviceSchema = z.object({
  advice: textField({ max: 10_000, required: 'Write your advice', label: 'The advice', multiline: true }),
});

/** Sign-off: whether the DPO's advice is followed (with the reason if not), the decision, and the review date. */
export const signOffSchema = z
  .object({
    adviceFollowed: z.enum(['yes', 'no'], { error: 'Say whether the DPO’s advice is followed' }),
    reason: optionalTextField({ max: 4000, label: 'The reason', multiline: true }),
    decision: z.enum(['approve', 'reject', 'return'], { error: 'Choose the decision' }),
    reviewOn: optionalDate('of the review'),
  })
  .superRefine((v, ctx) => {
    if (v.adviceFollowed === 'no' && !v.reason)
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'Give the reasons for not following the DPO’s advice',
      });
    if (v.decision === 'approve' && !v.reviewOn)
      ctx.addIssue({
        code: 'custom',
        path: ['reviewOn'],
        message: 'Enter when the assessment is next reviewed',
      });
  });
export type SignOffInput = z.infer<typeof signOffSchema>;

/** Prior consultation with the ICO: when it was sent, its reference, an extension, and the ICO's reply. */
export const consultationSchema = z.object({
  submittedOn: date('it was sent to the ICO'),
  icoReference: optionalTextField({ max: 100, label: 'The reference' }),
  extended: yes,
});
export const replySchema = z.object({
  reply: textField({
    max: 10_000,
    required: 'Summarise the ICO’s advice',
    label: 'The advice',
    multiline: true,
  }),
  repliedOn: date('the ICO replied'),
  proceed: z.enum(['yes', 'no'], { error: 'Say whether the processing goes ahead' }),
  reviewOn: optionalDate('of the review'),
});
