import { runCommand } from '../../../platform/commands.ts';
import type { Caller } from '../../../platform/web/request.ts';
import { fieldError } from '../../../platform/validation.ts';
import * as repo from '../repository.ts';
import { authorizeEntry, writeEntry, type RegisterDeps } from './context.ts';

/** A processing activity as it is saved: its row, and the assets and classes it is linked to. */
export interface ActivityChange {
  values: repo.ActivityValues;
  assetIds: number[];
  classIds: number[];
}

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
  authorizeEntry(caller, change.values);
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const known = await repo.existingAssetIds(tx, change.assetIds);
    if (known.size !== new Set(change.assetIds).size)
      throw fieldError('assetIds', 'One of the assets chosen is no longer in the register');
    const activity = await writeEntry(caller, existing, {
      find: (id) => repo.findActivity(tx, id),
      insert: () => repo.insertActivity(tx, change.values),
      update: (entry) => repo.updateActivity(tx, entry, change.values, deps.clock.now()),
      missing: 'No such processing activity',
    });
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
