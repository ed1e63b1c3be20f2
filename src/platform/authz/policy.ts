import { ForbiddenError } from '../errors.ts';
import type { Permission } from './permissions.ts';
import { COUNCIL_WIDE_ROLES, type Grant, type Principal } from './roles.ts';

/** A resource that belongs to a directorate (null: council-wide). */
export interface Scoped {
  directorateId: number | null;
}

function grantsFor(principal: Principal, permission: Permission): Grant[] {
  // Every signed-in member of staff holds `staff`; an API token holds only its own role.
  const grants: Grant[] =
    principal.kind === 'user'
      ? [...principal.grants, { role: 'staff', directorateId: null }]
      : principal.grants;
  return grants.filter((g) => permission.roles.includes(g.role));
}

function coversAll(grant: Grant): boolean {
  return grant.directorateId === null || COUNCIL_WIDE_ROLES.has(grant.role);
}

/**
 * May the principal do this — at all (no resource), or to this resource? A directorate-scoped grant covers only
 * resources of that directorate; council-wide resources need a council-wide grant.
 */
export function can(principal: Principal | undefined, permission: Permission, resource?: Scoped): boolean {
  if (!principal) return false;
  const grants = grantsFor(principal, permission);
  if (!resource) return grants.length > 0;
  return grants.some((g) => coversAll(g) || g.directorateId === resource.directorateId);
}

/**
 * The same question for a command or a service: refuses with a ForbiddenError (403 on a page and in the API) when the
 * answer is no. For a rule of its own (only the DPO approves a rights response), pass the answer.
 */
export function authorize(
  principal: Principal | undefined,
  permission: Permission | boolean,
  resource?: Scoped,
  message?: string,
): void {
  const allowed = typeof permission === 'boolean' ? permission : can(principal, permission, resource);
  if (!allowed) throw new ForbiddenError(message);
}

/** The directorates whose resources the principal may reach with this permission: every one, or a list. */
export function scopeOf(principal: Principal | undefined, permission: Permission): 'all' | number[] {
  if (!principal) return [];
  const grants = grantsFor(principal, permission);
  if (grants.some(coversAll)) return 'all';
  return [...new Set(grants.map((g) => g.directorateId as number))];
}
