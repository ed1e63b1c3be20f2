import { z } from 'zod';
import { dateField, optionalTextField, textField, ticked, yes, idList } from '../../platform/validation.ts';
import { POLICY_KINDS, parseQuiz, QuizError } from '../../domain/policies/policy.ts';
import { ROLES } from '../../platform/authz/roles.ts';
import { WORKER_TYPES } from '../../domain/staff/hr-file.ts';
import { personReference } from '../staff/index.ts';

const email = (what: string) =>
  textField({ max: 200, label: what, required: `Enter the ${what.toLowerCase()}’s e-mail address` }).pipe(
    z
      .string()
      .regex(
        /^[^\s@]+@[^\s@]+$/,
        `Enter the ${what.toLowerCase()}’s e-mail address, like name@council.gov.uk`,
      ),
  );

export const policySchema = z.object({
  title: textField({ max: 200, label: 'Title', required: 'Enter the title' }),
  kind: z.enum(POLICY_KINDS, { error: 'Select what kind of document it is' }),
  summary: optionalTextField({ max: 2000, label: 'Summary', multiline: true }),
  ownerEmail: email('Owner'),
  approverEmail: email('Approver'),
  directorateIds: idList,
  roles: ticked(ROLES, 'Select roles from the list'),
  workerTypes: ticked(WORKER_TYPES, 'Select kinds of worker from the list'),
  reviewMonths: z.coerce
    .number({ error: 'Enter how many months between reviews' })
    .int('Enter a whole number of months')
    .min(1, 'Review it at least every 36 months, and no more often than monthly')
    .max(36, 'Review it at least every 36 months, and no more often than monthly'),
  public: yes,
});
export type PolicyInput = z.infer<typeof policySchema>;

export const versionSchema = z.object({
  material: z
    .enum(['yes', 'no'], { error: 'Say whether the change is material' })
    .transform((v) => v === 'yes'),
  changeSummary: textField({
    max: 2000,
    label: 'What changed',
    multiline: true,
    required: 'Say what changed',
  }),
  body: optionalTextField({ max: 200_000, label: 'The text', multiline: true }),
  quiz: optionalTextField({ max: 20_000, label: 'The quiz', multiline: true }).superRefine((v, ctx) => {
    try {
      parseQuiz(v ?? '');
    } catch (error) {
      if (error instanceof QuizError) ctx.addIssue({ code: 'custom', message: error.message });
      else throw error;
    }
  }),
  passMark: z.coerce
    .number({ error: 'Enter the pass mark as a percentage' })
    .int('Enter the pass mark as a whole percentage')
    .min(1, 'The pass mark is from 1 to 100')
    .max(100, 'The pass mark is from 1 to 100'),
});
export type VersionInput = z.infer<typeof versionSchema>;

export const exceptionSchema = z.object({
  person: personReference(),
  reason: textField({ max: 1000, label: 'Reason', multiline: true, required: 'Say why they are excused' }),
  expiresOn: dateField('the exception ends'),
});
export type ExceptionInput = z.infer<typeof exceptionSchema>;
