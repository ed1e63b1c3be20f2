import type { Actor } from '../../platform/audit/service.ts';
import { londonToday } from '../../platform/clock.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { parseRetention } from '../../domain/records/retention.ts';
import type { DisposalAction, ScheduleRow, Trigger } from '../../domain/records/schedule.ts';
import type { RecordsDeps } from './commands/context.ts';
import { importSchedule } from './commands/schedule/import-schedule.ts';
import { saveClass } from './commands/schedule/save-class.ts';
import {
  addClassificationRule,
  removeClassificationRule,
  type RuleInput,
} from './commands/classification/classification-rules.ts';
import type { ClassInput } from './inputs.ts';
import * as repo from './repository.ts';
import type { ScheduleClass } from './repository.ts';
import { rescheduling } from './rescheduling.ts';
import { readScheduleFile, writeScheduleFile, type ScheduleFormat } from './schedule-file.ts';

/** The retention schedule: its classes and their rules, kept in the browser or from a file, every version kept. */
export class RetentionScheduleService {
  constructor(private readonly deps: RecordsDeps) {}

  /** Every class in force, for choosing one or naming it (no counting: a count touches every record). */
  inForce() {
    return repo.scheduleClasses(this.deps.db.orm);
  }

  /** Every class in force, with how many records it holds. */
  async classes() {
    const [classes, counts] = await Promise.all([
      repo.scheduleClasses(this.deps.db.orm),
      repo.itemCountsByClass(this.deps.db.orm),
    ]);
    return classes.map((c) => ({ ...c, records: counts.get(c.id) ?? 0 }));
  }

  /** A class with every version of its rule, newest first. */
  async find(code: string) {
    const c = await repo.findClass(this.deps.db.orm, { code });
    if (!c) throw new NotFoundError('No such class');
    const [versions, counts] = await Promise.all([
      repo.classVersions(this.deps.db.orm, c.id),
      repo.itemCountsByClass(this.deps.db.orm),
    ]);
    return { ...c, versions, records: counts.get(c.id) ?? 0 };
  }

  /** What saving a change would do to the class's records, before it is saved. */
  async preview(c: ScheduleClass, input: ClassInput) {
    const dates = await repo.scheduledDatesOfClass(this.deps.db.orm, c.id);
    return rescheduling(dates, c.rule, input, londonToday(this.deps.clock));
  }

  save(actor: Actor, input: ClassInput, existing?: { id: number; version: number }) {
    return saveClass(this.deps, actor, input, existing);
  }

  /** A schedule file: every row checked first, then all of it or none of it. */
  async import(actor: Actor, bytes: Buffer, source: string) {
    const rows = await readScheduleFile(bytes);
    return importSchedule(this.deps, actor, rows, source);
  }

  /** The record sources, with what a classification rule may name in each. */
  async sources() {
    return Promise.all(
      this.deps.sources().map(async (s) => ({
        name: s.name,
        label: s.label,
        triggers: s.triggers,
        selectorMatch: s.selectorMatch,
        fixedClass: s.fixedClass,
        scopes: await s.scopes(this.deps.db.orm),
        choices: s.choices ?? [],
      })),
    );
  }

  /** The rules that put each source's records in a class. */
  async rules() {
    const [rules, classes] = await Promise.all([
      repo.classificationRulesOf(this.deps.db.orm),
      repo.scheduleClasses(this.deps.db.orm),
    ]);
    const codes = new Map(classes.map((c) => [c.id, c.code]));
    return rules.map((r) => ({ ...r, classCode: codes.get(r.classId) ?? '' }));
  }

  addRule(actor: Actor, input: RuleInput) {
    return addClassificationRule(this.deps, actor, this.deps.sources(), input);
  }

  removeRule(actor: Actor, id: number) {
    return removeClassificationRule(this.deps, actor, id);
  }

  async export(format: ScheduleFormat): Promise<Buffer> {
    return writeScheduleFile((await repo.scheduleClasses(this.deps.db.orm)).map(scheduleRow), format);
  }
}

/** A class in force as a row of a schedule file. */
export function scheduleRow(c: ScheduleClass): ScheduleRow {
  const { rule } = c;
  return {
    code: c.code,
    function: rule.function,
    activity: rule.activity,
    description: rule.description,
    trigger: rule.trigger as Trigger,
    retention: parseRetention(rule.period),
    from: rule.from as ScheduleRow['from'],
    action: rule.action as DisposalAction,
    authority: rule.authority,
    authorityUrl: rule.authorityUrl,
    personalData: rule.personalData,
    specialCategory: rule.specialCategory,
    notes: rule.notes,
  };
}
