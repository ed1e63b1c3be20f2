import type { Clock } from '../../../platform/clock.ts';
import { londonToday } from '../../../platform/clock.ts';
import type { Database, Tx } from '../../../platform/db/database.ts';
import type { Actor } from '../../../platform/audit/service.ts';
import { runCommand, type Audit } from '../../../platform/commands.ts';
import {
  insertDirectorate,
  insertTeam,
  listDirectorates,
  listTeams,
} from '../../../platform/identity/repository.ts';
import type { HrRow } from '../../../domain/staff/hr-file.ts';
import { nameKey, planHrImport, teamKey, type HrImportPlan } from '../../../domain/staff/import-plan.ts';
import { readHrExtract } from '../hr-extract.ts';
import * as repo from '../repository.ts';

export interface StaffDeps {
  db: Database;
  clock: Clock;
}

/** What an import did (or, in a dry run, would do). */
export interface HrImportOutcome {
  dryRun: boolean;
  importId: number | null;
  rows: number;
  plan: HrImportPlan;
  /** Accounts closed because their holder's leave date has come. */
  accountsClosed: number;
  /** Administrators whose leave date has come: never closed by an import (break-glass accounts), listed instead. */
  administratorsLeaving: number;
}

/**
 * Reads an HR extract and brings Custodian's people into line with it: creates and updates people by employee id,
 * creates the directorates and teams it has not seen, keeps each mover's history, links accounts by e-mail address and
 * closes the accounts of people whose leave date has come. A bad row refuses the whole file before anything is read
 * from the database; a dry run changes nothing and says what the import would do.
 */
export async function importHrExtract(
  deps: StaffDeps,
  actor: Actor,
  file: { name: string; bytes: Buffer },
  options: { dryRun: boolean },
): Promise<HrImportOutcome> {
  const rows = readHrExtract(file.bytes);
  const today = londonToday(deps.clock);
  if (options.dryRun) {
    const plan = await planAgainst(deps.db.orm, rows, today);
    const leaving = await repo.accountsOfLeavers(deps.db.orm, today);
    return {
      dryRun: true,
      importId: null,
      rows: rows.length,
      plan,
      accountsClosed: leaving.close.length,
      administratorsLeaving: leaving.administrators,
    };
  }
  return runCommand(deps, actor, (tx, audit) =>
    applyHrRows(tx, audit, {
      rows,
      fileName: file.name,
      importedBy: actor.type === 'user' ? Number(actor.id) : null,
      now: deps.clock.now(),
      today,
    }),
  );
}

/** The import itself, in the caller's transaction (the command's, or the demo council's seeding). */
export async function applyHrRows(
  tx: Tx,
  audit: Audit,
  input: { rows: HrRow[]; fileName: string; importedBy: number | null; now: Date; today: string },
): Promise<HrImportOutcome> {
  const { rows, now, today } = input;
  const plan = await planAgainst(tx, rows, today);
  const structure = await createStructure(tx, audit, plan);
  const summary = {
    created: plan.created.length,
    updated: plan.updated.length,
    moved: plan.updated.filter((u) => u.moved).length,
    unchanged: plan.unchanged,
    leavers: plan.leavers.length,
    accountsClosed: 0,
    newDirectorates: plan.newDirectorates,
    newTeams: plan.newTeams.map((t) => `${t.team} (${t.directorate})`),
    notInFile: plan.notInFile.length,
  };
  const record = await repo.insertStaffImport(tx, {
    fileName: input.fileName.slice(0, 200),
    rows: rows.length,
    summary,
    importedBy: input.importedBy,
    importedAt: now,
  });
  await writePeople(tx, now, rows, plan, structure, record.id, today);
  await repo.linkAccounts(tx);
  const leaving = await closeLeaversAccounts(tx, audit, now, today);
  summary.accountsClosed = leaving.closed;
  await repo.updateStaffImportSummary(tx, record.id, summary);
  await audit({
    action: 'staff.imported',
    entityType: 'staff-import',
    entityId: record.id,
    details: {
      ...summary,
      newDirectorates: summary.newDirectorates.length,
      newTeams: summary.newTeams.length,
    },
  });
  return {
    dryRun: false,
    importId: record.id,
    rows: rows.length,
    plan,
    accountsClosed: leaving.closed,
    administratorsLeaving: leaving.administrators,
  };
}

/** Closes the accounts of people whose leave date has come (the import, and the nightly job for later dates). */
export async function closeLeaversAccounts(tx: Tx, audit: Audit, now: Date, today: string) {
  const leaving = await repo.accountsOfLeavers(tx, today);
  await repo.closeAccounts(tx, leaving.close, now);
  for (const id of leaving.close)
    await audit({
      action: 'user.deactivated',
      entityType: 'user',
      entityId: id,
      details: { reason: 'left' },
    });
  return { closed: leaving.close.length, administrators: leaving.administrators };
}

async function planAgainst(db: Parameters<typeof repo.staffAsHr>[0], rows: HrRow[], today: string) {
  // One after another: inside an import this runs in its transaction, which takes one statement at a time.
  const current = await repo.staffAsHr(db);
  const knownDirectorates = await listDirectorates(db);
  const knownTeams = await listTeams(db);
  return planHrImport(
    current,
    rows,
    {
      directorates: new Set(knownDirectorates.map((d) => nameKey(d.name))),
      teams: new Set(knownTeams.map((t) => teamKey(t.directorateName, t.name))),
    },
    today,
  );
}

interface Structure {
  directorate(name: string): number;
  team(directorate: string, team: string | null): number | null;
}

/** The directorates and teams the file names that Custodian has not seen, created; every one then found by name. */
async function createStructure(tx: Tx, audit: Audit, plan: HrImportPlan): Promise<Structure> {
  for (const name of plan.newDirectorates) await insertDirectorate(tx, audit, name);
  const directorateIds = new Map((await listDirectorates(tx)).map((d) => [nameKey(d.name), d.id]));
  for (const { directorate, team } of plan.newTeams) {
    await insertTeam(tx, audit, directorateIds.get(nameKey(directorate))!, team);
  }
  const teamIds = new Map((await listTeams(tx)).map((t) => [teamKey(t.directorateName, t.name), t.id]));
  return {
    directorate: (name) => directorateIds.get(nameKey(name))!,
    team: (directorate, team) => (team ? teamIds.get(teamKey(directorate, team))! : null),
  };
}

/**
 * Writes the plan: new people with their line managers in one pass (their ids taken from the sequence first, and
 * managers written before the people they manage, so no row is written twice), changed people, and posts.
 */
async function writePeople(
  tx: Tx,
  now: Date,
  rows: HrRow[],
  plan: HrImportPlan,
  structure: Structure,
  importId: number,
  today: string,
): Promise<void> {
  const current = await repo.staffAsHr(tx);
  const allocated = await repo.allocateStaffIds(tx, plan.created.length);
  const newIds = new Map(plan.created.map((row, i) => [row.employeeId.toLowerCase(), allocated[i]!]));
  const idOf = (row: HrRow) =>
    newIds.get(row.employeeId.toLowerCase()) ?? current.get(row.employeeId.toLowerCase())!.id;
  // Every line manager is someone in the file (checked when it was read), so the file says who has which address.
  const idByEmail = new Map(rows.filter((r) => r.email).map((r) => [r.email!, idOf(r)]));
  const managerOf = (row: HrRow) => (row.lineManagerEmail ? idByEmail.get(row.lineManagerEmail)! : null);
  const fields = (row: HrRow) => ({
    employeeId: row.employeeId,
    name: row.name,
    email: row.email,
    directorateId: structure.directorate(row.directorate),
    teamId: structure.team(row.directorate, row.team),
    jobTitle: row.jobTitle,
    lineManagerId: managerOf(row),
    startDate: row.startDate,
    leaveDate: row.leaveDate,
    workerType: row.workerType,
    personalDataAccess: row.personalDataAccess,
  });
  const rowByEmail = new Map(rows.filter((r) => r.email).map((r) => [r.email!, r]));
  const { ordered, later } = managersFirst(plan.created, (row) => {
    const manager = row.lineManagerEmail ? rowByEmail.get(row.lineManagerEmail) : undefined;
    return manager && newIds.has(manager.employeeId.toLowerCase()) ? manager : undefined;
  });
  await repo.insertStaff(
    tx,
    ordered.map((row) => ({
      ...fields(row),
      id: idOf(row),
      lineManagerId: later.has(row) ? null : managerOf(row),
    })),
  );
  // People who manage each other in a circle: their managers are set once all of them are written.
  await repo.setLineManagers(
    tx,
    [...later].map((row) => ({ id: idOf(row), managerId: managerOf(row) })),
  );
  for (const update of plan.updated) await repo.updateStaff(tx, idOf(update.row), fields(update.row), now);
  const posting = (row: HrRow, fromDate: string) => ({
    staffId: idOf(row),
    fromDate,
    directorateId: structure.directorate(row.directorate),
    teamId: structure.team(row.directorate, row.team),
    jobTitle: row.jobTitle,
    lineManagerId: managerOf(row),
    importId,
  });
  await repo.insertPostings(tx, [
    // A new person's first post runs from their start; a move from the day of the import that shows it.
    ...plan.created.map((row) => posting(row, row.startDate)),
    ...plan.updated.filter((u) => u.moved).map((u) => posting(u.row, today)),
  ]);
}

/**
 * New people ordered so that each one's manager, when also new, comes before them; those in a circle of managers
 * (which HR data can hold) are listed to have their managers set afterwards.
 */
function managersFirst(created: HrRow[], newManagerOf: (row: HrRow) => HrRow | undefined) {
  const depth = new Map<HrRow, number>();
  const later = new Set<HrRow>();
  for (const start of created) {
    // Up the chain of new managers until one whose depth is known, or the top, or a circle (without recursion: an
    // organisation chart can be deep).
    const path: HrRow[] = [];
    const onPath = new Set<HrRow>();
    let row: HrRow | undefined = start;
    let base = -1;
    while (row && !depth.has(row)) {
      if (onPath.has(row)) {
        later.add(path.at(-1)!);
        break;
      }
      path.push(row);
      onPath.add(row);
      row = newManagerOf(row);
    }
    if (row && depth.has(row)) base = depth.get(row)!;
    // One in a circle is written without its manager (set afterwards), so it heads its chain.
    for (let i = path.length - 1; i >= 0; i--) depth.set(path[i]!, ++base);
  }
  return { ordered: [...created].sort((a, b) => depth.get(a)! - depth.get(b)!), later };
}
