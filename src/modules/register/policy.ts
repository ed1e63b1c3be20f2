import { can } from '../../platform/authz/policy.ts';
import type { Principal } from '../../platform/authz/roles.ts';
import { REGISTER } from './permissions.ts';

/** What an entry of the register looks like to its policies: the directorate it belongs to. */
export interface EntryScope {
  directorateId?: number | null;
}

/** Asset owners change the entries of their own directorate; the DPO and IG officers every entry. */
export const canEditEntry = (p: Principal | undefined, entry: EntryScope) =>
  can(p, REGISTER.edit, { directorateId: entry.directorateId ?? null });
