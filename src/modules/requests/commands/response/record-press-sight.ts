import { ValidationError } from '../../../../platform/errors.ts';
import { actingUserId, save, type CaseStep } from '../context.ts';

/** The press office has seen a response flagged for it, which must happen before it is approved. */
export function recordPressSight(step: CaseStep) {
  if (!step.c.pressInterest) throw new ValidationError('This case is not flagged for the press office');
  return save(step, { pressSightBy: actingUserId(step) });
}
