import { can } from '../../platform/authz/policy.ts';
import type { Principal } from '../../platform/authz/roles.ts';
import { INCIDENTS } from './permissions.ts';

export interface CaseScope {
  directorateId: number | null;
  reportedBy: number | null;
}

/**
 * The case itself: the DPO, IG officers, auditors, and asset owners for their own directorate; a report not yet
 * placed in a directorate is seen by whoever handles cases.
 */
export const canSeeCase = (p: Principal | undefined, c: CaseScope) =>
  can(p, INCIDENTS.view, { directorateId: c.directorateId }) ||
  (c.directorateId === null && can(p, INCIDENTS.manage));

/** The report as sent and where it stands: whoever sent it, and everyone who may see the case. */
export const canSeeReport = (p: Principal | undefined, c: CaseScope) =>
  canSeeCase(p, c) || (p?.kind === 'user' && c.reportedBy === p.id);

/** Handling cases; an IG officer granted one directorate handles that directorate's cases (and unassigned ones). */
export const canManage = (p: Principal | undefined, c?: { directorateId: number | null }) =>
  can(p, INCIDENTS.manage, c && c.directorateId !== null ? { directorateId: c.directorateId } : undefined);

/** The DPO decides; an IG officer decides only while on the out-of-hours rota as the DPO's deputy. */
export const canDecide = (p: Principal | undefined, deputiesToday: readonly number[]) =>
  !!p &&
  (p.grants.some((g) => g.role === 'dpo') ||
    (p.kind === 'user' && can(p, INCIDENTS.decide) && deputiesToday.includes(p.id)));
