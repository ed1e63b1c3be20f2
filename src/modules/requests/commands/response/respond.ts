import type { ActionInput } from '../../inputs.ts';
import type { LetterName } from '../../letters.ts';
import { dateInCase, save, type CaseStep } from '../context.ts';

/** Sends the approved response, in the letter its law calls for, and records whether it went in time. */
export function respond(step: CaseStep, input: ActionInput<'respond'>) {
  const on = dateInCase(step, input.on, 'on');
  const refusal = !['granted', 'not-held'].includes(step.c.outcome ?? '');
  const letter: LetterName =
    step.regime === 'dpa' ? 'rights-response' : refusal && step.regime ? 'refusal' : 'response';
  return save(
    step,
    { respondedOn: on },
    { letter, details: { respondedOn: on, inTime: on <= step.c.dueOn } },
  );
}
