import type { Actor } from '../../../platform/audit/service.ts';
import { runCommand } from '../../../platform/commands.ts';
import { groupBy } from '../../../domain/shared/group-by.ts';
import { govukDate } from '../../../platform/web/format.ts';
import type { CourseRow, NotCompliantRow } from '../repository.ts';
import * as repo from '../repository.ts';
import type { TrainingDeps } from './context.ts';

/**
 * Reminds everyone in scope of a course whom no completion covers (those with an address), and sends each of their
 * line managers one list of their people who are not up to date: the ICO's "follow up non-completion", escalated as
 * councils do. Returns how many people and managers were written to, and how many could not be (no address).
 */
export async function sendReminders(
  deps: TrainingDeps,
  actor: Actor,
  course: CourseRow,
  people: NotCompliantRow[],
) {
  const managers = await repo.staffContacts(deps.db.orm, [
    ...new Set(people.map((p) => p.lineManagerId).filter((id): id is number => id !== null)),
  ]);
  return runCommand(deps, actor, async (tx, audit) => {
    let reminded = 0;
    for (const person of people) {
      if (!person.email) continue;
      await deps.mail.queue(tx, {
        to: person.email,
        subject: `Reminder: complete ${course.title}`,
        body: [
          `${course.title} is mandatory for everyone with access to personal data${person.lastCompletedOn ? `; your last completion, on ${govukDate(person.lastCompletedOn)}, has lapsed` : ''}.`,
          'Please complete it now. Your record is in Custodian under Training.',
        ].join('\n\n'),
        entityType: 'training-course',
        entityId: course.id,
      });
      reminded++;
    }
    let managersTold = 0;
    for (const [managerId, theirs] of groupBy(people, (p) => p.lineManagerId)) {
      const manager = managerId === null ? undefined : managers.get(managerId);
      if (!manager?.email) continue;
      await deps.mail.queue(tx, {
        to: manager.email,
        subject: `${theirs.length === 1 ? '1 of your team has' : `${theirs.length} of your team have`} not completed ${course.title}`,
        body: [
          `These people you manage are not up to date with ${course.title}:`,
          theirs.map((p) => `- ${p.name}`).join('\n'),
          'Please make time for them to complete it. Your team’s training is in Custodian under Training, “Your team”.',
        ].join('\n\n'),
        entityType: 'training-course',
        entityId: course.id,
      });
      managersTold++;
    }
    await audit({
      action: 'training.reminders-sent',
      entityType: 'training-course',
      entityId: course.id,
      details: { people: reminded, managers: managersTold, withoutAddress: people.length - reminded },
    });
    return { reminded, managersTold, withoutAddress: people.length - reminded };
  });
}
