import { save, type CaseStep } from '../context.ts';

/** Nothing more to do on a responded case. */
export function close(step: CaseStep) {
  return save(step, { closedOn: step.today });
}
