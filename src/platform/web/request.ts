import type { Principal } from '../authz/roles.ts';
import type { Actor } from '../audit/service.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** The signed-in member of staff or API token, set by the authentication middleware. */
      principal?: Principal;
    }
  }
}

/** The audit actor for whoever made this request. */
export function actorOf(principal: Principal): Actor {
  return { type: principal.kind, id: String(principal.id), label: principal.label };
}

/** Is this a JSON API request (answered with problem documents rather than pages)? */
export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}
