import { fieldError } from '../../../../platform/validation.ts';
import type { StopReason } from '../../../../domain/requests/workflow.ts';
import type { Pause } from '../../case-clock.ts';
import type { ActionInput } from '../../inputs.ts';
import { dateInCase, recompute, save, type CaseStep } from '../context.ts';

/**
 * The requester's answer, proof of identity or fee has arrived. A pause ends (its days, both ends included, do not
 * count); otherwise the clock starts again from the day it arrived. A case stopped before pauses were recorded for it
 * keeps that history: it restarts, as its letter told the requester.
 */
export function resumeClock(step: CaseStep, input: ActionInput<'resume-clock'>) {
  const { c, pauses } = step;
  const on = dateInCase(step, input.on, 'on');
  const reason: StopReason =
    (c.stoppedFor as StopReason | null) ??
    (c.status === 'awaiting-fee' ? 'fee' : c.status === 'awaiting-identity' ? 'identity' : 'clarification');
  const open = pauses.at(-1);
  if (open && open[1] === null) {
    if (on < open[0])
      throw fieldError(
        'on',
        reason === 'fee'
          ? 'The fee cannot arrive before the notice was given'
          : 'The answer cannot arrive before the council asked for it',
      );
    const closed: Pause[] = [...pauses.slice(0, -1), [open[0], on, open[2] ?? reason]];
    return save(
      step,
      { stoppedFor: null, pauses: closed, ...recompute(step, { pauses: closed }) },
      { details: { paused: [open[0], on], reason } },
    );
  }
  if (c.status === 'awaiting-identity' && !input.method)
    throw fieldError('method', 'Say how identity was confirmed');
  const identity =
    c.status === 'awaiting-identity' ? { identityVerifiedOn: on, identityMethod: input.method ?? null } : {};
  return save(
    step,
    { stoppedFor: null, clockStart: on, ...identity, ...recompute(step, { clockStart: on }) },
    { details: { restartedOn: on, reason } },
  );
}
