import { runCommand, ValidationError } from '../../../../platform/commands.ts';
import type { Caller } from '../../../../platform/web/request.ts';
import { fieldError } from '../../../../platform/validation.ts';
import { londonToday } from '../../../../platform/clock.ts';
import type { Tx } from '../../../../platform/db/database.ts';
import { coolingOffUntil } from '../../../../domain/records/disposal.ts';
import * as lists from '../../disposal-repository.ts';
import type { DisposalListRow } from '../../disposal-repository.ts';
import { holdsCovering } from '../../hold-check.ts';
import { canApproveList, canStopList } from '../../policy.ts';
import { recordState } from '../../sources.ts';
import type { RecordsDeps } from '../context.ts';
import { listFor } from './context.ts';

/** A record that is no longer what the owner reviewed. */
export interface ChangedRecord {
  itemId: number;
  title: string;
  change: 'held' | 'changed' | 'gone';
  holds?: string[];
}

/** The list changed since its review: it cannot be approved as it is. The page shows what changed. */
export class ListChangedError extends ValidationError {
  constructor(readonly changes: ChangedRecord[]) {
    super(
      `${changes.length} ${changes.length === 1 ? 'record has' : 'records have'} changed since the owner reviewed this list: send it back to the owner`,
    );
  }
}

/** What changed among a list's records to be disposed of since review: now held, changed in their source, or gone. */
export async function changesSinceReview(
  deps: RecordsDeps,
  tx: Tx,
  list: DisposalListRow,
): Promise<ChangedRecord[]> {
  const toDispose = (await lists.listItems(tx, list.id)).filter((e) => e.entry.decision === 'dispose');
  const held = await holdsCovering(
    deps,
    tx,
    toDispose.map((e) => e.item),
  );
  const sources = new Map(deps.sources().map((s) => [s.name, s]));
  const changes: ChangedRecord[] = [];
  for (const { entry, item } of toDispose) {
    const holds = held.get(item.id);
    if (holds) {
      changes.push({ itemId: item.id, title: item.title, change: 'held', holds });
      continue;
    }
    const now = await recordState(
      sources.get(item.source),
      tx,
      item,
      entry.reviewedFingerprint ?? item.fingerprint,
    );
    if (now !== 'same') changes.push({ itemId: item.id, title: item.title, change: now });
  }
  return changes;
}

/**
 * The records manager's approval: refused if any record to be disposed of is now held, changed or gone (the page says
 * which); otherwise the cooling-off starts, and the list is carried out after it unless someone stops it.
 */
export async function approveList(deps: RecordsDeps, caller: Caller, ref: { id: number; version: number }) {
  const today = londonToday(deps.clock);
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const list = await listFor(tx, caller, ref, 'approve', (l) => canApproveList(caller.principal, l));
    const changes = await changesSinceReview(deps, tx, list);
    if (changes.length) throw new ListChangedError(changes);
    const until = coolingOffUntil(today, deps.coolingOffDays);
    const updated = await lists.updateList(
      tx,
      list,
      {
        status: 'cooling-off',
        approvedBy: caller.actor.label,
        approvedAt: deps.clock.now(),
        coolingOffUntil: until,
      },
      deps.clock.now(),
    );
    await audit({
      action: 'disposal-list.approved',
      entityType: 'disposal-list',
      entityId: list.id,
      details: { number: list.number, coolingOffUntil: until },
    });
    return updated;
  });
}

/**
 * Sends a list back to its owner, with the reason: records now held leave the list for the schedule; records that
 * changed or went since review lose their decision, to be looked at again.
 */
export async function returnToOwner(
  deps: RecordsDeps,
  caller: Caller,
  ref: { id: number; version: number },
  reason: string,
) {
  if (!reason.trim()) throw fieldError('reason', 'Say why the list goes back to its owner');
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const list = await listFor(tx, caller, ref, 'return-to-owner', (l) =>
      canApproveList(caller.principal, l),
    );
    const changes = await changesSinceReview(deps, tx, list);
    const held = changes.filter((c) => c.change === 'held').map((c) => c.itemId);
    const changed = changes.filter((c) => c.change !== 'held').map((c) => c.itemId);
    await lists.backOnSchedule(tx, held);
    for (const itemId of held)
      await lists.setOutcome(tx, list.id, itemId, {
        outcome: 'skipped',
        outcomeNote: 'held',
        doneAt: deps.clock.now(),
      });
    await lists.setDecision(tx, list.id, changed, { decision: 'pending', reviewedFingerprint: null });
    const updated = await lists.updateList(tx, list, { status: 'review' }, deps.clock.now());
    await audit({
      action: 'disposal-list.returned',
      entityType: 'disposal-list',
      entityId: list.id,
      details: { number: list.number, held: held.length, changed: changed.length },
    });
    return updated;
  });
}

/**
 * Stops an approved list before it is carried out, with the reason. Its records go back on the schedule, to be
 * proposed again at the next run — so a record that must be kept needs a hold, which the page suggests.
 */
export async function stopList(
  deps: RecordsDeps,
  caller: Caller,
  ref: { id: number; version: number },
  reason: string,
) {
  if (!reason.trim()) throw fieldError('reason', 'Say why the list is stopped');
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const list = await listFor(tx, caller, ref, 'stop', (l) => canStopList(caller.principal, l));
    await lists.backOnSchedule(tx, await lists.unfinishedDisposals(tx, list.id));
    const updated = await lists.updateList(
      tx,
      list,
      {
        status: 'stopped',
        stoppedBy: caller.actor.label,
        stoppedAt: deps.clock.now(),
        stopReason: reason.trim(),
      },
      deps.clock.now(),
    );
    await audit({
      action: 'disposal-list.stopped',
      entityType: 'disposal-list',
      entityId: list.id,
      details: { number: list.number },
    });
    return updated;
  });
}
