import path from 'node:path';
import { runCommand } from '../../../../platform/commands.ts';
import type { Actor } from '../../../../platform/audit/service.ts';
import type { Tx } from '../../../../platform/db/database.ts';
import { londonToday } from '../../../../platform/clock.ts';
import type { IsoDate } from '../../../../domain/calendar/dates.ts';
import { listCanTake, type ListStatus } from '../../../../domain/records/disposal.ts';
import { bagFiles, writeBag, writeTransferList } from '../../bagit.ts';
import { buildCertificate } from '../../certificate.ts';
import * as lists from '../../disposal-repository.ts';
import type { DisposalListRow } from '../../disposal-repository.ts';
import { holdsCovering } from '../../hold-check.ts';
import * as repo from '../../repository.ts';
import { recordState, type RecordSource } from '../../sources.ts';
import type { RecordsDeps } from '../context.ts';

const BATCH = 100;

/**
 * Carries out every approved list whose cooling-off is over, and finishes any a killed process left half done. Each
 * record is dealt with in its own transaction: holds and the record itself are checked again at that moment (a record
 * held, changed or gone since review is skipped and said so), then its source destroys it — or, for a class that goes
 * to the record office, it is written to a BagIt bag — and it keeps a stub with the certificate's number. A record is
 * never dealt with twice: each one's outcome is written in the same transaction as the work.
 */
export async function carryOutDisposals(deps: RecordsDeps, actor: Actor) {
  const today = londonToday(deps.clock);
  const done: { number: string; certificate: string; disposed: number; skipped: number }[] = [];
  for (const due of await lists.listsToCarryOut(deps.db.orm, today)) {
    const list = await startExecution(deps, actor, due.id, today);
    if (!list) continue;
    const sources = new Map(deps.sources().map((s) => [s.name, s]));
    const c = (await repo.classVersions(deps.db.orm, list.classId)).find(
      (v) => v.version === list.classVersion,
    )!;
    for (let batch = await lists.outstanding(deps.db.orm, list.id, BATCH); batch.length;) {
      for (const { entry, item } of batch)
        await runCommand(deps, actor, (tx, audit) =>
          carryOutOne(
            deps,
            tx,
            audit,
            { list, source: sources.get(item.source), action: c.action, today },
            { ...item, reviewed: entry.reviewedFingerprint },
          ),
        );
      batch = await lists.outstanding(deps.db.orm, list.id, BATCH);
    }
    for (const source of sources.values()) await source.afterDisposal?.(deps.db);
    const finished = await finishExecution(deps, actor, list.id);
    if (finished) done.push(finished);
  }
  // With or without lists today: quarantined files whose time is up go, and work a stopped process left is finished.
  if (!done.length) for (const source of deps.sources()) await source.afterDisposal?.(deps.db);
  return done;
}

/** Moves a list whose cooling-off is over into execution with its certificate's number; an executing one as it is. */
async function startExecution(deps: RecordsDeps, actor: Actor, id: number, today: IsoDate) {
  return runCommand(deps, actor, async (tx, audit) => {
    const list = await lists.findListForUpdate(tx, id);
    if (!list) return undefined;
    if (list.status === 'executing') {
      await audit({
        action: 'disposal-list.resumed',
        entityType: 'disposal-list',
        entityId: id,
        details: { number: list.number },
      });
      return list;
    }
    if (!listCanTake('execute', list.status as ListStatus) || !(list.coolingOffUntil! < today))
      return undefined;
    const certificate = await lists.nextNumber(tx, 'DC', Number(today.slice(0, 4)));
    const started = await lists.updateList(
      tx,
      list,
      { status: 'executing', certificateNumber: certificate },
      deps.clock.now(),
    );
    await audit({
      action: 'disposal-list.execution-started',
      entityType: 'disposal-list',
      entityId: id,
      details: { number: list.number, certificate },
    });
    return started;
  });
}

type Outstanding = Awaited<ReturnType<typeof lists.outstanding>>[number]['item'] & {
  reviewed: string | null;
};

async function carryOutOne(
  deps: RecordsDeps,
  tx: Tx,
  audit: Parameters<Parameters<typeof runCommand>[2]>[1],
  context: { list: DisposalListRow; source: RecordSource | undefined; action: string; today: IsoDate },
  item: Outstanding,
) {
  const { list, source } = context;
  const skip = async (note: string, details: Record<string, unknown> = {}) => {
    await lists.setOutcome(tx, list.id, item.id, {
      outcome: 'skipped',
      outcomeNote: note,
      doneAt: deps.clock.now(),
    });
    await lists.backOnSchedule(tx, [item.id]);
    await audit({
      action: 'record.disposal-skipped',
      entityType: 'record-item',
      entityId: item.id,
      details: { list: list.number, why: note, ...details },
    });
  };
  const held = (await holdsCovering(deps, tx, [item])).get(item.id);
  if (held) return skip('held', { holds: held });
  const state = await recordState(source, tx, item, item.reviewed ?? item.fingerprint);
  if (state !== 'same')
    return skip(state === 'gone' ? 'gone from its source' : 'changed since it was reviewed');
  const certificate = list.certificateNumber!;
  // Transferred (bagged for the record office) or destroyed by its source: either way done, under the certificate.
  const done = async (outcome: 'transferred' | 'destroyed', details: Record<string, unknown>) => {
    await lists.markDisposed(tx, item.id, {
      status: outcome === 'transferred' ? 'transferred' : 'disposed',
      certificateNumber: certificate,
      disposedOn: context.today,
    });
    await lists.setOutcome(tx, list.id, item.id, {
      outcome: 'done',
      outcomeNote: outcome,
      doneAt: deps.clock.now(),
    });
    await audit({
      action: `record.${outcome}`,
      entityType: 'record-item',
      entityId: item.id,
      details: { list: list.number, certificate, ...details },
    });
  };
  if (context.action === 'transfer') {
    const files = (await source!.exportForTransfer?.(tx, item)) ?? [];
    const bag = writeBag(path.join(deps.transfersDir, certificate, `item-${item.id}`), files, {
      'Source-Organization': deps.councilName,
      'External-Identifier': item.title,
      'Bagging-Date': context.today,
      'Internal-Sender-Identifier': `${list.number} ${certificate}`,
    });
    return done('transferred', { files: bag.files, bytes: bag.bytes });
  }
  await source!.destroy(tx, item, certificate, context.today);
  return done('destroyed', { source: item.source });
}

/** Issues the certificate of a list whose every record is dealt with. */
async function finishExecution(deps: RecordsDeps, actor: Actor, id: number) {
  return runCommand(deps, actor, async (tx, audit) => {
    const list = await lists.findListForUpdate(tx, id);
    if (!list || list.status !== 'executing') return undefined;
    if ((await lists.outstanding(tx, list.id, 1)).length) return undefined;
    const content = await buildCertificate(deps, tx, list, actor);
    const transferred = (await lists.listItems(tx, list.id)).filter((e) => e.item.status === 'transferred');
    if (transferred.length)
      writeTransferList(
        path.join(deps.transfersDir, list.certificateNumber!),
        content.class.code,
        transferred.map(({ item }) => ({
          bag: `item-${item.id}`,
          reference: item.title,
          triggerOn: item.triggerOn,
          until: item.until,
          files: bagFiles(path.join(deps.transfersDir, list.certificateNumber!, `item-${item.id}`)),
        })),
      );
    await lists.insertCertificate(tx, {
      number: list.certificateNumber!,
      listId: list.id,
      issuedAt: deps.clock.now(),
      content,
    });
    await lists.updateList(
      tx,
      list,
      { status: 'executed', executedBy: actor.label, executedAt: deps.clock.now() },
      deps.clock.now(),
    );
    await audit({
      action: 'disposal-list.executed',
      entityType: 'disposal-list',
      entityId: list.id,
      details: {
        number: list.number,
        certificate: list.certificateNumber,
        disposed: content.records.disposed,
        skipped: content.records.skipped,
      },
    });
    return {
      number: list.number,
      certificate: list.certificateNumber!,
      disposed: content.records.disposed,
      skipped: content.records.skipped,
    };
  });
}
