import { can } from '../../platform/authz/policy.ts';
import type { Principal } from '../../platform/authz/roles.ts';
import type { AttentionItem, Services } from '../../platform/modules.ts';
import { ADMIN } from './permissions.ts';

/** Accounts that need an administrator: locked after failed sign-ins, or active with no role. */
export async function adminAttention(services: Services, principal: Principal): Promise<AttentionItem[]> {
  if (!can(principal, ADMIN.users)) return [];
  const { locked, withoutRole } = await services.users.needingAttention();
  return [
    {
      count: locked,
      one: 'account locked after failed sign-ins',
      other: 'accounts locked after failed sign-ins',
      href: '/admin/users?status=active',
    },
    {
      count: withoutRole,
      one: 'active user with no role beyond member of staff',
      other: 'active users with no role beyond member of staff',
      href: '/admin/users?role=none',
    },
  ];
}
