import { runCommand } from '../../../../platform/commands.ts';
import { NotFoundError } from '../../../../platform/errors.ts';
import type { Actor } from '../../../../platform/audit/service.ts';
import * as identity from '../../../../platform/identity/repository.ts';
import type { RequestsDeps } from '../context.ts';
import type { Target } from '../../inputs.ts';
import * as settingsRepo from '../../settings-repository.ts';

/** A directorate's own timeliness targets (95 % unless it sets another). */
export async function setTarget(deps: RequestsDeps, actor: Actor, directorateId: number, target: Target) {
  await runCommand(deps, actor, async (tx, audit) => {
    if (!(await identity.findDirectorate(tx, directorateId))) throw new NotFoundError('No such directorate');
    await settingsRepo.upsertTarget(tx, { directorateId, ...target });
    await audit({
      action: 'requests.target-set',
      entityType: 'directorate',
      entityId: directorateId,
      details: target,
    });
  });
}
