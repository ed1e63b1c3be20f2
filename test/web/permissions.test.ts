import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Express } from 'express';
import { createTestContext, type TestContext } from '../support/app.ts';
import { permissionMatrixFailures } from '../support/matrix.ts';
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
      const failures = await permissionMatrixFailures(ctx, { concrete, tokens });
      assert.deepEqual(failures, []);
    });
  });
}
