import type { AttentionItem, Services } from '../../platform/modules.ts';
import type { Principal } from '../../platform/authz/roles.ts';
import { can } from '../../platform/authz/policy.ts';
import { TRAINING } from './permissions.ts';

/**
 * What the home page asks about training: everyone, their own mandatory courses that are overdue; line managers, the
 * people they manage who are; the DPO and IG officers, the directorates below their target.
 */
export async function trainingAttention(services: Services, principal: Principal): Promise<AttentionItem[]> {
  const items: AttentionItem[] = [];
  const me = await services.staff.byUser(principal.id);
  if (me) {
    items.push({
      count: (await services.training.mandatoryOf(me)).overdue,
      one: 'of your mandatory training courses is overdue',
      other: 'of your mandatory training courses are overdue',
      href: '/training/me',
    });
    let overdue = 0;
    for (const person of (await services.staff.person(me.id)).reports) {
      if ((await services.training.mandatoryOf(person)).overdue) overdue++;
    }
    items.push({
      count: overdue,
      one: 'person you manage is overdue with mandatory training',
      other: 'people you manage are overdue with mandatory training',
      href: '/training/team',
    });
  }
  if (can(principal, TRAINING.manage)) {
    for (const { course, below } of await services.training.directoratesBelowTarget()) {
      items.push({
        count: below,
        one: `directorate is below its target for ${course.title}`,
        other: `directorates are below their target for ${course.title}`,
        href: `/training/courses/${encodeURIComponent(course.code)}`,
      });
    }
  }
  return items;
}
