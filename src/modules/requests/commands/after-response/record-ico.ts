import type { ActionInput } from '../../inputs.ts';
import { save, type CaseStep } from '../context.ts';

/** A complaint to the Information Commissioner about the case, and its decision notice's outcome when known. */
export function recordIco(step: CaseStep, input: ActionInput<'record-ico'>) {
  return save(
    step,
    { icoReference: input.reference, icoOutcome: input.icoOutcome ?? null },
    { details: { icoOutcome: input.icoOutcome ?? null } },
  );
}
