import { NotFoundError, ValidationError } from '../../../platform/commands.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Tx } from '../../../platform/db/database.ts';
import type { Caller } from '../../../platform/web/request.ts';
import { canTake, DPIA_STATUSES, DPIA_WORKFLOW, type DpiaAction } from '../../../domain/register/dpia.ts';
import { canEditEntry } from '../policy.ts';
import * as repo from '../dpia-repository.ts';
import type { RegisterDeps } from './context.ts';

/** What every command on an assessment shares: finding it for its editor, and moving it through the workflow. */

export const YOU_CANNOT = 'You can work only on the impact assessments of your own directorate';

/** The assessment, checked to exist and to be the caller's to work on. */
export async function editable(tx: Tx, caller: Caller, id: number) {
  const dpia = await repo.findDpia(tx, id);
  if (!dpia) throw new NotFoundError('No such impact assessment');
  authorize(caller.principal, canEditEntry(caller.principal, dpia), undefined, YOU_CANNOT);
  return dpia;
}

/** Moves an assessment on by one action of the workflow, if it may be taken now and nobody has changed it since. */
export async function take(
  deps: RegisterDeps,
  tx: Tx,
  dpia: repo.DpiaRow,
  expectedVersion: number,
  action: DpiaAction,
  changes: Partial<repo.DpiaRow> = {},
) {
  if (!canTake(action, dpia.status))
    throw new ValidationError(
      `This assessment is ${DPIA_STATUSES[dpia.status].toLowerCase()}: that cannot be done to it now`,
    );
  return repo.updateDpia(
    tx,
    { id: dpia.id, version: expectedVersion },
    { ...changes, status: DPIA_WORKFLOW[action].to },
    deps.clock.now(),
  );
}
