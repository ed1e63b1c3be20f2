import { computeDeadline } from '../../../../domain/requests/deadlines.ts';
import type { ActionInput } from '../../inputs.ts';
import * as repo from '../../repository.ts';
import { save, type CaseStep } from '../context.ts';

/** Working days a service has to supply what a case needs from it. */
const CONTRIBUTION_WORKING_DAYS = 5;

/** Asks a team for what the response needs, due in five working days. */
export async function requestContribution(step: CaseStep, input: ActionInput<'request-contribution'>) {
  const dueOn = computeDeadline(step.calendar, {
    kind: 'foi',
    received: step.today,
    workingDays: CONTRIBUTION_WORKING_DAYS,
  }).due;
  const contributionId = await repo.insertContribution(step.tx, {
    caseId: step.c.id,
    teamId: input.teamId,
    note: input.note,
    requestedOn: step.today,
    dueOn,
  });
  return save(step, {}, { details: { teamId: input.teamId, contributionId, dueOn } });
}
