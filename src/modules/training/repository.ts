import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../platform/db/database.ts';
import { selectRows } from '../../platform/db/queries.ts';
import { directorates, teams, users } from '../../platform/identity/schema.ts';
import {
  trainingCompletions,
  trainingCourses,
  trainingImports,
  trainingSnapshots,
  trainingTargets,
} from './schema.ts';

export type CourseRow = typeof trainingCourses.$inferSelect;

const BATCH = 1000;

export async function listCourses(db: Executor) {
  return db
    .select()
    .from(trainingCourses)
    .orderBy(desc(trainingCourses.mandatory), asc(trainingCourses.title));
}

export async function findCourseByCode(db: Executor, code: string) {
  const [row] = await db
    .select()
    .from(trainingCourses)
    .where(sql`lower(${trainingCourses.code}) = ${code.trim().toLowerCase()}`);
  return row;
}

export async function insertCourse(tx: Tx, values: typeof trainingCourses.$inferInsert) {
  const [row] = await tx.insert(trainingCourses).values(values).returning();
  return row!;
}

export async function updateCourse(
  tx: Tx,
  id: number,
  version: number,
  values: Partial<typeof trainingCourses.$inferInsert>,
) {
  const rows = await tx
    .update(trainingCourses)
    .set({ ...values, version: sql`${trainingCourses.version} + 1` })
    .where(and(eq(trainingCourses.id, id), eq(trainingCourses.version, version)))
    .returning();
  return rows[0];
}

/** Every person HR knows, by lower-cased employee id and by e-mail address, for matching a completions file. */
export async function peopleIndex(db: Executor) {
  const rows = await selectRows<{ id: number; employee_id: string; email: string | null }>(
    db,
    sql`select id, employee_id, email from staff_members`,
  );
  const byEmployeeId = new Map<string, number>();
  const byEmail = new Map<string, number>();
  for (const r of rows) {
    byEmployeeId.set(r.employee_id.toLowerCase(), Number(r.id));
    if (r.email) byEmail.set(r.email, Number(r.id));
  }
  return { byEmployeeId, byEmail };
}

export async function insertImport(tx: Tx, values: typeof trainingImports.$inferInsert) {
  const [row] = await tx.insert(trainingImports).values(values).returning();
  return row!;
}

/** Attempts recorded once each: one already held (the same person, course, day and status) is left as it is. */
export async function insertCompletions(
  tx: Tx,
  values: (typeof trainingCompletions.$inferInsert)[],
): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < values.length; i += BATCH) {
    const rows = await tx
      .insert(trainingCompletions)
      .values(values.slice(i, i + BATCH))
      .onConflictDoNothing()
      .returning({ id: trainingCompletions.id });
    inserted += rows.length;
  }
  return inserted;
}

export async function recentImports(db: Executor, limit = 10) {
  return db
    .select({ row: trainingImports, by: users.displayName })
    .from(trainingImports)
    .leftJoin(users, eq(users.id, trainingImports.importedBy))
    .orderBy(desc(trainingImports.id))
    .limit(limit);
}

/**
 * The people in scope of a course on a day, each with the directorate and team of their post that day and whether a
 * completed or passed attempt covers the day: the rules of domain/training/compliance.ts in SQL. PostgreSQL's
 * `date + interval 'n months'` clamps the day to the month's end as addCalendarMonths does (tested against it).
 */
function inScopeSql(course: CourseRow, on: string) {
  const audience = course.audienceDirectorateIds.length
    ? sql`and p.directorate_id in ${course.audienceDirectorateIds}`
    : sql``;
  return sql`
    with posting as (
      select distinct on (sp.staff_id) sp.staff_id, sp.directorate_id, sp.team_id
      from staff_postings sp
      where sp.from_date <= ${on}::date
      order by sp.staff_id, sp.from_date desc, sp.id desc
    ),
    p as (
      select s.id, s.name, s.email, s.line_manager_id, s.worker_type, s.start_date,
             coalesce(posting.directorate_id, s.directorate_id) as directorate_id,
             case when posting.staff_id is null then s.team_id else posting.team_id end as team_id
      from staff_members s left join posting on posting.staff_id = s.id
      where s.personal_data_access
        and s.start_date <= ${on}::date
        and (s.leave_date is null or s.leave_date >= ${on}::date)
        and (s.start_date + interval '1 month')::date <= ${on}::date
        and s.worker_type in ('employee', 'agency', 'contractor', 'volunteer', 'councillor')
    ),
    trained as (
      select staff_id, max(completed_on) as completed_on
      from training_completions
      where course_id = ${course.id} and status in ('completed', 'passed')
        and completed_on <= ${on}::date
        and (completed_on + make_interval(months => ${course.refreshMonths}))::date > ${on}::date
      group by staff_id
    ),
    scoped as (
      select p.*, trained.completed_on as covered_by
      from p left join trained on trained.staff_id = p.id
      where true ${audience}
    )`;
}

export interface FigureRow {
  directorateId: number;
  teamId: number | null;
  councillor: boolean;
  inScope: number;
  completed: number;
}

/** The counts for a course on a day, by directorate and team (councillors apart): one aggregate. */
export async function figures(db: Executor, course: CourseRow, on: string): Promise<FigureRow[]> {
  const result = await selectRows<{
    directorate_id: number;
    team_id: number | null;
    councillor: boolean;
    in_scope: number;
    completed: number;
  }>(
    db,
    sql`${inScopeSql(course, on)}
    select directorate_id, team_id, worker_type = 'councillor' as councillor,
           count(*)::int as in_scope, count(covered_by)::int as completed
    from scoped group by 1, 2, 3`,
  );
  return result.map((r) => ({
    directorateId: Number(r.directorate_id),
    teamId: r.team_id === null ? null : Number(r.team_id),
    councillor: r.councillor,
    inScope: Number(r.in_scope),
    completed: Number(r.completed),
  }));
}

export interface NotCompliantRow {
  id: number;
  name: string;
  email: string | null;
  directorateId: number;
  teamId: number | null;
  lineManagerId: number | null;
  lineManagerName: string | null;
  /** Their last completion of the course, if any (it has lapsed). */
  lastCompletedOn: string | null;
}

/** The people in scope whom no completion covers on the day, optionally only one directorate's or one manager's. */
export async function notCompliant(
  db: Executor,
  course: CourseRow,
  on: string,
  filter: { directorateId?: number; lineManagerId?: number } = {},
): Promise<NotCompliantRow[]> {
  const result = await selectRows<{
    id: number;
    name: string;
    email: string | null;
    directorate_id: number;
    team_id: number | null;
    line_manager_id: number | null;
    line_manager_name: string | null;
    last_completed_on: string | null;
  }>(
    db,
    sql`${inScopeSql(course, on)}
    select scoped.id, scoped.name, scoped.email, scoped.directorate_id, scoped.team_id, scoped.line_manager_id,
           (select m.name from staff_members m where m.id = scoped.line_manager_id) as line_manager_name,
           (select max(completed_on)::text from training_completions c
             where c.staff_id = scoped.id and c.course_id = ${course.id} and c.status in ('completed', 'passed')
               and c.completed_on <= ${on}::date) as last_completed_on
    from scoped
    where covered_by is null and worker_type <> 'councillor'
      ${filter.directorateId ? sql`and directorate_id = ${filter.directorateId}` : sql``}
      ${filter.lineManagerId ? sql`and line_manager_id = ${filter.lineManagerId}` : sql``}
    order by scoped.name, scoped.id`,
  );
  return result.map((r) => ({
    id: Number(r.id),
    name: r.name,
    email: r.email,
    directorateId: Number(r.directorate_id),
    teamId: r.team_id === null ? null : Number(r.team_id),
    lineManagerId: r.line_manager_id === null ? null : Number(r.line_manager_id),
    lineManagerName: r.line_manager_name,
    lastCompletedOn: r.last_completed_on,
  }));
}

export async function directorateNames(db: Executor) {
  return new Map((await db.select().from(directorates)).map((d) => [d.id, d.name]));
}

export async function teamNames(db: Executor) {
  return new Map((await db.select().from(teams)).map((t) => [t.id, t.name]));
}

export async function targets(db: Executor) {
  return new Map((await db.select().from(trainingTargets)).map((t) => [t.directorateId, Number(t.percent)]));
}

export async function setTarget(tx: Tx, directorateId: number, percent: number | null, setBy: number | null) {
  if (percent === null) {
    await tx.delete(trainingTargets).where(eq(trainingTargets.directorateId, directorateId));
    return;
  }
  await tx
    .insert(trainingTargets)
    .values({ directorateId, percent, setBy })
    .onConflictDoUpdate({
      target: trainingTargets.directorateId,
      set: { percent, setBy, setAt: sql`now()` },
    });
}

export async function insertSnapshots(tx: Tx, values: (typeof trainingSnapshots.$inferInsert)[]) {
  if (!values.length) return;
  await tx.insert(trainingSnapshots).values(values).onConflictDoNothing();
}

/** The council's figure for a course on the last snapshot of each month since a day. */
export async function monthlyTrend(db: Executor, courseId: number, since: string) {
  const result = await selectRows<{ month: string; in_scope: number; completed: number }>(
    db,
    sql`
    with last_day as (
      select to_char(on_day, 'YYYY-MM') as month, max(on_day) as on_day
      from (select distinct "on" as on_day from training_snapshots where course_id = ${courseId} and "on" >= ${since}::date) d
      group by 1
    )
    select last_day.month, sum(s.in_scope)::int as in_scope, sum(s.completed)::int as completed
    from last_day join training_snapshots s on s."on" = last_day.on_day and s.course_id = ${courseId}
    where s.directorate_id is not null
    group by 1 order by 1`,
  );
  return result.map((r) => ({
    month: r.month,
    inScope: Number(r.in_scope),
    completed: Number(r.completed),
  }));
}

/**
 * Each course's figures by directorate from its latest snapshot in the week to a day (councillors left out): what
 * the nightly job counted, so a page that only wants the headline need not count 50,000 people again.
 */
export async function latestSnapshots(db: Executor, courseIds: number[], on: string) {
  if (!courseIds.length) return [];
  const rows = await selectRows<{
    course_id: number;
    directorate_id: number;
    in_scope: number;
    completed: number;
  }>(
    db,
    sql`
    select s.course_id, s.directorate_id, s.in_scope, s.completed
    from training_snapshots s
    where s.course_id in ${courseIds} and s.directorate_id is not null
      and s."on" = (select max(l."on") from training_snapshots l
                    where l.course_id = s.course_id and l."on" <= ${on}::date and l."on" > ${on}::date - 7)`,
  );
  return rows.map((r) => ({
    courseId: Number(r.course_id),
    directorateId: Number(r.directorate_id),
    inScope: Number(r.in_scope),
    completed: Number(r.completed),
  }));
}

/** A person's attempts at every course, newest first. */
export async function completionsOf(db: Executor, staffId: number) {
  return db
    .select({ completion: trainingCompletions, course: trainingCourses })
    .from(trainingCompletions)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingCompletions.courseId))
    .where(eq(trainingCompletions.staffId, staffId))
    .orderBy(desc(trainingCompletions.completedOn), desc(trainingCompletions.id));
}

export async function findCourse(db: Executor, id: number) {
  const [row] = await db.select().from(trainingCourses).where(eq(trainingCourses.id, id));
  return row;
}

export async function finishImport(tx: Tx, id: number, imported: number, alreadyHeld: number) {
  await tx.update(trainingImports).set({ imported, alreadyHeld }).where(eq(trainingImports.id, id));
}

/** The addresses of staff by row id (line managers, for their summaries). */
export async function staffContacts(db: Executor, ids: number[]) {
  if (!ids.length) return new Map<number, { name: string; email: string | null }>();
  const rows = await selectRows<{ id: number; name: string; email: string | null }>(
    db,
    sql`select id, name, email from staff_members where id in ${ids}`,
  );
  return new Map(rows.map((r) => [Number(r.id), { name: r.name, email: r.email }]));
}

/** Everyone HR knows, with what the rules need (the demo council's completions are made from it). */
export async function establishment(db: Executor) {
  const rows = await selectRows<{
    id: number;
    start_date: string;
    leave_date: string | null;
    worker_type: string;
    personal_data_access: boolean;
    directorate: string;
  }>(
    db,
    sql`select s.id, s.start_date::text, s.leave_date::text, s.worker_type, s.personal_data_access, d.name as directorate
        from staff_members s join directorates d on d.id = s.directorate_id order by s.id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    startDate: r.start_date,
    leaveDate: r.leave_date,
    workerType: r.worker_type,
    personalDataAccess: r.personal_data_access,
    directorate: r.directorate,
  }));
}
