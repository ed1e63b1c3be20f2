import type { AttentionItem, Services } from '../../platform/modules.ts';
import type { Principal } from '../../platform/authz/roles.ts';

/**
 * What the home page asks about policies: everyone, the policies waiting for their acknowledgement; owners, their
 * policies' reviews due and overdue; approvers, the versions waiting for their approval.
 */
export async function policiesAttention(services: Services, principal: Principal): Promise<AttentionItem[]> {
  const items: AttentionItem[] = [];
  const staffId = await services.policies.staffIdOf(principal.id);
  if (staffId)
    items.push({
      count: (await services.policies.applyingTo(staffId)).filter((p) => !p.upToDate).length,
      one: 'policy is waiting for you to read and acknowledge it',
      other: 'policies are waiting for you to read and acknowledge them',
      href: '/policies',
    });
  const owned = await services.policies.reviewsOwnedBy(principal.id);
  items.push(
    {
      count: owned.filter((s) => s.review.kind === 'overdue').length,
      one: 'of your policies is overdue for review',
      other: 'of your policies are overdue for review',
      href: '/policies',
    },
    {
      count: owned.filter((s) => s.review.kind === 'due').length,
      one: 'of your policies is due for review within 30 days',
      other: 'of your policies are due for review within 30 days',
      href: '/policies',
    },
    {
      count: await services.policies.awaitingApprovalBy(principal.id),
      one: 'policy version is waiting for your approval',
      other: 'policy versions are waiting for your approval',
      href: '/policies',
    },
  );
  return items;
}
