import type { ActionInput } from '../../inputs.ts';
import { save, type CaseStep } from '../context.ts';

/** Sends the response back to the officer, saying what needs to change. */
export function returnForRedraft(step: CaseStep, input: ActionInput<'return-for-redraft'>) {
  return save(step, { approvedBy: null }, { details: { note: input.note } });
}
