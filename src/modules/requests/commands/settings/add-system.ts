import { fieldError } from '../../../../platform/validation.ts';
import { runCommand } from '../../../../platform/commands.ts';
import type { Actor } from '../../../../platform/audit/service.ts';
import type { RequestsDeps } from '../context.ts';

import * as settingsRepo from '../../settings-repository.ts';

/** Adds a system to the list officers record SAR searches against. */
export async function addSystem(deps: RequestsDeps, actor: Actor, name: string): Promise<void> {
  await runCommand(deps, actor, async (tx, audit) => {
    if (await settingsRepo.findSystemByName(tx, name))
      throw fieldError('name', 'That system is already on the list');
    const id = await settingsRepo.insertSystem(tx, name);
    await audit({
      action: 'requests.system-added',
      entityType: 'sar-system',
      entityId: id,
      details: { name },
    });
  });
}
