import { can } from '../../platform/authz/policy.ts';
import type { Principal } from '../../platform/authz/roles.ts';
import { RECORDS } from './permissions.ts';

/** What a disposal list looks like to its policies: whose records it holds. */
export interface ListScope {
  directorateId: number | null;
}

/** Asset owners see and review the lists of their own directorate; records managers and the DPO every list. */
export const canViewList = (p: Principal | undefined, list: ListScope) =>
  can(p, RECORDS.view, { directorateId: list.directorateId });
export const canReviewList = (p: Principal | undefined, list: ListScope) =>
  can(p, RECORDS.review, { directorateId: list.directorateId });
export const canApproveList = (p: Principal | undefined, list: ListScope) =>
  can(p, RECORDS.approve, { directorateId: list.directorateId });
export const canStopList = (p: Principal | undefined, list: ListScope) =>
  can(p, RECORDS.stop, { directorateId: list.directorateId });
