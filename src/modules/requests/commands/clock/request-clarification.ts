import { clockEffect } from '../../../../domain/requests/workflow.ts';
import type { ActionInput } from '../../inputs.ts';
import { save, type CaseStep } from '../context.ts';

/**
 * Asks the requester which information they mean. FOI and EIR clocks stop and start again on the answer; a SAR's
 * pauses from today, the day the council asks (UK GDPR Art 12A; DPA 2018 s.54(3C)).
 */
export function requestClarification(step: CaseStep, input: ActionInput<'request-clarification'>) {
  const pause = clockEffect(step.type, 'clarification') === 'pause';
  return save(
    step,
    {
      stoppedFor: 'clarification',
      ...(pause ? { pauses: [...step.pauses, [step.today, null, 'clarification']] } : {}),
    },
    {
      letter: 'clarification',
      letterExtra: { note: input.note, pause },
      details: { clock: pause ? 'paused' : 'stopped' },
    },
  );
}
