import { clockEffect } from '../../../../domain/requests/workflow.ts';
import { ValidationError } from '../../../../platform/errors.ts';
import type { ActionInput } from '../../inputs.ts';
import { dateInCase, save, type CaseStep } from '../context.ts';

/**
 * A fees notice. FOI and EIR clocks pause from the notice to the payment (FOIA s.10(2)); a SAR's month starts again on
 * the day the fee arrives (Art 12A). Enquiries carry no fee.
 */
export function issueFeeNotice(step: CaseStep, input: ActionInput<'issue-fee-notice'>) {
  if (step.type === 'press' || step.type === 'enquiry') throw new ValidationError('Enquiries carry no fee');
  const from = dateInCase(step, input.from, 'from');
  const pause = clockEffect(step.type, 'fee') === 'pause';
  return save(
    step,
    { stoppedFor: 'fee', ...(pause ? { pauses: [...step.pauses, [from, null, 'fee']] } : {}) },
    {
      letter: 'fees',
      letterExtra: { amount: input.amount.toFixed(2), from, note: input.note ?? '', pause },
      details: { amount: input.amount, clock: pause ? 'paused' : 'stopped' },
    },
  );
}
