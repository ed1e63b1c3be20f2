import { permission } from '../../platform/authz/permissions.ts';
import { ROLES } from '../../platform/authz/roles.ts';

/** Everyone signed in looks after their own account: their two-step sign-in and recovery codes. */
export const ACCOUNT = {
  own: permission('account.own', ROLES),
};
