import { runCommand, NotFoundError, ValidationError } from '../../../../platform/commands.ts';
import type { Actor } from '../../../../platform/audit/service.ts';
import type { Tx } from '../../../../platform/db/database.ts';
import * as identity from '../../../../platform/identity/repository.ts';
import { fieldError, isId } from '../../../../platform/validation.ts';
import { climbsOut, normaliseFolder } from '../../../../domain/records/classification.ts';
import * as repo from '../../repository.ts';
import * as holdsRepo from '../../holds-repository.ts';
import type { RecordsDeps } from '../context.ts';

/** Something a hold covers, as a person names it. */
export type HoldScopeInput =
  | { kind: 'class'; classCode: string }
  | { kind: 'source'; source: string; part?: string; folder?: string }
  | { kind: 'directorate'; directorate: number | string }
  | { kind: 'item'; itemId: number }
  | { kind: 'search'; term: string };

export interface HoldInput {
  name: string;
  reason: string;
  authority: string;
  requestedBy: string;
  reviewOn: string | null;
  scopes: HoldScopeInput[];
}

/**
 * Places a legal hold over what it names. A hold that names nothing is refused: it would look like protection and
 * protect nothing. Search terms are not written to the audit trail (they are often a person's name).
 */
export async function placeHold(deps: RecordsDeps, actor: Actor, input: HoldInput) {
  if (!input.scopes.length)
    throw fieldError(
      'kind',
      'Say what the hold covers: classes, a source or folder, a directorate, items or a search',
    );
  return runCommand(deps, actor, async (tx, audit) => {
    if (await holdsRepo.findHold(tx, { name: input.name }))
      throw fieldError('name', `There is already a hold called ${input.name}`);
    const scopes = [];
    for (const scope of input.scopes) scopes.push(await resolveScope(deps, tx, scope));
    const hold = await holdsRepo.insertHold(tx, {
      name: input.name,
      reason: input.reason,
      authority: input.authority,
      requestedBy: input.requestedBy,
      reviewOn: input.reviewOn,
      placedBy: actor.label,
      placedAt: deps.clock.now(),
    });
    await holdsRepo.insertHoldScopes(
      tx,
      scopes.map((s) => ({ ...s, holdId: hold.id })),
    );
    await audit({
      action: 'legal-hold.placed',
      entityType: 'legal-hold',
      entityId: hold.id,
      details: { name: hold.name, scopes: scopes.map((s) => s.kind), reviewOn: input.reviewOn },
    });
    return hold;
  });
}

/** Widens a standing hold to cover something more. */
export async function addHoldScope(deps: RecordsDeps, actor: Actor, holdId: number, scope: HoldScopeInput) {
  await runCommand(deps, actor, async (tx, audit) => {
    const hold = await holdsRepo.findHold(tx, { id: holdId });
    if (!hold) throw new NotFoundError('No such hold');
    if (hold.releasedAt) throw new ValidationError('This hold has been released: place a new one');
    const resolved = await resolveScope(deps, tx, scope);
    await holdsRepo.insertHoldScopes(tx, [{ ...resolved, holdId }]);
    await audit({
      action: 'legal-hold.widened',
      entityType: 'legal-hold',
      entityId: holdId,
      details: { name: hold.name, scope: resolved.kind },
    });
  });
}

/** Releases a standing hold, with the reason; it stays on record. What it covered can be proposed for disposal again. */
export async function releaseHold(
  deps: RecordsDeps,
  actor: Actor,
  hold: { id: number; version: number },
  reason: string,
) {
  if (!reason.trim()) throw fieldError('reason', 'Say why the hold can be released');
  await runCommand(deps, actor, async (tx, audit) => {
    const current = await holdsRepo.findHold(tx, { id: hold.id });
    if (!current) throw new NotFoundError('No such hold');
    if (current.releasedAt) throw new ValidationError('This hold has already been released');
    await holdsRepo.releaseHoldRow(tx, hold, {
      releasedBy: actor.label,
      releasedAt: deps.clock.now(),
      releaseReason: reason,
    });
    await audit({
      action: 'legal-hold.released',
      entityType: 'legal-hold',
      entityId: hold.id,
      details: { name: current.name },
    });
  });
}

/** A scope as stored: what it names checked to exist, folders kept one way. */
async function resolveScope(deps: RecordsDeps, tx: Tx, scope: HoldScopeInput) {
  switch (scope.kind) {
    case 'class': {
      const c = await repo.findClass(tx, { code: scope.classCode });
      if (!c) throw fieldError('classCodes', `There is no class ${scope.classCode} on the schedule`);
      return { kind: 'class', classId: c.id };
    }
    case 'source': {
      const source = deps.sources().find((s) => s.name === scope.source);
      if (source) return { kind: 'source', source: source.name, scope: null, folder: '' };
      // A part of a source by its name: a discovery source, and optionally a folder inside it.
      for (const candidate of deps.sources()) {
        const part = (await candidate.scopes(tx)).find((p) => p.name === scope.source);
        if (!part) continue;
        const folder = normaliseFolder(scope.folder ?? '');
        if (climbsOut(folder)) throw fieldError('folder', 'Give a folder inside the source, without ".."');
        if (folder && candidate.selectorMatch !== 'folder')
          throw fieldError('folder', `${candidate.label} have no folders`);
        return { kind: 'source', source: candidate.name, scope: part.scope, folder };
      }
      throw fieldError('source', `There is no source called ${scope.source}`);
    }
    case 'directorate': {
      const directorates = await identity.listDirectorates(tx);
      const d = directorates.find((x) => x.id === scope.directorate || x.name === scope.directorate);
      if (!d) throw fieldError('directorateId', 'Choose a directorate that exists');
      return { kind: 'directorate', directorateId: d.id };
    }
    case 'item': {
      // A number no record can have (past the id range, not whole) is simply not on the schedule.
      if (!isId(scope.itemId) || !(await repo.findItem(tx, scope.itemId)))
        throw fieldError('itemIds', `There is no record ${scope.itemId} on the schedule`);
      return { kind: 'item', itemId: scope.itemId };
    }
    case 'search': {
      const term = scope.term.trim();
      if (term.length < 3) throw fieldError('term', 'Give a search of 3 characters or more');
      if (term.length > 200) throw fieldError('term', 'Give a search of 200 characters or fewer');
      return { kind: 'search', term };
    }
  }
}
