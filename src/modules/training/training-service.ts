import { londonToday } from '../../platform/clock.ts';
import type { Actor } from '../../platform/audit/service.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { runCommand } from '../../platform/commands.ts';
import { addCalendarMonths } from '../../domain/calendar/dates.ts';
import { groupBy } from '../../domain/shared/group-by.ts';
import {
  DSPT_TARGET_PERCENT,
  percentOf,
  ragOf,
  standingOn,
  type Rag,
} from '../../domain/training/compliance.ts';
import type { Figure, TrainingReport } from '../../domain/training/report.ts';
import type { CompletionInput, CourseInput, TargetInput } from './inputs.ts';
import type { TrainingDeps } from './commands/context.ts';
import { addCourse, changeCourse } from './commands/courses.ts';
import { importCompletions, recordCompletion } from './commands/completions.ts';
import { setTarget } from './commands/targets.ts';
import { sendReminders } from './commands/reminders.ts';
import * as repo from './repository.ts';
import { snapshotRows } from './snapshots.ts';
import type { CourseRow, FigureRow, NotCompliantRow } from './repository.ts';

export interface DirectorateFigure extends Figure {
  id: number;
  name: string;
  target: number;
  rag: Rag | null;
  teams: ({ id: number | null; name: string } & Figure)[];
}

const tally = (rows: FigureRow[]) =>
  rows.reduce((sum, r) => ({ inScope: sum.inScope + r.inScope, completed: sum.completed + r.completed }), {
    inScope: 0,
    completed: 0,
  });
const figure = (c: { inScope: number; completed: number }): Figure => ({
  ...c,
  percent: percentOf(c.completed, c.inScope),
});

/** Courses, completions, the figures against the 95 % target, reminders and each person's standing. */
export class TrainingService {
  constructor(private readonly deps: TrainingDeps) {}

  today() {
    return londonToday(this.deps.clock);
  }

  courses() {
    return repo.listCourses(this.deps.db.orm);
  }

  async course(code: string): Promise<CourseRow> {
    const course = await repo.findCourseByCode(this.deps.db.orm, code);
    if (!course) throw new NotFoundError(`No course has the code ${code}`);
    return course;
  }

  addCourse(actor: Actor, input: CourseInput) {
    return addCourse(this.deps, actor, input);
  }

  changeCourse(actor: Actor, code: string, version: number, input: Omit<CourseInput, 'code'>) {
    return changeCourse(this.deps, actor, code, version, input);
  }

  importCompletions(
    actor: Actor,
    file: { name: string; bytes: Buffer },
    options: { importTheRest: boolean },
  ) {
    return importCompletions(this.deps, actor, file, options);
  }

  recordCompletion(actor: Actor, input: CompletionInput) {
    return recordCompletion(this.deps, actor, input);
  }

  imports() {
    return repo.recentImports(this.deps.db.orm);
  }

  /** Directorates' own targets by directorate id; the DSPT's 95 % applies to the rest. */
  targets() {
    return repo.targets(this.deps.db.orm);
  }

  setTarget(actor: Actor, input: TargetInput) {
    return setTarget(this.deps, actor, input);
  }

  /** `custodian training report`'s figures: per directorate by name, the total, and councillors apart. */
  async report(code: string, on: string): Promise<TrainingReport> {
    const course = await this.course(code);
    const [rows, names] = await Promise.all([
      repo.figures(this.deps.db.orm, course, on),
      repo.directorateNames(this.deps.db.orm),
    ]);
    const staff = rows.filter((r) => !r.councillor);
    const directorates = [...groupSum(staff, (r) => r.directorateId)]
      .map(([id, c]) => ({ name: names.get(id) ?? String(id), ...figure(c) }))
      .sort((a, b) => a.name.localeCompare(b.name));
    return {
      course: course.code,
      on,
      directorates,
      total: figure(tally(staff)),
      councillors: figure(tally(rows.filter((r) => r.councillor))),
    };
  }

  /** A course's figures on a day for the pages: each directorate with its target, colour and teams. */
  async figures(course: CourseRow, on: string) {
    const db = this.deps.db.orm;
    const [rows, names, teamNames, targets] = await Promise.all([
      repo.figures(db, course, on),
      repo.directorateNames(db),
      repo.teamNames(db),
      repo.targets(db),
    ]);
    const staff = rows.filter((r) => !r.councillor);
    const directorates: DirectorateFigure[] = [...groupBy(staff, (r) => r.directorateId)]
      .map(([id, own]) => {
        const f = figure(tally(own));
        const target = targets.get(id) ?? DSPT_TARGET_PERCENT;
        return {
          id,
          name: names.get(id) ?? String(id),
          ...f,
          target,
          rag: ragOf(f.percent, target),
          teams: [...groupBy(own, (r) => r.teamId)]
            .map(([teamId, t]) => ({
              id: teamId,
              name: teamId === null ? 'No team' : (teamNames.get(teamId) ?? String(teamId)),
              ...figure(tally(t)),
            }))
            .sort((a, b) => a.name.localeCompare(b.name)),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
    const total = figure(tally(staff));
    return {
      directorates,
      total: { ...total, target: DSPT_TARGET_PERCENT, rag: ragOf(total.percent, DSPT_TARGET_PERCENT) },
      councillors: figure(tally(rows.filter((r) => r.councillor))),
    };
  }

  /**
   * For the home page: each mandatory course and how many directorates are below their target, from the latest
   * nightly snapshot in the past week, or counted now for a course that has none (a new course or installation).
   */
  async directoratesBelowTarget(on = this.today()) {
    const db = this.deps.db.orm;
    const courses = (await this.courses()).filter((c) => c.mandatory && c.active);
    const [snapshots, targets] = await Promise.all([
      repo.latestSnapshots(
        db,
        courses.map((c) => c.id),
        on,
      ),
      repo.targets(db),
    ]);
    const byCourse = groupBy(snapshots, (s) => s.courseId);
    const out = [];
    for (const course of courses) {
      const snapshot = byCourse.get(course.id);
      const below = snapshot
        ? snapshot.filter((d) => {
            const rag = ragOf(figure(d).percent, targets.get(d.directorateId) ?? DSPT_TARGET_PERCENT);
            return rag === 'red' || rag === 'amber';
          }).length
        : (await this.figures(course, on)).directorates.filter((d) => d.rag === 'red' || d.rag === 'amber')
            .length;
      out.push({ course, below });
    }
    return out;
  }

  /** Every mandatory course's council-wide figure today, for the overview page. */
  async overview(on = this.today()) {
    const courses = (await this.courses()).filter((c) => c.mandatory && c.active);
    const out = [];
    for (const course of courses) out.push({ course, ...(await this.figures(course, on)) });
    return out;
  }

  /** The people in scope of a course whom nothing covers today, within a directorate or a manager's team. */
  notCompliant(course: CourseRow, filter: { directorateId?: number; lineManagerId?: number } = {}) {
    return repo.notCompliant(this.deps.db.orm, course, this.today(), filter);
  }

  /** Reminds the people given (those not up to date whom the sender may name) and their line managers. */
  remind(actor: Actor, course: CourseRow, people: NotCompliantRow[]) {
    return sendReminders(this.deps, actor, course, people);
  }

  /** The council's figure at each month's last snapshot over the past year. */
  trend(course: CourseRow) {
    return repo.monthlyTrend(this.deps.db.orm, course.id, addCalendarMonths(this.today(), -12));
  }

  /** Today's figures kept for the trend: each mandatory course by directorate, councillors apart (once a day). */
  async snapshot(actor: Actor, on = this.today()): Promise<{ courses: number }> {
    const courses = (await this.courses()).filter((c) => c.mandatory && c.active);
    const rows = await snapshotRows(this.deps.db.orm, courses, on);
    return runCommand(this.deps, actor, async (tx, audit) => {
      await repo.insertSnapshots(tx, rows);
      await audit({
        action: 'training.snapshot-taken',
        entityType: 'training',
        details: { on, courses: courses.length },
      });
      return { courses: courses.length };
    });
  }

  /** A person's mandatory courses today (the home page, their line manager's list, an incident), and how many are overdue. */
  async mandatoryOf(person: Parameters<TrainingService['standingOf']>[0]) {
    const standings = (await this.standingOf(person)).standings.filter((s) => s.course.mandatory);
    return { standings, overdue: standings.filter((s) => s.standing.kind === 'overdue').length };
  }

  /** One person's standing with every active course today, and their attempts (their IG record's training part). */
  async standingOf(person: Parameters<typeof standingOn>[0] & { id: number; directorateId: number }) {
    const on = this.today();
    const [courses, attempts] = await Promise.all([
      this.courses(),
      repo.completionsOf(this.deps.db.orm, person.id),
    ]);
    const standings = courses
      .filter((c) => c.active)
      .map((course) => {
        const standing = standingOn(
          person,
          attempts.filter((a) => a.course.id === course.id).map((a) => a.completion),
          course.refreshMonths,
          on,
        );
        // Only a mandatory course for the person's directorate is ever due; an optional one is current or not asked.
        const asked =
          course.mandatory &&
          (!course.audienceDirectorateIds.length ||
            course.audienceDirectorateIds.includes(person.directorateId));
        return {
          course,
          standing: asked || standing.kind === 'current' ? standing : ({ kind: 'not-required' } as const),
        };
      });
    return { standings, attempts };
  }
}

function groupSum<K>(rows: FigureRow[], key: (r: FigureRow) => K) {
  return new Map([...groupBy(rows, key)].map(([k, own]) => [k, tally(own)]));
}
