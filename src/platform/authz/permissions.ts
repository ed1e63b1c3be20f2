import type { Role } from './roles.ts';

/**
 * Something a route or a rule needs, and the roles that hold it. Each module defines its own in its permissions.ts
 * (`requests.view`, `requests.manage` …) and lists them in its ModuleDefinition; routes and rules use the value, so a
 * misspelt permission is a compile error, and the permission table is the modules' lists put together.
 */
export interface Permission {
  /** `<module>.<verb>`: what pages ask for by name (`can("requests.reports")` in a template). */
  readonly name: string;
  readonly roles: readonly Role[];
}

const NAME = /^[a-z][a-z-]*\.[a-z][a-z-]*$/;

export function permission(name: string, roles: readonly Role[]): Permission {
  if (!NAME.test(name)) throw new Error(`A permission is named <module>.<verb>, not "${name}"`);
  return Object.freeze({ name, roles: Object.freeze([...roles]) });
}

/** Every permission of the modules in use, by name; two modules defining one name is a mistake caught at start. */
export function permissionTable(permissions: readonly Permission[]): ReadonlyMap<string, Permission> {
  const table = new Map<string, Permission>();
  for (const p of permissions) {
    const known = table.get(p.name);
    if (known && known !== p) throw new Error(`The permission ${p.name} is defined twice`);
    table.set(p.name, p);
  }
  return table;
}
