import { ValidationError } from '../../../../platform/errors.ts';
import { actingUserId, save, type CaseStep } from '../context.ts';

/** Approves the response (who may is the policy's: an IG officer or the DPO; rights responses the DPO alone). */
export function approve(step: CaseStep) {
  if (step.c.pressInterest && !step.c.pressSightBy)
    throw new ValidationError('The press office must see this response before it is approved');
  return save(step, { approvedBy: actingUserId(step) });
}
