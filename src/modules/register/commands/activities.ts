import { runCommand, NotFoundError } from '../../../platform/commands.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Caller } from '../../../platform/web/request.ts';
import { fieldError } from '../../../platform/validation.ts';
import * as repo from '../repository.ts';
import { canEditEntry } from '../policy.ts';
import type { RegisterDeps } from './context.ts';

/** A processing activity as it is saved: its row, and the assets and classes it is linked to. */
export interface ActivityChange {
  values: repo.ActivityValues;
  assetIds: number[];
  classIds: number[];
}

const YOU_CANNOT = 'You can change only the register entries of your own directorate';

/**
 * Adds a processing activity, or changes one if nobody has changed it since it was read. An incomplete record is saved
 * (the register shows what it lacks); a link to an asset that does not exist is refused.
 */
export async function saveActivity(
  deps: RegisterDeps,
  caller: Caller,
  change: ActivityChange,
  existing?: { id: number; version: number },
) {
  authorize(caller.principal, canEditEntry(caller.principal, change.values), undefined, YOU_CANNOT);
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const known = await repo.existingAssetIds(tx, change.assetIds);
    if (known.size !== new Set(change.assetIds).size)
      throw fieldError('assetIds', 'One of the assets chosen is no longer in the register');
    let activity: repo.ActivityRow;
    if (existing) {
      const current = await repo.findActivity(tx, existing.id);
      if (!current) throw new NotFoundError('No such processing activity');
      authorize(caller.principal, canEditEntry(caller.principal, current), undefined, YOU_CANNOT);
      activity = await repo.updateActivity(tx, existing, change.values, deps.clock.now());
    } else activity = await repo.insertActivity(tx, change.values);
    await repo.setActivityLinks(tx, activity.id, { assetIds: [...known], classIds: change.classIds });
    await audit({
      action: existing ? 'processing-activity.changed' : 'processing-activity.added',
      entityType: 'processing-activity',
      entityId: activity.id,
      details: { assets: known.size, classes: change.classIds.length },
    });
    return activity;
  });
}
