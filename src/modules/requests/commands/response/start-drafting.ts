import { save, type CaseStep } from '../context.ts';

/** The officer has what they need and is writing the response. */
export function startDrafting(step: CaseStep) {
  return save(step, {});
}
