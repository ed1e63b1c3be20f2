import type { DemoContext } from '../../platform/modules.ts';
import { SeededRandom } from '../../domain/shared/random.ts';
import { addCalendarMonths, addDays } from '../../domain/calendar/dates.ts';
import type { CompletionStatus } from '../../domain/training/compliance.ts';
import * as repo from './repository.ts';
import { snapshotRows } from './snapshots.ts';

const COURSES = [
  {
    code: 'DPA-IG',
    title: 'Data protection and information governance',
    description: 'UK GDPR and the DPA 2018 at work: requests, sharing, security, breaches and records.',
    mandatory: true,
    xapiActivityIds: ['https://learning.kingsmere.gov.example/courses/dpa-ig'],
  },
  {
    code: 'CYBER',
    title: 'Cyber security awareness',
    description: 'Phishing, passwords and multi-factor sign-in, devices and reporting.',
    mandatory: true,
    xapiActivityIds: ['https://learning.kingsmere.gov.example/courses/cyber'],
  },
  {
    code: 'RM',
    title: 'Records management',
    description: 'The retention schedule, naming and filing, disposal and the paper store.',
    mandatory: false,
    xapiActivityIds: [],
  },
  {
    code: 'FOI-SAR',
    title: 'Handling FOI, EIR and subject access requests',
    description: 'For officers who answer requests: the clocks, exemptions, redaction.',
    mandatory: false,
    xapiActivityIds: [],
  },
];

/** How likely someone in a directorate is up to date today; Place lags far behind (its depots have few desks). */
const UP_TO_DATE: Record<string, number> = { Place: 0.7, Members: 0.3 };
const USUAL = 0.97;

/**
 * Kingsmere's courses and two years of completions from its LMS, its learning record store and a few typed in by
 * hand: about nine in ten up to date with the mandatory courses, Place far below, councillors a third; a target of
 * 98 % for Children's Services; a snapshot at the end of each month of the past year for the trend.
 */
export async function seedDemoTraining(context: DemoContext): Promise<void> {
  const { tx, audit, today } = context;
  const random = new SeededRandom(context.seed + 95);
  const courses = [];
  for (const c of COURSES) {
    const course = await repo.insertCourse(tx, { ...c, refreshMonths: 12 });
    await audit({
      action: 'training-course.added',
      entityType: 'training-course',
      entityId: course.id,
      details: { code: c.code },
    });
    courses.push(course);
  }
  const lms = await repo.insertImport(tx, {
    source: 'csv',
    fileName: 'lms-export.csv',
    imported: 0,
    alreadyHeld: 0,
    skipped: 0,
    importedBy: null,
  });
  const lrs = await repo.insertImport(tx, {
    source: 'xapi',
    fileName: 'lrs-statements.json',
    imported: 0,
    alreadyHeld: 0,
    skipped: 0,
    importedBy: null,
  });
  const attempts: Parameters<typeof repo.insertCompletions>[1] = [];
  const people = await repo.establishment(tx);
  for (const person of people) {
    if (!person.personalDataAccess) continue;
    const chance = UP_TO_DATE[person.directorate] ?? USUAL;
    for (const course of courses) {
      if (!course.mandatory && !random.chance(0.2)) continue;
      const upToDate = random.chance(course.mandatory ? chance : 0.5);
      // The last completion: within the year for those up to date, 13 to 20 months ago for those lapsed; some never.
      const drawn = upToDate
        ? addDays(today, -random.int(1, 360))
        : random.chance(0.7)
          ? addDays(today, -random.int(400, 600))
          : null;
      // Someone who started since is up to date from their induction, or has never done it.
      const last =
        drawn && drawn < person.startDate
          ? upToDate
            ? addDays(person.startDate, random.int(1, 20))
            : null
          : drawn;
      if (!last || last > today) continue;
      const source = random.chance(0.8) ? 'csv' : random.chance(0.9) ? 'xapi' : 'manual';
      const attempt = (completedOn: string, status: CompletionStatus) => ({
        staffId: person.id,
        courseId: course.id,
        status,
        completedOn,
        score:
          status === 'completed'
            ? null
            : random.int(status === 'failed' ? 30 : 70, status === 'failed' ? 69 : 100),
        source: source as 'csv' | 'xapi' | 'manual',
        evidence: source === 'manual' ? 'Classroom session; signed register kept by HR' : '',
        importId: source === 'csv' ? lms.id : source === 'xapi' ? lrs.id : null,
      });
      if (random.chance(0.1)) attempts.push(attempt(addDays(last, -random.int(1, 10)), 'failed'));
      attempts.push(attempt(last, course.code === 'CYBER' ? 'completed' : 'passed'));
      const before = addCalendarMonths(last, -12);
      if (before >= person.startDate && random.chance(0.9))
        attempts.push(attempt(addDays(before, random.int(-5, 25)), 'passed'));
    }
  }
  const inserted = await repo.insertCompletions(tx, attempts);
  await repo.finishImport(tx, lms.id, attempts.filter((a) => a.source === 'csv').length, 0);
  await repo.finishImport(tx, lrs.id, attempts.filter((a) => a.source === 'xapi').length, 0);
  await audit({
    action: 'training.completions-imported',
    entityType: 'training-import',
    entityId: lms.id,
    details: { imported: inserted },
  });
  const children = context.directorates.get("Children's Services")!;
  await repo.setTarget(tx, children, 98, null);
  await audit({
    action: 'training.target-set',
    entityType: 'directorate',
    entityId: children,
    details: { percent: 98 },
  });
  // The last day of each of the past twelve months.
  const mandatory = courses.filter((c) => c.mandatory);
  for (let month = 11; month >= 0; month--) {
    const on = addDays(addCalendarMonths(`${today.slice(0, 7)}-01`, -month), -1);
    await repo.insertSnapshots(tx, await snapshotRows(tx, mandatory, on));
  }
  context.counts.trainingCompletions = inserted;
}
