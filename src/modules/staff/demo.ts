import { asc, eq } from 'drizzle-orm';
import type { DemoContext } from '../../platform/modules.ts';
import { directorates, teamMembers, teams, users } from '../../platform/identity/schema.ts';
import { DEMO_EMAIL_DOMAIN, FIRST_NAMES, SURNAMES } from '../../platform/identity/demo.ts';
import { SeededRandom } from '../../domain/shared/random.ts';
import { addCalendarMonths, addDays } from '../../domain/calendar/dates.ts';
import type { HrRow, WorkerType } from '../../domain/staff/hr-file.ts';
import { applyHrRows } from './commands/import-hr.ts';

const AGENCY = 24;
const VOLUNTEERS = 8;
const COUNCILLORS = 39;

/**
 * Kingsmere's HR extract: the 200 staff with accounts, agency workers and contractors (some without a council
 * address), volunteers, a leaver or two and new starters, and the 39 councillors; line managers per team. Imported
 * twice through the same code as a real extract: a year ago, then today with a few moves and leavers.
 */
export async function seedDemoStaff(context: DemoContext): Promise<void> {
  const { tx, audit, today } = context;
  const random = new SeededRandom(context.seed + 16);
  const accounts = await tx
    .select({
      email: users.email,
      name: users.displayName,
      jobTitle: users.jobTitle,
      team: teams.name,
      directorate: directorates.name,
    })
    .from(users)
    .innerJoin(teamMembers, eq(teamMembers.userId, users.id))
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .innerJoin(directorates, eq(directorates.id, teams.directorateId))
    .orderBy(asc(users.id));
  let next = 1000;
  const employeeId = () => `KBC${next++}`;
  const started = () => addDays(today, -random.int(60, 365 * 15));
  const row = (over: Partial<HrRow> & Pick<HrRow, 'name' | 'directorate'>): HrRow => ({
    employeeId: employeeId(),
    email: null,
    team: null,
    jobTitle: null,
    lineManagerEmail: null,
    startDate: started(),
    leaveDate: null,
    workerType: 'employee',
    personalDataAccess: true,
    ...over,
  });
  const rows = accounts.map((a) =>
    row({ name: a.name, email: a.email, directorate: a.directorate, team: a.team, jobTitle: a.jobTitle }),
  );
  // Each team's first member manages the rest; each directorate's first manager is managed by the first of all.
  const byTeam = new Map<string, HrRow[]>();
  for (const r of rows)
    byTeam.set(`${r.directorate}/${r.team}`, [...(byTeam.get(`${r.directorate}/${r.team}`) ?? []), r]);
  const heads = new Map<string, HrRow>();
  for (const members of byTeam.values()) {
    const [manager, ...rest] = members;
    for (const r of rest) r.lineManagerEmail = manager!.email;
    const head = heads.get(manager!.directorate);
    if (head) manager!.lineManagerEmail = head.email;
    else heads.set(manager!.directorate, manager!);
  }
  const teamList = [...byTeam.values()].map((m) => m[0]!);
  const person = () => `${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`;
  const worker = (workerType: WorkerType, i: number) => {
    const team = random.pick(teamList);
    const name = person();
    return row({
      name,
      workerType,
      // A third of agency staff have no council address (Dorset's finding: they missed every reminder).
      email: workerType === 'agency' && i % 3 === 0 ? null : `${workerType}.${i}@${DEMO_EMAIL_DOMAIN}`,
      directorate: team.directorate,
      team: team.team,
      jobTitle:
        workerType === 'volunteer'
          ? 'Volunteer'
          : `${team.team} ${workerType === 'agency' ? 'agency worker' : 'contractor'}`,
      lineManagerEmail: team.email,
      startDate: addDays(today, -random.int(20, 900)),
      personalDataAccess: random.chance(0.85),
    });
  };
  for (let i = 1; i <= AGENCY; i++) rows.push(worker(i % 4 === 0 ? 'contractor' : 'agency', i));
  for (let i = 1; i <= VOLUNTEERS; i++) rows.push(worker('volunteer', i));
  for (let i = 1; i <= COUNCILLORS; i++)
    rows.push(
      row({
        name: `Cllr ${person()}`,
        email: `cllr.${i}@${DEMO_EMAIL_DOMAIN}`,
        directorate: 'Members',
        team: 'Councillors',
        jobTitle: 'Councillor',
        workerType: 'councillor',
        startDate: addCalendarMonths(today, -12 * random.int(1, 12)),
      }),
    );
  const yearAgo = addCalendarMonths(today, -12);
  const earlier = rows.filter((r) => r.startDate <= yearAgo);
  await applyHrRows(tx, audit, {
    rows: earlier,
    fileName: 'hr-extract-last-year.csv',
    importedBy: null,
    now: new Date(`${yearAgo}T09:00:00Z`),
    today: yearAgo,
  });
  // Today's extract: a few people moved team, two agency workers left, the rest as before.
  const moved = rows.filter((r) => r.workerType === 'employee' && r.lineManagerEmail && random.chance(0.04));
  for (const r of moved) {
    const team = random.pick(teamList.filter((t) => t.directorate === r.directorate));
    r.team = team.team;
    r.lineManagerEmail = team.email === r.email ? r.lineManagerEmail : team.email;
  }
  for (const r of rows.filter((r) => r.workerType === 'agency').slice(0, 2)) {
    const leave = addDays(today, -random.int(1, 60));
    r.leaveDate = leave < r.startDate ? r.startDate : leave;
  }
  const outcome = await applyHrRows(tx, audit, {
    rows,
    fileName: 'hr-extract.csv',
    importedBy: null,
    now: new Date(`${today}T09:00:00Z`),
    today,
  });
  context.counts.staff = outcome.rows;
}
