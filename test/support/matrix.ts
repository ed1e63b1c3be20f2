import supertest from 'supertest';
import { csrfFrom, emailFor, signedInAgent, type TestContext } from './app.ts';
import { can } from '../../src/platform/authz/policy.ts';
import { ROLES, type Principal, type Role } from '../../src/platform/authz/roles.ts';
import type { RouteSpec } from '../../src/platform/web/routes.ts';

type Who = 'anonymous' | Role;

/**
 * Requests every route (or those `only` picks) as anonymous and as every role, and lists each answer that disagrees
 * with the route's declared access: allowed but refused, or not allowed but not refused as it should be (a redirect to
 * sign in, 401 on the API, 403 when signed in).
 */
export async function permissionMatrixFailures(
  ctx: TestContext,
  options: {
    concrete: (path: string) => string;
    tokens: Record<Role, string>;
    only?: (spec: RouteSpec) => boolean;
  },
): Promise<string[]> {
  const specs = ctx.app.routeSpecs
    .filter(options.only ?? (() => true))
    .sort((a, b) => Number(a.path === '/sign-out') - Number(b.path === '/sign-out'));
  const failures: string[] = [];
  for (const who of ['anonymous', ...ROLES] as Who[]) {
    const agent = who === 'anonymous' ? supertest.agent(ctx.app) : await signedInAgent(ctx, emailFor(who));
    const csrf = csrfFrom((await agent.get(who === 'anonymous' ? '/sign-in' : '/')).text);
    for (const spec of specs) {
      const path = options.concrete(spec.path);
      const api = path.startsWith('/api/');
      let req = spec.method === 'get' ? agent.get(path) : agent.post(path);
      if (api && who !== 'anonymous') req = req.set('Authorization', `Bearer ${options.tokens[who]}`);
      if (spec.method === 'post') req = api ? req.send({}) : req.type('form').send({ _csrf: csrf });
      const res = await req;
      const principal: Principal | undefined =
        who === 'anonymous'
          ? undefined
          : {
              kind: api ? 'api' : 'user',
              id: 1,
              label: who,
              grants: who === 'staff' && !api ? [] : [{ role: who, directorateId: null }],
            };
      const allowed =
        spec.access === 'public' ||
        (principal !== undefined && (spec.access === 'signed-in' || can(principal, spec.access)));
      const refusedAs = !principal ? (api ? 401 : 303) : 403;
      const wasRefused =
        res.status === 401 ||
        res.status === 403 ||
        (res.status === 303 && /\/sign-in/.test(res.headers.location ?? ''));
      if (allowed && wasRefused) failures.push(`${who} refused ${spec.method} ${path} (${res.status})`);
      if (!allowed && res.status !== refusedAs)
        failures.push(`${who} not refused ${spec.method} ${path} (${res.status}, wanted ${refusedAs})`);
    }
  }
  return failures;
}
