import { can } from '../../platform/authz/policy.ts';
import type { Principal } from '../../platform/authz/roles.ts';
import { POLICIES } from './permissions.ts';

interface Owned {
  ownerId: number;
  approverId: number;
}

/** Changing a policy, writing its versions, publishing them and recording reviews: its owner and the IG team. */
export const canEdit = (p: Principal | undefined, policy: Owned) =>
  (p?.kind === 'user' && p.id === policy.ownerId) || can(p, POLICIES.manage);

/** Approving a version: the policy's approver alone (the senior sign-off the ICO expects). */
export const canApprove = (p: Principal | undefined, policy: Owned) =>
  p?.kind === 'user' && p.id === policy.approverId;

/** The library, coverage and drafts: those who see the library, the owner and the approver. */
export const canSeeAll = (p: Principal | undefined, policy: Owned) =>
  can(p, POLICIES.view) || canEdit(p, policy) || canApprove(p, policy);
