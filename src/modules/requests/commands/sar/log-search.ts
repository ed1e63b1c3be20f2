import { fieldError } from '../../../../platform/validation.ts';
import { RIGHTS_TYPES } from '../../../../domain/requests/workflow.ts';
import { ValidationError } from '../../../../platform/errors.ts';
import type { ActionInput } from '../../inputs.ts';
import * as repo from '../../repository.ts';
import * as settingsRepo from '../../settings-repository.ts';
import { actingUserId, save, type CaseStep } from '../context.ts';

/** Records a system searched for a rights request's data, and whether anything was found. */
export async function logSearch(step: CaseStep, input: ActionInput<'log-search'>) {
  if (!RIGHTS_TYPES.has(step.type))
    throw new ValidationError('Search logs are for data-protection rights requests');
  const system = await settingsRepo.findSystem(step.tx, input.systemId);
  if (!system) throw fieldError('systemId', 'Choose a system from the list');
  await repo.insertSearch(step.tx, {
    caseId: step.c.id,
    systemId: system.id,
    searchedOn: step.today,
    searchedBy: actingUserId(step),
    found: input.found,
    notes: input.notes ?? null,
  });
  return save(step, {}, { details: { systemId: system.id, found: input.found } });
}
