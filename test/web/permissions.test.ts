import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import supertest from 'supertest';
import type { Express } from 'express';
import { createTestContext, csrfFrom, emailFor, signedInAgent, type TestContext } from '../support/app.ts';
import { DATABASE_KINDS } from '../support/databases.ts';
import { ROLES, type Principal, type Role } from '../../src/platform/authz/roles.ts';
import { can } from '../../src/platform/authz/policy.ts';
import { systemActor } from '../../src/platform/audit/service.ts';
import type { RouteSpec } from '../../src/platform/web/routes.ts';

/** Every route Express actually has, found by walking its router stack. */
function registeredRoutes(app: Express): { method: string; path: string }[] {
  const found: { method: string; path: string }[] = [];
  const walk = (stack: unknown[]) => {
    for (const layer of stack as {
      route?: { path: string; methods: Record<string, boolean> };
      handle?: { stack?: unknown[] };
    }[]) {
      if (layer.route)
        for (const m of Object.keys(layer.route.methods)) found.push({ method: m, path: layer.route.path });
      else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: unknown[] } }).router.stack);
  return found;
}

type Who = 'anonymous' | Role;

for (const kind of DATABASE_KINDS) {
  describe(`route permission matrix on ${kind}`, () => {
    let ctx: TestContext;
    let targetUserId: number;
    let tokenId: number;
    const tokens = {} as Record<Role, string>;

    before(async () => {
      ctx = await createTestContext(kind);
      const actor = systemActor('Test setup');
      targetUserId = await ctx.services.users.create(actor, {
        email: 'target@test.example',
        displayName: 'Target',
        password: 'target-password-1',
        grants: [],
        teamIds: [],
      });
      for (const role of ROLES)
        tokens[role] = (
          await ctx.services.apiTokens.create(actor, { name: role, role, directorateId: null })
        ).token;
      tokenId = (
        await ctx.services.apiTokens.create(actor, { name: 'to revoke', role: 'staff', directorateId: null })
      ).id;
    });
    after(() => ctx.close());

    it('declares an access rule for every route Express has', () => {
      const declared = new Set(ctx.app.routeSpecs.map((s) => `${s.method} ${s.path}`));
      const actual = registeredRoutes(ctx.app);
      assert.ok(actual.length >= 30, `expected the full route table, found ${actual.length}`);
      for (const r of actual)
        assert.ok(
          declared.has(`${r.method} ${r.path}`),
          `${r.method.toUpperCase()} ${r.path} has no declared access`,
        );
    });

    it('keeps administration and the audit trail from ordinary staff', () => {
      const staff: Principal = { kind: 'user', id: 1, label: 's', grants: [] };
      for (const path of ['/admin/users', '/audit']) {
        const spec = ctx.app.routeSpecs.find((s) => s.path === path)!;
        assert.notEqual(spec.access, 'public');
        assert.equal(can(staff, spec.access as Exclude<RouteSpec['access'], 'public' | 'signed-in'>), false);
      }
    });

    it('allows and denies every route for anonymous and for every role as declared', async () => {
      const concrete = (path: string) =>
        path.replace(':id', path.includes('api-tokens') ? String(tokenId) : String(targetUserId));
      const specs = [...ctx.app.routeSpecs].sort(
        (a, b) => Number(a.path === '/sign-out') - Number(b.path === '/sign-out'),
      );
      const failures: string[] = [];
      for (const who of ['anonymous', ...ROLES] as Who[]) {
        const agent =
          who === 'anonymous' ? supertest.agent(ctx.app) : await signedInAgent(ctx, emailFor(who));
        const csrf = csrfFrom((await agent.get(who === 'anonymous' ? '/sign-in' : '/')).text);
        for (const spec of specs) {
          const path = concrete(spec.path);
          const api = path.startsWith('/api/');
          let req = spec.method === 'get' ? agent.get(path) : agent.post(path);
          if (api && who !== 'anonymous') req = req.set('Authorization', `Bearer ${tokens[who]}`);
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
      assert.deepEqual(failures, []);
    });
  });
}
