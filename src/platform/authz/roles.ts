export const ROLES = [
  'admin',
  'dpo',
  'ig_officer',
  'records_manager',
  'requests_officer',
  'asset_owner',
  'staff',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  admin: 'Administrator',
  dpo: 'Data protection officer',
  ig_officer: 'Information governance officer',
  records_manager: 'Records manager',
  requests_officer: 'Requests officer',
  asset_owner: 'Information asset owner',
  staff: 'Member of staff',
  auditor: 'Auditor',
};

/** Roles that act for the whole council; a directorate given with one of these is ignored. */
export const COUNCIL_WIDE_ROLES: ReadonlySet<Role> = new Set(['admin', 'dpo', 'auditor']);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** A role held council-wide (directorateId null) or within one directorate. */
export interface Grant {
  role: Role;
  directorateId: number | null;
}

/** Whoever is making a request: a signed-in member of staff or an API token. */
export interface Principal {
  kind: 'user' | 'api';
  id: number;
  label: string;
  grants: Grant[];
}
