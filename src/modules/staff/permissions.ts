import { permission } from '../../platform/authz/permissions.ts';

/**
 * The council's people from HR. Administrators load HR's extract; the DPO, IG officers and auditors read who works
 * where (the training and policy figures are counted from it). Everyone sees their own record through training.
 */
export const STAFF = {
  view: permission('staff.view', ['admin', 'dpo', 'ig_officer', 'auditor']),
  import: permission('staff.import', ['admin']),
};
