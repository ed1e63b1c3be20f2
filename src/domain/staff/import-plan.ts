import type { HrRow } from './hr-file.ts';

/** The fields whose change is a move: the person's post, which their history keeps. */
export const POSTING_FIELDS = ['directorate', 'team', 'jobTitle', 'lineManagerEmail'] as const;

const FIELDS = [
  'name',
  'email',
  ...POSTING_FIELDS,
  'startDate',
  'leaveDate',
  'workerType',
  'personalDataAccess',
] as const satisfies readonly (keyof HrRow)[];
export type HrField = (typeof FIELDS)[number];

export interface HrUpdate {
  row: HrRow;
  changed: HrField[];
  /** A new directorate, team, job title or line manager: a new posting in the person's history. */
  moved: boolean;
}

/** What an extract would change, before anything is written: the dry run shows it, the import carries it out. */
export interface HrImportPlan {
  created: HrRow[];
  updated: HrUpdate[];
  unchanged: number;
  /** People given a leave date they did not have (or a different one). */
  leavers: HrRow[];
  newDirectorates: string[];
  newTeams: { directorate: string; team: string }[];
  /** People Custodian holds who are still working but are not in the file: reported, never changed. */
  notInFile: string[];
}

/** Names are matched as HR types them, but neither case nor spaces around them make a second directorate. */
export const nameKey = (name: string) => name.trim().toLowerCase();
export const teamKey = (directorate: string, team: string) => `${nameKey(directorate)}\u0000${nameKey(team)}`;

/**
 * Compares an extract with the people Custodian holds (keyed by employee id, lower-cased) and the directorates and
 * teams it knows (by nameKey and teamKey).
 */
export function planHrImport(
  current: ReadonlyMap<string, HrRow>,
  rows: readonly HrRow[],
  known: { directorates: ReadonlySet<string>; teams: ReadonlySet<string> },
  today: string,
): HrImportPlan {
  const plan: HrImportPlan = {
    created: [],
    updated: [],
    unchanged: 0,
    leavers: [],
    newDirectorates: [],
    newTeams: [],
    notInFile: [],
  };
  const directorates = new Set(known.directorates);
  const teams = new Set(known.teams);
  const inFile = new Set<string>();
  for (const row of rows) {
    const key = row.employeeId.toLowerCase();
    inFile.add(key);
    if (!directorates.has(nameKey(row.directorate))) {
      directorates.add(nameKey(row.directorate));
      plan.newDirectorates.push(row.directorate);
    }
    if (row.team && !teams.has(teamKey(row.directorate, row.team))) {
      teams.add(teamKey(row.directorate, row.team));
      plan.newTeams.push({ directorate: row.directorate, team: row.team });
    }
    const before = current.get(key);
    if (!before) {
      plan.created.push(row);
      if (row.leaveDate) plan.leavers.push(row);
      continue;
    }
    const changed = FIELDS.filter((field) => !same(field, before[field], row[field]));
    if (!changed.length) {
      plan.unchanged++;
      continue;
    }
    plan.updated.push({ row, changed, moved: changed.some((f) => isPostingField(f)) });
    if (row.leaveDate && changed.includes('leaveDate')) plan.leavers.push(row);
  }
  for (const [key, person] of current)
    if (!inFile.has(key) && (!person.leaveDate || person.leaveDate >= today))
      plan.notInFile.push(person.employeeId);
  return plan;
}

function isPostingField(field: HrField): boolean {
  return (POSTING_FIELDS as readonly string[]).includes(field);
}

function same(field: HrField, a: unknown, b: unknown): boolean {
  if (field === 'directorate' || field === 'team')
    return nameKey(String(a ?? '')) === nameKey(String(b ?? ''));
  return a === b;
}
