import type { AttentionItem, Services } from '../../platform/modules.ts';
import type { Principal } from '../../platform/authz/roles.ts';
import { can } from '../../platform/authz/policy.ts';
import { INCIDENTS } from './permissions.ts';

/**
 * What the home page asks about incidents: for the DPO and IG officers, each open breach with its ICO clock (the
 * soonest first) and the reports waiting for triage; for everyone, their own overdue actions.
 */
export async function incidentsAttention(services: Services, principal: Principal): Promise<AttentionItem[]> {
  const items: AttentionItem[] = [];
  if (can(principal, INCIDENTS.manage)) {
    for (const { incident, clock } of await services.incidents.runningClocks(principal))
      items.push({
        count: 1,
        one: `open breach, ${incident.reference}: ${clock.words} on the ICO clock`,
        other: '',
        href: `/incidents/${incident.id}`,
      });
    items.push({
      count: await services.incidents.untriagedCount(),
      one: 'incident report is waiting for triage',
      other: 'incident reports are waiting for triage',
      href: '/incidents?status=reported',
    });
  }
  items.push({
    count: await services.incidents.overdueActionsOf(principal.id),
    one: 'of your incident actions is due or overdue',
    other: 'of your incident actions are due or overdue',
    href: '/incidents',
  });
  return items;
}
