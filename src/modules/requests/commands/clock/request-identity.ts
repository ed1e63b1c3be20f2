import { RIGHTS_TYPES } from '../../../../domain/requests/workflow.ts';
import { ValidationError } from '../../../../platform/errors.ts';
import type { ActionInput } from '../../inputs.ts';
import { save, type CaseStep } from '../context.ts';

/** Asks a data-protection rights requester for proof of identity; the month starts again when it arrives. */
export function requestIdentity(step: CaseStep, input: ActionInput<'request-identity'>) {
  if (!RIGHTS_TYPES.has(step.type))
    throw new ValidationError('Only data-protection rights requests need proof of identity');
  return save(step, { stoppedFor: 'identity' }, { letter: 'identity', letterExtra: { note: input.note } });
}
