import { ROLES, type Grant } from '../../platform/authz/roles.ts';
import { asArray, asOptionalInt, asString } from '../../platform/web/forms.ts';
import { parseId } from '../../platform/validation.ts';

/** The user form: roles as checkboxes, each with a directorate (or all) beside it; teams as checkboxes. */
export function userFormInput(body: Record<string, unknown>) {
  const roles = asArray(body.roles).filter((r): r is Grant['role'] =>
    (ROLES as readonly string[]).includes(r),
  );
  const grants = roles.map((role) => ({ role, directorateId: asOptionalInt(body[`scope-${role}`]) }));
  return {
    email: asString(body.email),
    displayName: asString(body.displayName),
    jobTitle: asString(body.jobTitle),
    password: asString(body.password),
    grants,
    teamIds: asArray(body.teamIds)
      .map(parseId)
      .filter((id): id is number => id !== undefined),
    version: parseId(body.version) ?? 0,
  };
}

export type UserFormValues = ReturnType<typeof userFormInput>;

/** Form values from a saved user, to fill the edit form. */
export function userFormValues(user: {
  email: string;
  displayName: string;
  jobTitle: string | null;
  version: number;
  grants: Grant[];
  teams: { id: number }[];
}): UserFormValues {
  return {
    email: user.email,
    displayName: user.displayName,
    jobTitle: user.jobTitle ?? '',
    password: '',
    grants: user.grants,
    teamIds: user.teams.map((t) => t.id),
    version: user.version,
  };
}
