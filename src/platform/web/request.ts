import type { Principal } from '../authz/roles.ts';
import type { Actor } from '../audit/service.ts';

/** Who is asking, as authorisation sees them (principal) and as the audit trail records them (actor). */
export interface Caller {
  principal: Principal;
  actor: Actor;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** The signed-in member of staff or API token, set by the authentication middleware. */
      principal?: Principal;
      /** The same, with its audit actor: what a route hands to a command. Set whenever `principal` is. */
      caller?: Caller;
    }
  }
}

/** The caller of a route that needs one signed in (its declared access guarantees it). */
export function callerOf(req: Express.Request): Caller {
  if (!req.caller) throw new Error('This route needs a signed-in caller: declare its access');
  return req.caller;
}

/** The audit actor for whoever made this request. */
export function actorOf(principal: Principal): Actor {
  return { type: principal.kind, id: String(principal.id), label: principal.label };
}

/** Is this a JSON API request (answered with problem documents rather than pages)? */
export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}
