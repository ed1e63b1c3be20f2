import { permission } from '../../platform/authz/permissions.ts';

/** Reading and exporting the audit trail. */
export const AUDIT = {
  view: permission('audit.view', ['admin', 'dpo', 'auditor']),
};
