import { ValidationError } from '../../../../platform/errors.ts';
import type { ActionInput } from '../../inputs.ts';
import * as repo from '../../repository.ts';
import { save, type CaseStep } from '../context.ts';

/** Records that a team has supplied what it was asked for. */
export async function recordContribution(step: CaseStep, input: ActionInput<'record-contribution'>) {
  const received = await repo.markContributionReceived(step.tx, step.c.id, input.contributionId, step.today);
  if (!received) throw new ValidationError('That contribution is not outstanding on this case');
  return save(step, {}, { details: { contributionId: input.contributionId } });
}
