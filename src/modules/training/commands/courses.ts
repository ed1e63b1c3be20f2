import type { Actor } from '../../../platform/audit/service.ts';
import { ConflictError, NotFoundError, runCommand } from '../../../platform/commands.ts';
import { fieldError } from '../../../platform/validation.ts';
import { listDirectorates } from '../../../platform/identity/repository.ts';
import type { Tx } from '../../../platform/db/database.ts';
import type { CourseInput } from '../inputs.ts';
import * as repo from '../repository.ts';
import type { TrainingDeps } from './context.ts';

/** A new course; its code is unique whatever its case, as imports name it. */
export async function addCourse(deps: TrainingDeps, actor: Actor, input: CourseInput) {
  return runCommand(deps, actor, async (tx, audit) => {
    if (await repo.findCourseByCode(tx, input.code))
      throw fieldError('code', `There is already a course with the code ${input.code}`);
    await checkAudience(tx, input.audienceDirectorateIds);
    const course = await repo.insertCourse(tx, { ...input, description: input.description ?? '' });
    await audit({
      action: 'training-course.added',
      entityType: 'training-course',
      entityId: course.id,
      details: { code: course.code, mandatory: course.mandatory, refreshMonths: course.refreshMonths },
    });
    return course;
  });
}

/** A course changed, refused if someone else saved it since the form was opened. */
export async function changeCourse(
  deps: TrainingDeps,
  actor: Actor,
  code: string,
  version: number,
  input: Omit<CourseInput, 'code'>,
) {
  return runCommand(deps, actor, async (tx, audit) => {
    const course = await repo.findCourseByCode(tx, code);
    if (!course) throw new NotFoundError('No such course');
    await checkAudience(tx, input.audienceDirectorateIds);
    const saved = await repo.updateCourse(tx, course.id, version, {
      ...input,
      description: input.description ?? '',
    });
    if (!saved)
      throw new ConflictError(
        'Someone else changed this course while you were editing it. Check it and try again.',
      );
    await audit({
      action: 'training-course.changed',
      entityType: 'training-course',
      entityId: course.id,
      details: { mandatory: saved.mandatory, refreshMonths: saved.refreshMonths },
    });
    return saved;
  });
}

async function checkAudience(tx: Tx, ids: number[]) {
  const known = new Set((await listDirectorates(tx)).map((d) => d.id));
  if (ids.some((id) => !known.has(id)))
    throw fieldError('audienceDirectorateIds', 'Select directorates from the list');
}
