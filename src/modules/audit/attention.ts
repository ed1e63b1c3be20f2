import { can } from '../../platform/authz/policy.ts';
import type { Principal } from '../../platform/authz/roles.ts';
import type { AttentionItem, Services } from '../../platform/modules.ts';
import { AUDIT } from './permissions.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Refused sign-ins in the last day, for those who watch the trail. */
export async function auditAttention(services: Services, principal: Principal): Promise<AttentionItem[]> {
  if (!can(principal, AUDIT.view)) return [];
  const since = new Date(services.clock.now().getTime() - DAY_MS);
  return [
    {
      count: await services.audit.countSince(['sign-in.refused', 'user.locked'], since),
      one: 'refused sign-in in the last 24 hours',
      other: 'refused sign-ins in the last 24 hours',
      href: '/audit?action=sign-in.refused',
    },
  ];
}
