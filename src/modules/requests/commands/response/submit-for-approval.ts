import { outcomeProblems } from '../../../../domain/requests/outcomes.ts';
import { ValidationError } from '../../../../platform/errors.ts';
import type { ActionInput } from '../../inputs.ts';
import { save, type CaseStep } from '../context.ts';

/** What each Article 15 field tells the requester, for the message when it is missing. */
const ARTICLE_15 = {
  purposes: 'why the council uses the data (the purposes)',
  recipients: 'who the data is shared with (the recipients)',
  retention: 'how long the data is kept',
  source: 'where the data came from',
} as const;

/**
 * Records the outcome and the response, checked against the law the case is under (request-outcomes.ts), and sends
 * it for approval. A subject access response that gives data must also say why it is used, who receives it, how long
 * it is kept and where it came from (UK GDPR Art 15(1)).
 */
export function submitForApproval(step: CaseStep, input: ActionInput<'submit-for-approval'>) {
  const { type } = step;
  const fields: Record<string, string> = {};
  if (!input.outcome) fields.outcome = 'Choose the outcome';
  if (!input.responseText) fields.responseText = 'Write the response';
  if (input.outcome)
    Object.assign(
      fields,
      outcomeProblems({
        regime: step.regime ?? 'none',
        outcome: input.outcome,
        exemptions: input.exemptions,
        publicInterest: input.publicInterest,
        costEstimateHours: input.costEstimateHours,
      }),
    );
  if (type === 'internal-review' && !input.reviewOutcome)
    fields.reviewOutcome = 'Choose whether the original response is upheld';
  const givesData = type === 'sar' && (input.outcome === 'granted' || input.outcome === 'part-granted');
  const article15 = givesData
    ? {
        purposes: input.purposes ?? '',
        recipients: input.recipients ?? '',
        retention: input.retention ?? '',
        source: input.source ?? '',
      }
    : null;
  if (article15)
    for (const [field, says] of Object.entries(ARTICLE_15))
      if (!article15[field as keyof typeof article15]) fields[field] = `Say ${says}`;
  if (Object.keys(fields).length) throw new ValidationError('Check the outcome', fields);
  const reviewOutcome = type === 'internal-review' ? input.reviewOutcome! : null;
  return save(
    step,
    {
      outcome: input.outcome,
      exemptions: input.exemptions,
      publicInterest: input.publicInterest ?? null,
      costEstimateHours: input.costEstimateHours ?? null,
      responseText: input.responseText,
      article15,
      reviewOutcome,
      approvedBy: null,
    },
    {
      details: {
        outcome: input.outcome,
        exemptions: input.exemptions,
        reviewOutcome: reviewOutcome ?? undefined,
      },
    },
  );
}
