import { permission } from '../../platform/authz/permissions.ts';
import { ROLES } from '../../platform/authz/roles.ts';

/**
 * Incidents and breaches. Everyone reports, and sees their own reports; the DPO and IG officers handle every case;
 * asset owners (the directors and heads of service who own their directorate's information) read their directorate's
 * cases; auditors read everything.
 */
export const INCIDENTS = {
  report: permission('incidents.report', ROLES),
  view: permission('incidents.view', ['dpo', 'ig_officer', 'asset_owner', 'auditor']),
  /** Triage, the assessment, other bodies told, actions, the lessons review and closing. */
  manage: permission('incidents.manage', ['dpo', 'ig_officer']),
  /**
   * The decisions to tell the ICO and the people affected: the DPO's, or the deputy's on the out-of-hours rota (an IG
   * officer off the rota is refused the case with a 403).
   */
  decide: permission('incidents.decide', ['dpo', 'ig_officer']),
  /** The out-of-hours rota of deputies. */
  rota: permission('incidents.rota', ['dpo']),
};
