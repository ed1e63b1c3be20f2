import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, emailFor, signedInAgent, type TestContext } from '../support/app.ts';
import { MODULES } from '../../src/modules/index.ts';
import { defineModule, upcoming } from '../../src/platform/modules.ts';
import { permission } from '../../src/platform/authz/permissions.ts';
import { Routes } from '../../src/platform/web/routes.ts';
import { can } from '../../src/platform/authz/policy.ts';
import { ROLES, type Role } from '../../src/platform/authz/roles.ts';
import { systemActor } from '../../src/platform/audit/service.ts';
import { permissionMatrixFailures } from '../support/matrix.ts';

/** A throw-away module: registering it is the only change made. */
const WIDGETS = { view: permission('widgets.view', ['records_manager', 'dpo']) };
const widgets = defineModule({
  name: 'widgets',
  permissions: Object.values(WIDGETS),
  area: {
    name: 'Widgets',
    href: '/widgets',
    permission: WIDGETS.view,
    purpose: 'Counting widgets',
    available: true,
  },
  routes: () => [
    new Routes().get('/widgets', WIDGETS.view, (_req, res) => {
      res.type('html').send('<h1>Widgets</h1>');
    }),
  ],
  attention: async (_services, principal) =>
    can(principal, WIDGETS.view)
      ? [{ count: 3, one: 'widget needs counting', other: 'widgets need counting', href: '/widgets' }]
      : [],
});
const gadgets = upcoming('gadgets', {
  name: 'Gadgets',
  href: '/gadgets',
  permission: permission('gadgets.view', ['dpo']),
  purpose: 'Gadgets, when they come',
});

describe('a module added to the list, and nothing else', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext('pglite', undefined, {}, { modules: [...MODULES, widgets, gadgets] });
  });
  after(() => ctx.close());

  it('appears in the navigation of those who hold its permission, and only theirs', async () => {
    const rm = await signedInAgent(ctx, emailFor('records_manager'));
    const home = await rm.get('/');
    assert.match(home.text, /<a class="govuk-service-navigation__link" href="\/widgets"[^>]*>\s*Widgets/);
    const staff = await signedInAgent(ctx, emailFor('staff'));
    assert.doesNotMatch((await staff.get('/')).text, /href="\/widgets"/);
  });

  it('appears on the home page: its area and what needs attention in it', async () => {
    const home = await (await signedInAgent(ctx, emailFor('records_manager'))).get('/');
    assert.match(home.text, /<strong>3<\/strong> widgets need counting/);
    assert.match(home.text, /href="\/widgets">Widgets<\/a>/);
    assert.match(home.text, /Counting widgets/);
  });

  it('is held to its declarations by the permission matrix, like every module', async () => {
    const tokens = {} as Record<Role, string>;
    for (const role of ROLES)
      tokens[role] = (
        await ctx.services.apiTokens.create(systemActor('Test'), { name: role, role, directorateId: null })
      ).token;
    const failures = await permissionMatrixFailures(ctx, {
      concrete: (path) => path,
      tokens,
      only: (spec) => spec.path === '/widgets' || spec.path === '/gadgets',
    });
    assert.deepEqual(failures, []);
  });

  it('is in the permission table and the route table, and its routes answer as declared', async () => {
    assert.equal(ctx.app.permissions.get('widgets.view'), WIDGETS.view);
    const spec = ctx.app.routeSpecs.find((s) => s.path === '/widgets');
    assert.equal(spec?.access, WIDGETS.view);
    assert.equal((await (await signedInAgent(ctx, emailFor('records_manager'))).get('/widgets')).status, 200);
    assert.equal((await (await signedInAgent(ctx, emailFor('staff'))).get('/widgets')).status, 403);
  });

  it('shows a module still to come as "not available yet", to those who will use it', async () => {
    const dpo = await signedInAgent(ctx, emailFor('dpo'));
    const page = await dpo.get('/gadgets');
    assert.equal(page.status, 200);
    assert.match(page.text, /not available yet/);
    assert.match((await dpo.get('/')).text, /Gadgets[\s\S]*Not available yet/);
    assert.equal((await (await signedInAgent(ctx, emailFor('records_manager'))).get('/gadgets')).status, 403);
  });

  it('is never shadowed by a placeholder at its own address', async () => {
    const shipped = defineModule({
      name: 'gadgets',
      permissions: [gadgets.area!.permission],
      area: { ...gadgets.area!, available: true },
      routes: () => [
        new Routes().get('/gadgets', gadgets.area!.permission, (_req, res) => res.send('the real gadgets')),
      ],
    });
    const both = await createTestContext(
      'pglite',
      undefined,
      {},
      { modules: [gadgets, ...MODULES, shipped] },
    );
    try {
      const page = await (await signedInAgent(both, emailFor('dpo'))).get('/gadgets');
      assert.equal(page.text, 'the real gadgets');
    } finally {
      await both.close();
    }
  });

  it("is refused at definition when its name or its area's permission is not its own", () => {
    assert.throws(() => defineModule({ name: 'Widgets' }), /kebab-case/);
    assert.throws(
      () => defineModule({ name: 'gizmos', permissions: [], area: { ...widgets.area!, href: '/gizmos' } }),
      /area needs a permission the module defines/,
    );
  });
});
