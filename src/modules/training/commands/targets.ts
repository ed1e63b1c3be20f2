import type { Actor } from '../../../platform/audit/service.ts';
import { runCommand } from '../../../platform/commands.ts';
import { fieldError } from '../../../platform/validation.ts';
import { findDirectorate } from '../../../platform/identity/repository.ts';
import type { TargetInput } from '../inputs.ts';
import * as repo from '../repository.ts';
import type { TrainingDeps } from './context.ts';

/** A directorate's own target, set by the IG lead (its directorate leadership team's, cascaded); none is the DSPT's. */
export async function setTarget(deps: TrainingDeps, actor: Actor, input: TargetInput) {
  return runCommand(deps, actor, async (tx, audit) => {
    if (!(await findDirectorate(tx, input.directorateId)))
      throw fieldError('directorateId', 'Select the directorate');
    await repo.setTarget(
      tx,
      input.directorateId,
      input.percent,
      actor.type === 'user' ? Number(actor.id) : null,
    );
    await audit({
      action: input.percent === null ? 'training.target-removed' : 'training.target-set',
      entityType: 'directorate',
      entityId: input.directorateId,
      details: { percent: input.percent },
    });
  });
}
