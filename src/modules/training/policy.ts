import { can } from '../../platform/authz/policy.ts';
import type { Principal } from '../../platform/authz/roles.ts';
import { TRAINING } from './permissions.ts';

export interface PersonScope {
  /** The person's account, if they have one. */
  userId: number | null;
  directorateId: number;
  /** Whether the one asking is the person's line manager. */
  managedByAsker: boolean;
}

/** A person's training record: themselves, their line manager, and those who see the figures for their directorate. */
export const canSeeRecord = (p: Principal | undefined, person: PersonScope) =>
  (p?.kind === 'user' && person.userId === p.id) ||
  person.managedByAsker ||
  can(p, TRAINING.view, { directorateId: person.directorateId });

/** The names of those not up to date in a directorate: whoever sees that directorate's figures. */
export const canSeeNames = (p: Principal | undefined, directorateId: number) =>
  can(p, TRAINING.view, { directorateId });
