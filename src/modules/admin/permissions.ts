import { permission } from '../../platform/authz/permissions.ts';

/** Administration: staff accounts and their roles, the organisation's structure, API tokens. */
export const ADMIN = {
  users: permission('users.manage', ['admin']),
  organisation: permission('organisation.manage', ['admin']),
  apiTokens: permission('api-tokens.manage', ['admin']),
};
