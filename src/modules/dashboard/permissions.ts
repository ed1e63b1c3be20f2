import { permission } from '../../platform/authz/permissions.ts';
import { ROLES } from '../../platform/authz/roles.ts';

/** The home page: every member of staff, and any API token (for the directory of directorates). */
export const HOME = {
  view: permission('home.view', ROLES),
};
