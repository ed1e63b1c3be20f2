import { permission } from '../../platform/authz/permissions.ts';
import { ROLES } from '../../platform/authz/roles.ts';

/**
 * Training. Everyone sees their own record, and line managers their team's; the DPO, IG officers, asset owners (their
 * directorate's people) and auditors see the figures; the DPO and IG officers keep the courses, load completions, set
 * directorates' targets and send reminders.
 */
export const TRAINING = {
  own: permission('training.own', ROLES),
  view: permission('training.view', ['dpo', 'ig_officer', 'asset_owner', 'auditor']),
  manage: permission('training.manage', ['dpo', 'ig_officer']),
};
