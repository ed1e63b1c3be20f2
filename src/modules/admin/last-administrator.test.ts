import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  createTestContext,
  csrfFrom,
  emailFor,
  formBody,
  PASSWORD,
  signedInAgent,
  type TestContext,
} from '../../../test/support/app.ts';
import { DATABASE_KINDS } from '../../../test/support/databases.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { ValidationError } from '../../platform/errors.ts';

for (const kind of DATABASE_KINDS) {
  describe(`the last administrator, on ${kind}`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await createTestContext(kind);
    });
    after(() => ctx.close());

    const editSelf = async (roles: string[]) => {
      const admin = await signedInAgent(ctx, emailFor('admin'));
      const page = await admin.get(`/admin/users/${ctx.userIds.admin}/edit`);
      const res = await admin
        .post(`/admin/users/${ctx.userIds.admin}/edit`)
        .type('form')
        .send(
          formBody({
            _csrf: csrfFrom(page.text),
            version: /name="version" value="(\d+)"/.exec(page.text)![1]!,
            displayName: 'Test admin',
            roles,
          }),
        );
      return { admin, res };
    };

    it('cannot give up the role when nobody else holds it, and is told why', async () => {
      const { res } = await editSelf(['dpo']);
      assert.equal(res.status, 400);
      assert.match(res.text, /There must always be at least one active administrator/);
      const me = await ctx.services.users.get(ctx.userIds.admin);
      assert.deepEqual(
        me!.grants.map((g) => g.role),
        ['admin'],
      );
    });

    it('cannot be deactivated or have the role revoked, from anywhere', async () => {
      await assert.rejects(
        ctx.services.users.setActive(systemActor('CLI'), ctx.userIds.admin, false),
        (e: Error) => e instanceof ValidationError && /at least one active administrator/.test(e.message),
      );
      await assert.rejects(
        ctx.services.users.revoke(systemActor('CLI'), ctx.userIds.admin, { role: 'admin' }),
        ValidationError,
      );
      assert.equal((await ctx.services.users.get(ctx.userIds.admin))!.active, true);
    });

    it('can give up the role once someone else holds it, landing on the home page rather than a 403', async () => {
      const other = await ctx.services.users.create(systemActor('Setup'), {
        email: 'second.admin@test.example',
        displayName: 'Second admin',
        password: PASSWORD,
        grants: [{ role: 'admin', directorateId: null }],
        teamIds: [],
      });
      const { admin, res } = await editSelf(['dpo']);
      assert.equal(res.status, 303);
      assert.equal(res.headers.location, '/');
      const home = await admin.get('/');
      assert.equal(home.status, 200);
      assert.match(home.text, /You are no longer an administrator/);
      // And the role can be given back, as `custodian user grant` does.
      await ctx.services.users.grant(systemActor('CLI'), ctx.userIds.admin, {
        role: 'admin',
        directorateId: null,
      });
      assert.ok((await ctx.services.users.get(ctx.userIds.admin))!.grants.some((g) => g.role === 'admin'));
      await ctx.services.users.setActive(systemActor('CLI'), other, false);
    });
  });
}
