import { permission } from '../platform/authz/permissions.ts';
import { upcoming } from '../platform/modules.ts';

/**
 * The capabilities still to come, each a placeholder in the navigation and on the home page with a "not available
 * yet" page. A module that ships takes its placeholder's place in the list (and its permission's name).
 */
export const UPCOMING = [
  upcoming('compliance', {
    name: 'Compliance',
    href: '/compliance',
    permission: permission('compliance.view', ['dpo', 'ig_officer', 'asset_owner', 'auditor']),
    purpose: 'DSPT evidence and action plans',
  }),
];
