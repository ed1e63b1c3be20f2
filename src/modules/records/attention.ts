import type { AttentionItem, Services } from '../../platform/modules.ts';
import type { Principal } from '../../platform/authz/roles.ts';
import { can } from '../../platform/authz/policy.ts';
import { londonToday } from '../../platform/clock.ts';
import { RECORDS } from './permissions.ts';
import { canApproveList, canReviewList, canStopList } from './policy.ts';

/** What the home page asks of each person about records: their lists to review or approve, holds to review. */
export async function recordsAttention(services: Services, principal: Principal): Promise<AttentionItem[]> {
  if (!can(principal, RECORDS.view)) return [];
  const lists = await services.disposal.lists(principal, ['review', 'approval', 'cooling-off']);
  const counted = (status: string, allowed: (p: Principal, l: { directorateId: number | null }) => boolean) =>
    lists.filter((l) => l.list.status === status && allowed(principal, l.list)).length;
  const items: AttentionItem[] = [
    {
      count: counted('review', canReviewList),
      one: 'disposal list is waiting for your review',
      other: 'disposal lists are waiting for your review',
      href: '/records/disposal?status=review',
    },
    {
      count: counted('approval', canApproveList),
      one: 'disposal list is waiting for approval',
      other: 'disposal lists are waiting for approval',
      href: '/records/disposal?status=approval',
    },
    {
      count: counted('cooling-off', canStopList),
      one: 'approved disposal list can still be stopped',
      other: 'approved disposal lists can still be stopped',
      href: '/records/disposal?status=cooling-off',
    },
  ];
  if (can(principal, RECORDS.hold))
    items.push({
      count: (await services.legalHolds.dueForReview(londonToday(services.clock))).length,
      one: 'legal hold is due for review',
      other: 'legal holds are due for review',
      href: '/records/holds',
    });
  return items;
}
