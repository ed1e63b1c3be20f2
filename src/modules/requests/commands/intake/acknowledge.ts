import { save, type CaseStep } from '../context.ts';

/** Acknowledges the request with its due date (by post when there is no email address: the officer says so). */
export function acknowledge(step: CaseStep) {
  return save(step, {}, { letter: 'acknowledgement' });
}
