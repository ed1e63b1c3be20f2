import type { IsoDate } from '../calendar/dates.ts';
import {
  completes,
  coversOn,
  inScopeOn,
  percentOf,
  type CompletionStatus,
  type PersonOnRecord,
} from './compliance.ts';

export interface Figure {
  inScope: number;
  completed: number;
  /** To one decimal place; null when no one is in scope. */
  percent: number | null;
}

/** `custodian training report --json`'s shape: per directorate, the council's total, and councillors apart. */
export interface TrainingReport {
  course: string;
  on: IsoDate;
  directorates: ({ name: string } & Figure)[];
  total: Figure;
  councillors: Figure;
}

export interface ReportPerson extends PersonOnRecord {
  id: number;
  /** The person's directorate on the day of the report. */
  directorate: string;
}

export interface ReportCompletion {
  personId: number;
  completedOn: IsoDate;
  status: CompletionStatus;
}

/**
 * The figures for one course on one day, by the rules of compliance.ts, person by person. The database computes the
 * same figures in one aggregate for the council's whole establishment (training/repository.ts); this is the
 * definition its tests hold it to.
 */
export function trainingReport(input: {
  course: string;
  refreshMonths: number;
  on: IsoDate;
  people: readonly ReportPerson[];
  completions: readonly ReportCompletion[];
}): TrainingReport {
  const { on, refreshMonths } = input;
  const trained = new Set(
    input.completions
      .filter((c) => completes(c.status) && coversOn(c.completedOn, refreshMonths, on))
      .map((c) => c.personId),
  );
  const tally = new Map<string, { inScope: number; completed: number }>();
  const councillors = { inScope: 0, completed: 0 };
  for (const person of input.people) {
    const count = inScopeOn(person, on, 'staff')
      ? (tally.get(person.directorate) ??
        tally.set(person.directorate, { inScope: 0, completed: 0 }).get(person.directorate)!)
      : inScopeOn(person, on, 'councillors')
        ? councillors
        : null;
    if (!count) continue;
    count.inScope++;
    if (trained.has(person.id)) count.completed++;
  }
  const figure = (c: { inScope: number; completed: number }): Figure => ({
    ...c,
    percent: percentOf(c.completed, c.inScope),
  });
  const directorates = [...tally]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, c]) => ({ name, ...figure(c) }));
  const total = directorates.reduce(
    (sum, d) => ({ inScope: sum.inScope + d.inScope, completed: sum.completed + d.completed }),
    { inScope: 0, completed: 0 },
  );
  return { course: input.course, on, directorates, total: figure(total), councillors: figure(councillors) };
}
