import { runCommand, NotFoundError } from '../../../../platform/commands.ts';
import type { Actor } from '../../../../platform/audit/service.ts';
import { fieldError } from '../../../../platform/validation.ts';
import { climbsOut, normaliseFolder } from '../../../../domain/records/classification.ts';
import { TRIGGERS, type Trigger } from '../../../../domain/records/schedule.ts';
import * as repo from '../../repository.ts';
import type { RecordSource } from '../../sources.ts';
import type { RecordsDeps } from '../context.ts';

export interface RuleInput {
  source: string;
  scope: number;
  selector: string;
  classCode: string;
}

/**
 * A rule putting a source's records in a class: everything under a folder of a discovery source, or one case type.
 * Refused when the class's rule runs from an event the source's records do not know (files know when they were last
 * modified, not when a case closed) — they could never be scheduled.
 */
export async function addClassificationRule(
  deps: RecordsDeps,
  actor: Actor,
  sources: readonly RecordSource[],
  input: RuleInput,
): Promise<number> {
  const source = sources.find((s) => s.name === input.source);
  if (!source) throw fieldError('source', 'Choose where the records are');
  if (source.fixedClass)
    throw fieldError('source', `${source.label} are always in ${source.fixedClass}: they take no rules`);
  const scopes = await source.scopes(deps.db.orm);
  if (!scopes.some((s) => s.scope === input.scope)) throw fieldError('scope', 'Choose a source that exists');
  const selector = selectorFor(source, input.selector);
  return runCommand(deps, actor, async (tx, audit) => {
    const c = await repo.findClass(tx, { code: input.classCode });
    if (!c) throw fieldError('classCode', 'Choose a class on the schedule');
    if (!source.triggers.includes(c.rule.trigger as Trigger))
      throw fieldError(
        'classCode',
        `${c.code} runs from ${TRIGGERS[c.rule.trigger as Trigger]?.name.toLowerCase() ?? c.rule.trigger}, which ${source.label.toLowerCase()} do not record: choose a class that runs from ${source.triggers.map((t) => TRIGGERS[t].name.toLowerCase()).join(' or ')}`,
      );
    const id = await repo.insertClassificationRule(tx, {
      source: source.name,
      scope: input.scope,
      selector,
      classId: c.id,
      createdBy: actor.label,
    });
    if (id === undefined)
      throw fieldError('selector', 'There is already a rule for that: remove it first to change its class');
    await audit({
      action: 'classification-rule.added',
      entityType: 'classification-rule',
      entityId: id,
      details: { source: source.name, scope: input.scope, classCode: c.code },
    });
    return id;
  });
}

export async function removeClassificationRule(deps: RecordsDeps, actor: Actor, id: number): Promise<void> {
  await runCommand(deps, actor, async (tx, audit) => {
    const removed = await repo.deleteClassificationRule(tx, id);
    if (!removed) throw new NotFoundError('No such rule');
    await audit({
      action: 'classification-rule.removed',
      entityType: 'classification-rule',
      entityId: id,
      details: { source: removed.source, scope: removed.scope },
    });
  });
}

/** A rule's selector as the source matches it: a folder kept one way, or one of the source's values. */
function selectorFor(source: RecordSource, text: string): string {
  if (source.selectorMatch === 'exact') {
    if (!source.choices?.some((c) => c.value === text)) throw fieldError('selector', 'Choose which records');
    return text;
  }
  const folder = normaliseFolder(text);
  if (climbsOut(folder)) throw fieldError('selector', 'Give a folder inside the source, without ".."');
  if (folder.length > 1000) throw fieldError('selector', 'The folder must be 1,000 characters or fewer');
  return folder;
}
