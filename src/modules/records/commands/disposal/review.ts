import { runCommand, ValidationError } from '../../../../platform/commands.ts';
import type { Caller } from '../../../../platform/web/request.ts';
import { fieldError } from '../../../../platform/validation.ts';
import { londonToday } from '../../../../platform/clock.ts';
import { decisionProblem, type Decision } from '../../../../domain/records/disposal.ts';
import * as lists from '../../disposal-repository.ts';
import * as repo from '../../repository.ts';
import { canReviewList } from '../../policy.ts';
import type { RecordsDeps } from '../context.ts';
import { listFor } from './context.ts';

export interface DecisionInput {
  decision: Decision;
  keepUntil?: string | null;
  reason?: string | null;
  newClassCode?: string | null;
}

/** The owner's decision on records of a list under review: dispose of them, keep them longer, or reclassify them. */
export async function decide(
  deps: RecordsDeps,
  caller: Caller,
  listId: number,
  itemIds: readonly number[],
  input: DecisionInput,
) {
  const today = londonToday(deps.clock);
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const list = await listFor(tx, caller, { id: listId }, 'decide', (l) =>
      canReviewList(caller.principal, l),
    );
    let newClassId: number | null = null;
    if (input.decision === 'reclassify' && input.newClassCode) {
      const c = await repo.findClass(tx, { code: input.newClassCode });
      if (!c) throw fieldError('newClassCode', 'Choose a class on the schedule');
      if (c.id === list.classId) throw fieldError('newClassCode', 'Choose a class other than the list’s own');
      newClassId = c.id;
    }
    const problem = decisionProblem({ ...input, newClassId }, today);
    if (problem)
      throw fieldError(problem.field === 'newClassId' ? 'newClassCode' : problem.field, problem.message);
    const known = new Set((await lists.listItems(tx, list.id)).map((r) => r.item.id));
    const unknown = itemIds.filter((id) => !known.has(id));
    if (unknown.length || !itemIds.length) throw new ValidationError('Choose records on this list');
    await lists.setDecision(tx, list.id, itemIds, {
      decision: input.decision,
      keepUntil: input.decision === 'keep' ? input.keepUntil! : null,
      reason: input.decision === 'dispose' ? null : input.reason!.trim(),
      newClassId,
      decidedBy: caller.actor.label,
    });
    await audit({
      action: 'disposal-list.decided',
      entityType: 'disposal-list',
      entityId: list.id,
      details: { number: list.number, decision: input.decision, records: itemIds.length },
    });
  });
}

/** Every record still undecided on a list, to be disposed of: the common case in one step. */
export async function disposeOfPending(deps: RecordsDeps, caller: Caller, listId: number) {
  const pending = await lists.pendingOf(deps.db.orm, listId);
  if (!pending.length) throw new ValidationError('Every record on this list has a decision already');
  await decide(deps, caller, listId, pending, { decision: 'dispose' });
  return pending.length;
}

/**
 * The owner's review, sent for approval once every record has a decision. Records kept longer or reclassified go back
 * on the schedule now (kept to their new date; in their new class from the next schedule run); what each record to
 * be disposed of was is noted, so approval can tell if it changed.
 */
export async function submitReview(deps: RecordsDeps, caller: Caller, ref: { id: number; version: number }) {
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const list = await listFor(tx, caller, ref, 'submit-review', (l) => canReviewList(caller.principal, l));
    const entries = await lists.listItems(tx, list.id);
    const pending = entries.filter((e) => e.entry.decision === 'pending').length;
    if (pending)
      throw new ValidationError(
        `${pending} ${pending === 1 ? 'record has' : 'records have'} no decision yet`,
      );
    const sources = new Map(deps.sources().map((s) => [s.name, s]));
    for (const { entry, item } of entries) {
      // What the record is as the owner decides: approval and destruction compare with this.
      if (entry.decision === 'dispose')
        await lists.setDecision(tx, list.id, [item.id], {
          reviewedFingerprint: (await sources.get(item.source)?.fingerprint(tx, item)) ?? item.fingerprint,
        });
      if (entry.decision === 'keep')
        await lists.backOnSchedule(tx, [item.id], { keepUntil: entry.keepUntil!, keepReason: entry.reason! });
      if (entry.decision === 'reclassify')
        // Version 0 is no version: the next schedule run dates it under its new class's rule.
        await lists.backOnSchedule(tx, [item.id], {
          classId: entry.newClassId!,
          assignedClassId: entry.newClassId!,
          classVersion: 0,
        });
      if (entry.decision !== 'dispose')
        await lists.setOutcome(tx, list.id, item.id, {
          outcome: 'skipped',
          outcomeNote: entry.decision,
          doneAt: deps.clock.now(),
        });
    }
    const updated = await lists.updateList(
      tx,
      list,
      { status: 'approval', reviewedBy: caller.actor.label, reviewedAt: deps.clock.now() },
      deps.clock.now(),
    );
    const tally = { dispose: 0, keep: 0, reclassify: 0 };
    for (const { entry } of entries) tally[entry.decision as keyof typeof tally] += 1;
    await audit({
      action: 'disposal-list.reviewed',
      entityType: 'disposal-list',
      entityId: list.id,
      details: { number: list.number, ...tally },
    });
    return updated;
  });
}
