import type { AttentionItem, Services } from '../../platform/modules.ts';
import type { Principal } from '../../platform/authz/roles.ts';
import { can } from '../../platform/authz/policy.ts';
import { REGISTER } from './permissions.ts';

/**
 * What the home page asks about the register: an asset owner's own assets past their yearly review; for the DPO and
 * IG officers, every asset past review.
 */
export async function registerAttention(services: Services, principal: Principal): Promise<AttentionItem[]> {
  if (!can(principal, REGISTER.edit)) return [];
  const everyone = can(principal, REGISTER.manage);
  return [
    {
      count: await services.register.overdueReviews(principal, !everyone),
      one: everyone
        ? 'information asset is past its yearly review'
        : 'of your information assets is past its yearly review',
      other: everyone
        ? 'information assets are past their yearly review'
        : 'of your information assets are past their yearly review',
      href: '/register/assets?review=due',
    },
  ];
}
