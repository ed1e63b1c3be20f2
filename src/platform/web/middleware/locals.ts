import type { RequestHandler } from 'express';
import { can } from '../../authz/policy.ts';
import type { Permission } from '../../authz/permissions.ts';
import type { Area } from '../../modules.ts';

/**
 * What every page template can use: the user, the service navigation (each module's area, shown only to those who may
 * use it), `can("requests.reports")` by permission name, and a one-off message.
 */
export function pageLocals(options: {
  areas: readonly Area[];
  permissions: ReadonlyMap<string, Permission>;
}): RequestHandler {
  const named = (name: string): Permission => {
    const found = options.permissions.get(name);
    if (!found) throw new Error(`A page asked for the permission ${name}, which no module lists`);
    return found;
  };
  return (req, res, next) => {
    const principal = req.principal;
    res.locals.user = principal;
    res.locals.currentPath = req.path;
    res.locals.can = (name: string) => can(principal, named(name));
    if (principal) {
      res.locals.navigation = options.areas
        .filter((a) => can(principal, a.permission))
        .map((a) => ({
          text: a.name,
          href: a.href,
          active:
            a.href === '/' ? req.path === '/' : req.path === a.href || req.path.startsWith(`${a.href}/`),
        }));
    }
    // Taken from the session only when a page is rendered: a message set on the way to a redirect (by this request's
    // sign-in check, say) waits for the page the redirect leads to.
    Object.defineProperty(res.locals, 'flash', {
      enumerable: true,
      configurable: true,
      get: () => {
        const flash = req.session?.flash;
        if (flash) delete req.session.flash;
        return flash;
      },
    });
    next();
  };
}
