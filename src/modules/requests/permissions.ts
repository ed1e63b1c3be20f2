import { permission } from '../../platform/authz/permissions.ts';

/** FOI, EIR and data-protection rights casework. Most are scoped to directorates by the grant that gives them. */
export const REQUESTS = {
  view: permission('requests.view', ['dpo', 'ig_officer', 'requests_officer', 'auditor']),
  manage: permission('requests.manage', ['dpo', 'ig_officer', 'requests_officer']),
  /** Approving FOI and EIR responses. */
  approve: permission('requests.approve', ['dpo', 'ig_officer']),
  /** Approving data-protection rights responses: the DPO alone. */
  approveRights: permission('requests.approve-rights', ['dpo']),
  reports: permission('requests.reports', ['dpo', 'ig_officer', 'requests_officer', 'auditor']),
  /** The SAR systems list and the directorates' targets. */
  configure: permission('requests.configure', ['dpo', 'ig_officer']),
};
