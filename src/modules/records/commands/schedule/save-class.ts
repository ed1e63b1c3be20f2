import { runCommand, NotFoundError, ValidationError, type Audit } from '../../../../platform/commands.ts';
import type { Actor } from '../../../../platform/audit/service.ts';
import type { Tx } from '../../../../platform/db/database.ts';
import { fieldError } from '../../../../platform/validation.ts';
import * as identity from '../../../../platform/identity/repository.ts';
import { formatRetention } from '../../../../domain/records/retention.ts';
import { TRIGGERS, type Trigger } from '../../../../domain/records/schedule.ts';
import type { RecordSource } from '../../sources.ts';
import type { ClassInput } from '../../inputs.ts';
import * as repo from '../../repository.ts';
import type { ScheduleClass } from '../../repository.ts';
import { rescheduling } from '../../rescheduling.ts';
import type { RecordsDeps } from '../context.ts';

/**
 * Adds a class to the schedule, or puts a new version of one in force from the browser, where the person saw the
 * class at `existing.version` (a save over someone else's is refused).
 */
export async function saveClass(
  deps: RecordsDeps,
  actor: Actor,
  input: ClassInput,
  existing?: { id: number; version: number },
): Promise<ScheduleClass> {
  return runCommand(deps, actor, async (tx, audit) => {
    const step = { tx, audit, actor, now: deps.clock.now(), sources: deps.sources };
    if (!existing) return createClass(step, input);
    await repo.lockClass(tx, existing.id);
    const before = await repo.findClass(tx, { id: existing.id });
    if (!before) throw new NotFoundError('No such class');
    if (sameDefinition(before, input))
      throw new ValidationError('Nothing has changed, so there is nothing to save');
    if (!input.changeReason) throw fieldError('changeReason', 'Say why the class is changing');
    return reviseClass(step, { ...before, version: existing.version }, input);
  });
}

export interface ScheduleStep {
  tx: Tx;
  audit: Audit;
  actor: Actor;
  now: Date;
  sources: () => RecordSource[];
}

/** A new class, on version 1 of its rule. */
export async function createClass(step: ScheduleStep, input: ClassInput): Promise<ScheduleClass> {
  const { tx } = step;
  if (await repo.findClass(tx, { code: input.code }))
    throw fieldError('code', `There is already a class ${input.code}: change that one instead`);
  await checkOwner(tx, input.ownerDirectorateId);
  const created = await repo.insertClass(tx, {
    code: input.code,
    ownerDirectorateId: input.ownerDirectorateId,
  });
  await repo.insertClassVersion(tx, versionRow(created.id, 1, input, step.actor));
  await step.audit({
    action: 'record-class.created',
    entityType: 'record-class',
    entityId: created.id,
    details: { code: input.code, period: formatRetention(input.retention), action: input.action },
  });
  return (await repo.findClass(tx, { id: created.id }))!;
}

/**
 * A new version of a class put in force; the old one is kept. Its records are rescheduled under the new rule in the
 * same transaction — or, where the rule now runs from another event, left for the scheduler to read that event's
 * dates from their sources.
 */
export async function reviseClass(
  step: ScheduleStep,
  before: ScheduleClass,
  input: ClassInput,
): Promise<ScheduleClass> {
  const { tx } = step;
  await checkOwner(tx, input.ownerDirectorateId);
  if (input.trigger !== before.rule.trigger) await checkTriggerKnown(step, before, input.trigger);
  const version = before.currentVersion + 1;
  await repo.insertClassVersion(
    tx,
    versionRow(before.id, version, { ...input, code: before.code }, step.actor),
  );
  await repo.setClassVersion(
    tx,
    before,
    { currentVersion: version, ownerDirectorateId: input.ownerDirectorateId },
    step.now,
  );
  const plan = rescheduling(await repo.scheduledDatesOfClass(tx, before.id), before.rule, input);
  if (plan.inPlace) await repo.rescheduleClass(tx, before.id, version, plan.untilByTrigger);
  await step.audit({
    action: 'record-class.changed',
    entityType: 'record-class',
    entityId: before.id,
    details: {
      code: before.code,
      version,
      period: formatRetention(input.retention),
      action: input.action,
      rescheduled: plan.inPlace ? plan.records : 0,
      waitingForScheduler: plan.inPlace ? 0 : plan.records,
    },
  });
  return (await repo.findClass(tx, { id: before.id }))!;
}

/** A class's rule may only run from an event every source of its records knows the date of. */
async function checkTriggerKnown(step: ScheduleStep, c: ScheduleClass, trigger: Trigger) {
  const names = await repo.sourcesOfClass(step.tx, c.id);
  const unknowing = step.sources().filter((s) => names.includes(s.name) && !s.triggers.includes(trigger));
  if (unknowing.length)
    throw fieldError(
      'trigger',
      `${c.code}'s records include ${unknowing.map((s) => s.label.toLowerCase()).join(' and ')}, which do not record ${TRIGGERS[trigger].name.toLowerCase()}: choose ${unknowing[0]!.triggers.map((t) => TRIGGERS[t].name.toLowerCase()).join(' or ')}`,
    );
}

async function checkOwner(tx: Tx, directorateId: number | null) {
  if (directorateId && !(await identity.findDirectorate(tx, directorateId)))
    throw fieldError('ownerDirectorateId', 'Choose a directorate that exists');
}

function versionRow(classId: number, version: number, input: ClassInput, actor: Actor) {
  return {
    classId,
    version,
    function: input.function,
    activity: input.activity,
    description: input.description,
    trigger: input.trigger,
    period: formatRetention(input.retention),
    from: input.from,
    action: input.action,
    authority: input.authority,
    authorityUrl: input.authorityUrl,
    personalData: input.personalData,
    specialCategory: input.specialCategory,
    notes: input.notes,
    variance: input.variance,
    changeReason: input.changeReason || 'Added to the schedule',
    changedBy: actor.label,
  };
}

/** Whether a save would change nothing: the rule, the words and the owner all as they are. */
export function sameDefinition(
  before: ScheduleClass,
  input: Omit<ClassInput, 'code' | 'changeReason'>,
): boolean {
  const rule = before.rule;
  return (
    rule.function === input.function &&
    rule.activity === input.activity &&
    rule.description === input.description &&
    rule.trigger === input.trigger &&
    rule.period === formatRetention(input.retention) &&
    rule.from === input.from &&
    rule.action === input.action &&
    rule.authority === input.authority &&
    (rule.authorityUrl ?? null) === input.authorityUrl &&
    rule.personalData === input.personalData &&
    rule.specialCategory === input.specialCategory &&
    rule.notes === input.notes &&
    rule.variance === input.variance &&
    (before.ownerDirectorateId ?? null) === input.ownerDirectorateId
  );
}
