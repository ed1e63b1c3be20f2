import { ValidationError } from '../../../../platform/errors.ts';
import type { ActionInput } from '../../inputs.ts';
import { save, type CaseStep } from '../context.ts';

/** Puts a title and response the officer chose (never the requester's details) in the public disclosure log. */
export function publish(step: CaseStep, input: ActionInput<'publish'>) {
  if (step.type !== 'foi' && step.type !== 'eir')
    throw new ValidationError('Only FOI and EIR responses go in the disclosure log');
  return save(step, {
    published: true,
    publishedTitle: input.title,
    publishedResponse: input.response,
    publishedOn: step.today,
  });
}
