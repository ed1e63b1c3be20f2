import { can } from '../../platform/policies/policy.ts';
import type { Principal } from '../../platform/policies/roles.ts';
import { RIGHTS_TYPES, type CaseType } from '../../domain/request-workflow.ts';

/** What a case looks like to its policies: where it belongs and what kind it is. */
export interface CaseScope {
  directorateId: number | null;
  type: string;
}

/** Officers see cases in their directorates; unallocated cases only council-wide officers (the central team triages). */
export const canViewCase = (p: Principal | undefined, c: CaseScope) =>
  can(p, 'requests.view', { directorateId: c.directorateId });
export const canManageCase = (p: Principal | undefined, c: CaseScope) =>
  can(p, 'requests.manage', { directorateId: c.directorateId });

/** Approval: an IG officer or the DPO; data-protection rights requests need the DPO. */
export function canApproveCase(p: Principal | undefined, c: CaseScope): boolean {
  const permission = RIGHTS_TYPES.has(c.type as CaseType) ? 'requests.approve-rights' : 'requests.approve';
  return can(p, permission, { directorateId: c.directorateId });
}
