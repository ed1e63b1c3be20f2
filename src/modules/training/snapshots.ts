import type { Executor } from '../../platform/db/database.ts';
import * as repo from './repository.ts';
import type { CourseRow } from './repository.ts';

/** A day's figures for the trend: each course by directorate, and the councillors (directorate null) apart. */
export async function snapshotRows(db: Executor, courses: CourseRow[], on: string) {
  const rows: Parameters<typeof repo.insertSnapshots>[1] = [];
  for (const course of courses) {
    const byDirectorate = new Map<number | null, { inScope: number; completed: number }>();
    for (const f of await repo.figures(db, course, on)) {
      const key = f.councillor ? null : f.directorateId;
      const sum = byDirectorate.get(key) ?? { inScope: 0, completed: 0 };
      byDirectorate.set(key, { inScope: sum.inScope + f.inScope, completed: sum.completed + f.completed });
    }
    for (const [directorateId, c] of byDirectorate)
      rows.push({ on, courseId: course.id, directorateId, ...c });
  }
  return rows;
}
