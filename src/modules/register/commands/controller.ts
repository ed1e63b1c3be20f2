import { runCommand } from '../../../platform/commands.ts';
import type { Actor } from '../../../platform/audit/service.ts';
import type { ControllerDetails } from '../inputs.ts';
import * as repo from '../repository.ts';
import type { RegisterDeps } from './context.ts';

/** The council's details as controller and its DPO's, for the record of processing and the privacy notices. */
export async function saveControllerDetails(deps: RegisterDeps, actor: Actor, details: ControllerDetails) {
  await runCommand(deps, actor, async (tx, audit) => {
    await repo.saveControllerDetails(tx, details, deps.clock.now());
    await audit({
      action: 'controller-details.changed',
      entityType: 'register',
      entityId: 'controller',
      details: { fields: Object.keys(details) },
    });
  });
}
