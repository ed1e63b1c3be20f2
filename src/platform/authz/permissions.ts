import { ROLES, type Role } from './roles.ts';

/**
 * Which roles hold each permission. Every route names one of these (or `public`), and the permission matrix test
 * checks each route against this table for every role. Every signed-in user also holds `staff`.
 */
export const PERMISSIONS = {
  'home.view': ROLES,
  'users.manage': ['admin'],
  'organisation.manage': ['admin'],
  'api-tokens.manage': ['admin'],
  'audit.view': ['admin', 'dpo', 'auditor'],
  'requests.view': ['dpo', 'ig_officer', 'requests_officer', 'auditor'],
  'requests.manage': ['dpo', 'ig_officer', 'requests_officer'],
  'requests.approve': ['dpo', 'ig_officer'],
  'requests.approve-rights': ['dpo'],
  'requests.reports': ['dpo', 'ig_officer', 'requests_officer', 'auditor'],
  'requests.configure': ['dpo', 'ig_officer'],
  'publication.manage': ['dpo', 'ig_officer', 'requests_officer'],
  'records.view': ['dpo', 'ig_officer', 'records_manager', 'auditor'],
  'assets.view': ['dpo', 'ig_officer', 'asset_owner', 'auditor'],
  'incidents.report': ROLES,
  'compliance.view': ['dpo', 'ig_officer', 'asset_owner', 'auditor'],
  'discovery.view': ['dpo', 'ig_officer', 'records_manager'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}
