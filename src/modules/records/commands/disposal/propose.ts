import { runCommand } from '../../../../platform/commands.ts';
import type { Actor } from '../../../../platform/audit/service.ts';
import type { IsoDate } from '../../../../domain/calendar/dates.ts';
import * as lists from '../../disposal-repository.ts';
import { holdsCovering } from '../../hold-check.ts';
import * as repo from '../../repository.ts';
import type { RecordsDeps } from '../context.ts';

/** A list holds at most this many records, so one owner can review it in a sitting and one certificate covers it. */
export const LIST_SIZE = 1000;

/**
 * Proposes what has reached the end of its retention: one list a class and owner (more when a group is larger than a
 * list), holding only records no standing hold covers. Records kept permanently are never due. Each list is its own
 * transaction and audit event, so a run stopped half-way leaves whole lists and carries on when run again.
 */
export async function proposeDisposals(deps: RecordsDeps, actor: Actor, today: IsoDate) {
  const proposed: { number: string; classCode: string; records: number }[] = [];
  const classes = new Map((await repo.scheduleClasses(deps.db.orm)).map((c) => [c.id, c]));
  for (const group of await lists.proposalGroups(deps.db.orm, today)) {
    const c = classes.get(group.classId);
    if (!c || c.rule.action === 'permanent') continue;
    for (let done = false; !done;) {
      const list = await runCommand(deps, actor, async (tx, audit) => {
        const candidates = await lists.groupCandidates(tx, today, group, LIST_SIZE);
        const held = await holdsCovering(deps, tx, candidates);
        const free = candidates.filter((i) => !held.has(i.id));
        // A full batch wholly held by searches would stop the group here; what is left waits for the next run.
        done = candidates.length < LIST_SIZE || free.length === 0;
        if (!free.length) {
          await audit({
            action: 'disposal.nothing-to-propose',
            entityType: 'record-class',
            entityId: c.id,
            details: { classCode: c.code, held: candidates.length },
          });
          return undefined;
        }
        const row = await lists.insertList(tx, {
          number: await lists.nextNumber(tx, 'DL', Number(today.slice(0, 4))),
          classId: c.id,
          classVersion: c.currentVersion,
          directorateId: group.directorateId,
          status: 'review',
          proposedOn: today,
        });
        await lists.addListItems(
          tx,
          row.id,
          free.map((i) => i.id),
        );
        await audit({
          action: 'disposal-list.proposed',
          entityType: 'disposal-list',
          entityId: row.id,
          details: { number: row.number, classCode: c.code, records: free.length, held: held.size },
        });
        return { number: row.number, classCode: c.code, records: free.length };
      });
      if (list) proposed.push(list);
    }
  }
  return proposed;
}
