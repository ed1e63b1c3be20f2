import { fieldError } from '../../../../platform/validation.ts';
import { outcomeProblems } from '../../../../domain/requests/outcomes.ts';
import { RIGHTS_TYPES } from '../../../../domain/requests/workflow.ts';
import { ValidationError } from '../../../../platform/errors.ts';
import type { ActionInput } from '../../inputs.ts';
import * as repo from '../../repository.ts';
import { save, type CaseStep } from '../context.ts';

/** Records an item of a rights response and what was decided about it, with the DPA 2018 exemption when withheld. */
export async function recordDisclosure(step: CaseStep, input: ActionInput<'record-disclosure'>) {
  if (!RIGHTS_TYPES.has(step.type))
    throw new ValidationError('Disclosure records are for data-protection rights requests');
  if (input.decision !== 'disclosed' && !input.exemption)
    throw fieldError('exemption', 'Choose the DPA 2018 exemption relied on');
  if (
    input.exemption &&
    outcomeProblems({ regime: 'dpa', outcome: 'refused', exemptions: [input.exemption] }).exemptions
  )
    throw fieldError('exemption', 'Choose a DPA 2018 exemption');
  await repo.insertDisclosure(step.tx, {
    caseId: step.c.id,
    item: input.item,
    decision: input.decision,
    exemption: input.exemption ?? null,
  });
  return save(step, {}, { details: { decision: input.decision, exemption: input.exemption ?? null } });
}
