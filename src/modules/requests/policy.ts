import { can } from '../../platform/authz/policy.ts';
import type { Principal } from '../../platform/authz/roles.ts';
import { RIGHTS_TYPES, type CaseAction, type CaseType } from '../../domain/requests/workflow.ts';
import type { Permission } from '../../platform/authz/permissions.ts';
import { REQUESTS } from './permissions.ts';

/** What a case looks like to its policies: where it belongs and what kind it is. */
export interface CaseScope {
  directorateId: number | null;
  type: string;
}

/** Officers see cases in their directorates; unallocated cases only council-wide officers (the central team triages). */
export const canViewCase = (p: Principal | undefined, c: CaseScope) =>
  can(p, REQUESTS.view, { directorateId: c.directorateId });
export const canManageCase = (p: Principal | undefined, c: CaseScope) =>
  can(p, REQUESTS.manage, { directorateId: c.directorateId });

/** Approval: an IG officer or the DPO; data-protection rights requests need the DPO. */
export function canApproveCase(p: Principal | undefined, c: CaseScope): boolean {
  const permission = RIGHTS_TYPES.has(c.type as CaseType) ? REQUESTS.approveRights : REQUESTS.approve;
  return can(p, permission, { directorateId: c.directorateId });
}

/** Approval actions belong to approvers; every other change to a case to those who manage cases. */
const APPROVAL_ACTIONS: ReadonlySet<CaseAction> = new Set(['approve', 'return-for-redraft']);

/** The permission the route for each case action declares: what its handler really needs. */
export function permissionFor(action: CaseAction): Permission {
  return APPROVAL_ACTIONS.has(action) ? REQUESTS.approve : REQUESTS.manage;
}

/** May this principal take this action on this case (its directorate and, for approval, its type)? */
export function canTakeAction(p: Principal | undefined, c: CaseScope, action: CaseAction): boolean {
  return APPROVAL_ACTIONS.has(action) ? canApproveCase(p, c) : canManageCase(p, c);
}
