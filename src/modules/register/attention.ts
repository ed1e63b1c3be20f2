import type { AttentionItem, Services } from '../../platform/modules.ts';
import type { Principal } from '../../platform/authz/roles.ts';
import { can } from '../../platform/authz/policy.ts';
import { londonToday } from '../../platform/clock.ts';
import { consultationReplyDue } from '../../domain/register/dpia.ts';
import { REGISTER } from './permissions.ts';

/**
 * What the home page asks about the register: assets past their yearly review (an asset owner's own; for the DPO
 * and IG officers, every one); impact assessments waiting for the DPO's advice, for sign-off, for the ICO's reply, or
 * past their review.
 */
export async function registerAttention(services: Services, principal: Principal): Promise<AttentionItem[]> {
  if (!can(principal, REGISTER.edit) && !can(principal, REGISTER.signOff)) return [];
  const everyone = can(principal, REGISTER.manage);
  const today = londonToday(services.clock);
  const dpias = await services.dpias.list();
  const mine = (d: { directorateId: number | null }) => can(principal, REGISTER.signOff, d);
  const items: AttentionItem[] = [
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
  if (can(principal, REGISTER.signOff))
    items.push({
      count: dpias.filter((d) => d.status === 'sign-off' && mine(d)).length,
      one: 'impact assessment is waiting for your sign-off',
      other: 'impact assessments are waiting for your sign-off',
      href: '/register/dpias?status=sign-off',
    });
  if (can(principal, REGISTER.advise))
    items.push({
      count: dpias.filter((d) => d.status === 'dpo-review').length,
      one: 'impact assessment is waiting for your advice',
      other: 'impact assessments are waiting for your advice',
      href: '/register/dpias?status=dpo-review',
    });
  if (everyone)
    items.push(
      {
        count: dpias.filter(
          (d) =>
            d.status === 'consultation' &&
            d.consultationSubmittedOn &&
            consultationReplyDue(d.consultationSubmittedOn, d.consultationExtended) < today,
        ).length,
        one: 'prior consultation is past the date the ICO’s reply was due',
        other: 'prior consultations are past the date the ICO’s reply was due',
        href: '/register/dpias?status=consultation',
      },
      {
        count: dpias.filter((d) => d.status === 'approved' && d.reviewOn && d.reviewOn <= today).length,
        one: 'signed-off impact assessment is due for review',
        other: 'signed-off impact assessments are due for review',
        href: '/register/dpias?status=approved',
      },
    );
  return items;
}
