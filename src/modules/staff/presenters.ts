import { WORKER_TYPE_NAMES, type WorkerType } from '../../domain/staff/hr-file.ts';
import type { HrImportOutcome } from './commands/import-hr.ts';

export const workerTypeName = (type: WorkerType) => WORKER_TYPE_NAMES[type];

/** The changes an import made or would make, a page at most, in words: "Team: Payroll; Leave date: 31 January 2027". */
export function importChanges(outcome: HrImportOutcome, limit = 100) {
  const created = outcome.plan.created.slice(0, limit).map((row) => ({
    employeeId: row.employeeId,
    name: row.name,
    change: 'New',
  }));
  const updated = outcome.plan.updated.slice(0, limit).map(({ row, changed }) => ({
    employeeId: row.employeeId,
    name: row.name,
    change: changed.map((field) => FIELD_NAMES[field]).join(', '),
  }));
  return {
    created,
    updated,
    more: Math.max(0, outcome.plan.created.length - limit) + Math.max(0, outcome.plan.updated.length - limit),
    moved: outcome.plan.updated.filter((u) => u.moved).length,
    newTeams: outcome.plan.newTeams.map((t) => `${t.team} (${t.directorate})`).join(', '),
  };
}

const FIELD_NAMES: Record<HrImportOutcome['plan']['updated'][number]['changed'][number], string> = {
  name: 'Name',
  email: 'E-mail address',
  directorate: 'Directorate',
  team: 'Team',
  jobTitle: 'Job title',
  lineManagerEmail: 'Line manager',
  startDate: 'Start date',
  leaveDate: 'Leave date',
  workerType: 'Worker type',
  personalDataAccess: 'Access to personal data',
};
