import { runCommand } from '../../../../platform/commands.ts';
import { NotFoundError } from '../../../../platform/errors.ts';
import type { Actor } from '../../../../platform/audit/service.ts';
import type { RequestsDeps } from '../context.ts';
import * as settingsRepo from '../../settings-repository.ts';

/** Retires a system from the list (its past searches stay), or brings it back. */
export async function setSystemActive(deps: RequestsDeps, actor: Actor, id: number, active: boolean) {
  await runCommand(deps, actor, async (tx, audit) => {
    if (!(await settingsRepo.setSystemActive(tx, id, active))) throw new NotFoundError('No such system');
    await audit({
      action: active ? 'requests.system-restored' : 'requests.system-retired',
      entityType: 'sar-system',
      entityId: id,
    });
  });
}
