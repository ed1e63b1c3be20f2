import { describeRetention, parseRetention, type RetentionFrom } from '../../domain/records/retention.ts';
import {
  DISPOSAL_ACTION_NAMES,
  TRIGGERS,
  type DisposalAction,
  type Trigger,
} from '../../domain/records/schedule.ts';
import type { ClassVersionRow } from './repository.ts';

const THEN: Record<DisposalAction, string> = {
  destroy: 'then destroyed',
  review: 'then reviewed',
  transfer: 'then transferred to the record office',
  permanent: '',
};

/** The trigger as a sentence names it: "closure", "the date of birth". */
export function triggerNoun(trigger: string): string {
  return TRIGGERS[trigger as Trigger]?.noun ?? trigger;
}

/** The trigger's own name: "Closure", "Date of birth". */
export function triggerName(trigger: string): string {
  return TRIGGERS[trigger as Trigger]?.name ?? trigger;
}

/** A rule in one sentence: "6 years from the end of the financial year of last modification, then destroyed". */
export function ruleSentence(rule: Pick<ClassVersionRow, 'period' | 'from' | 'trigger' | 'action'>): string {
  const retention = parseRetention(rule.period);
  if (retention === 'permanent') return 'Kept permanently';
  const trigger = triggerNoun(rule.trigger);
  const from: Record<RetentionFrom, string> = {
    trigger: `from ${trigger}`,
    'calendar-year-end': `from the end of the calendar year of ${trigger}`,
    'financial-year-end': `from the end of the financial year of ${trigger}`,
  };
  const then = THEN[rule.action as DisposalAction];
  return `${describeRetention(retention)} ${from[rule.from as RetentionFrom]}${then ? `, ${then}` : ''}`;
}

export function actionName(action: string): string {
  return DISPOSAL_ACTION_NAMES[action as DisposalAction] ?? action;
}

/** The class form's fields from a version of the class, for editing it. */
export function classFormValues(code: string, rule: ClassVersionRow, ownerDirectorateId: number | null) {
  const retention = parseRetention(rule.period);
  const period = retention === 'permanent' ? { years: 0, months: 0, days: 0 } : retention;
  return {
    code,
    function: rule.function,
    activity: rule.activity,
    description: rule.description,
    trigger: rule.trigger,
    permanent: retention === 'permanent' ? 'yes' : '',
    years: period.years ? String(period.years) : '',
    months: period.months ? String(period.months) : '',
    days: period.days ? String(period.days) : '',
    from: rule.from,
    action: rule.action,
    authority: rule.authority,
    authorityUrl: rule.authorityUrl ?? '',
    ownerDirectorateId: ownerDirectorateId ? String(ownerDirectorateId) : '',
    personalData: rule.personalData ? 'yes' : '',
    specialCategory: rule.specialCategory ? 'yes' : '',
    notes: rule.notes,
    variance: rule.variance,
    changeReason: '',
  };
}

/** The schedule grouped by function, as the classification scheme reads. */
export function byFunction<T extends { rule: { function: string } }>(classes: readonly T[]) {
  const groups = new Map<string, T[]>();
  for (const c of classes) groups.set(c.rule.function, [...(groups.get(c.rule.function) ?? []), c]);
  return [...groups.entries()].map(([name, members]) => ({ name, classes: members }));
}

/** What one scope of a hold covers, in words: "Class CS-03", "Folder Planning/Decisions of the file share". */
export function holdScopeText(
  scope: {
    kind: string;
    classId: number | null;
    source: string | null;
    folder: string | null;
    directorateId: number | null;
    itemId: number | null;
    term: string | null;
  },
  names: { classCodes: Map<number, string>; directorates: Map<number, string>; sources: Map<string, string> },
): string {
  const source = names.sources.get(scope.source ?? '') ?? scope.source;
  switch (scope.kind) {
    case 'class':
      return `Class ${names.classCodes.get(scope.classId!) ?? scope.classId}`;
    case 'source':
      return scope.folder ? `Folder ${scope.folder} of ${source}` : `Everything in ${source}`;
    case 'directorate':
      return `Records of ${names.directorates.get(scope.directorateId!) ?? 'a directorate'}`;
    case 'item':
      return `Record ${scope.itemId}`;
    default:
      return `Records mentioning “${scope.term}”`;
  }
}
