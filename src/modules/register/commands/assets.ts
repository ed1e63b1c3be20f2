import { runCommand, NotFoundError } from '../../../platform/commands.ts';
import { londonToday } from '../../../platform/clock.ts';
import type { Caller } from '../../../platform/web/request.ts';
import { reviewDueAfter } from '../../../domain/register/register.ts';
import * as repo from '../repository.ts';
import { authorizeEntry, writeEntry, type RegisterDeps } from './context.ts';

/** An asset as it is saved: its row, and its links already resolved to ids. */
export interface AssetChange {
  values: repo.AssetValues;
  classIds: number[];
  locations: { sourceId: number; folder: string }[];
}

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
  authorizeEntry(caller, change.values);
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const asset = await writeEntry(caller, existing, {
      find: (id) => repo.findAsset(tx, id),
      insert: () => repo.insertAsset(tx, change.values),
      update: (entry) => repo.updateAsset(tx, entry, change.values, deps.clock.now()),
      missing: 'No such asset',
    });
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
    authorizeEntry(caller, current);
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
