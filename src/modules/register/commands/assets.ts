import { runCommand, NotFoundError } from '../../../platform/commands.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import { londonToday } from '../../../platform/clock.ts';
import type { Caller } from '../../../platform/web/request.ts';
import { reviewDueAfter } from '../../../domain/register/register.ts';
import * as repo from '../repository.ts';
import { canEditEntry } from '../policy.ts';
import type { RegisterDeps } from './context.ts';

/** An asset as it is saved: its row, and its links already resolved to ids. */
export interface AssetChange {
  values: repo.AssetValues;
  classIds: number[];
  locations: { sourceId: number; folder: string }[];
}

const YOU_CANNOT = 'You can change only the register entries of your own directorate';

/**
 * Adds an asset, or changes one if nobody has changed it since it was read. An asset owner may neither edit another
 * directorate's asset nor move one of theirs out of their reach.
 */
export async function saveAsset(
  deps: RegisterDeps,
  caller: Caller,
  change: AssetChange,
  existing?: { id: number; version: number },
) {
  authorize(caller.principal, canEditEntry(caller.principal, change.values), undefined, YOU_CANNOT);
  return runCommand(deps, caller.actor, async (tx, audit) => {
    let asset: repo.AssetRow;
    if (existing) {
      const current = await repo.findAsset(tx, existing.id);
      if (!current) throw new NotFoundError('No such asset');
      authorize(caller.principal, canEditEntry(caller.principal, current), undefined, YOU_CANNOT);
      asset = await repo.updateAsset(tx, existing, change.values, deps.clock.now());
    } else asset = await repo.insertAsset(tx, change.values);
    await repo.setAssetClasses(tx, asset.id, change.classIds);
    await repo.setAssetLocations(tx, asset.id, change.locations);
    await audit({
      action: existing ? 'asset.changed' : 'asset.added',
      entityType: 'asset',
      entityId: asset.id,
      details: { classes: change.classIds.length, locations: change.locations.length },
    });
    return asset;
  });
}

/**
 * The owner's yearly confirmation that the entry is right ("reviewed, no change"): it is marked reviewed today and
 * next due in twelve months.
 */
export async function confirmAsset(
  deps: RegisterDeps,
  caller: Caller,
  asset: { id: number; version: number },
) {
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const current = await repo.findAsset(tx, asset.id);
    if (!current) throw new NotFoundError('No such asset');
    authorize(caller.principal, canEditEntry(caller.principal, current), undefined, YOU_CANNOT);
    const today = londonToday(deps.clock);
    const saved = await repo.updateAsset(
      tx,
      asset,
      { lastReviewedOn: today, lastReviewedBy: caller.actor.label, nextReviewOn: reviewDueAfter(today) },
      deps.clock.now(),
    );
    await audit({
      action: 'asset.confirmed',
      entityType: 'asset',
      entityId: asset.id,
      details: { nextReviewOn: saved.nextReviewOn },
    });
    return saved;
  });
}
