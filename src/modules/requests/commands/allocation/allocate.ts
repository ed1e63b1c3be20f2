import { fieldError } from '../../../../platform/validation.ts';
import * as identity from '../../../../platform/identity/repository.ts';
import type { ActionInput } from '../../inputs.ts';
import { save, type CaseStep } from '../context.ts';

/** Gives the case to a directorate, and optionally a team in it and a case officer. */
export async function allocate(step: CaseStep, input: ActionInput<'allocate'>) {
  const { tx } = step;
  const { directorateId, teamId, assigneeId } = input;
  if (!(await identity.findDirectorate(tx, directorateId)))
    throw fieldError('directorateId', 'Choose a directorate that exists');
  if (teamId && (await identity.findTeam(tx, teamId))?.directorateId !== directorateId)
    throw fieldError('teamId', 'Choose a team in that directorate');
  if (assigneeId && !(await identity.findUser(tx, assigneeId))?.active)
    throw fieldError('assigneeId', 'Choose an active member of staff');
  return save(
    step,
    { directorateId, teamId: teamId ?? null, assigneeId: assigneeId ?? null },
    { details: { directorateId, teamId, assigneeId } },
  );
}
