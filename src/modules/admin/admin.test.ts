import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  createTestContext,
  emailFor,
  signedInAgent,
  submitForm,
  csrfFrom,
  formBody,
  type TestContext,
} from '../../../test/support/app.ts';
import { DATABASE_KINDS } from '../../../test/support/databases.ts';
import supertest from 'supertest';

for (const kind of DATABASE_KINDS) {
  describe(`administration on ${kind}`, () => {
    let ctx: TestContext;
    let admin: Awaited<ReturnType<typeof signedInAgent>>;
    before(async () => {
      ctx = await createTestContext(kind);
      admin = await signedInAgent(ctx, emailFor('admin'));
    });
    after(() => ctx.close());

    it('creates a user with scoped roles and a team, and audits it without their email', async () => {
      const teamId = await ctx.services.organisation.createTeam(
        { type: 'system', id: null, label: 't' },
        ctx.directorateId,
        'Finance',
      );
      const res = await submitForm(admin, '/admin/users/new', '/admin/users', {
        email: 'New.Person@Test.example',
        displayName: 'New Person',
        jobTitle: 'Accountant',
        password: 'a-long-enough-password',
        roles: ['requests_officer', 'dpo'],
        'scope-requests_officer': String(ctx.directorateId),
        teamIds: [String(teamId)],
      });
      assert.equal(res.status, 303);
      const id = Number(res.headers.location!.split('/').pop());
      const user = (await ctx.services.users.get(id))!;
      assert.equal(user.email, 'new.person@test.example');
      assert.deepEqual(
        user.grants.sort((a, b) => a.role.localeCompare(b.role)),
        [
          { role: 'dpo', directorateId: null },
          { role: 'requests_officer', directorateId: ctx.directorateId },
        ],
      );
      assert.deepEqual(
        user.teams.map((t) => t.name),
        ['Finance'],
      );
      const events = await ctx.services.audit.search(
        { action: 'user.created', entityId: String(id) },
        { limit: 5, offset: 0 },
      );
      assert.equal(events.total, 1);
      assert.doesNotMatch(JSON.stringify(events.rows[0]), /new\.person/i);
      const page = await admin.get(`/admin/users/${id}`);
      assert.match(page.text, /Requests officer \(Resources\)/);
      const viewed = await ctx.services.audit.search(
        { action: 'user.viewed', entityId: String(id) },
        { limit: 5, offset: 0 },
      );
      assert.equal(viewed.total, 1, 'viewing a staff record is audited');
    });

    it('shows the fields to fix and keeps what was typed', async () => {
      const res = await submitForm(admin, '/admin/users/new', '/admin/users', {
        email: 'not-an-email',
        displayName: 'Kept Name',
        password: 'short',
      });
      assert.equal(res.status, 400);
      assert.match(res.text, /govuk-error-summary/);
      assert.match(res.text, /Enter an email address in the correct format/);
      assert.match(res.text, /Password must be 12 characters or more/);
      assert.match(res.text, /value="Kept Name"/);
      assert.match(res.text, /value="not-an-email"/);
      const duplicate = await submitForm(admin, '/admin/users/new', '/admin/users', {
        email: emailFor('dpo'),
        displayName: 'Dup',
        password: 'a-long-enough-password',
      });
      assert.equal(duplicate.status, 400);
      assert.match(duplicate.text, /already exists/);
    });

    it('refuses a stale edit rather than overwrite a newer save', async () => {
      const id = ctx.userIds.asset_owner;
      const first = await admin.get(`/admin/users/${id}/edit`);
      const second = await admin.get(`/admin/users/${id}/edit`);
      const save = (page: string, name: string) =>
        admin
          .post(`/admin/users/${id}/edit`)
          .type('form')
          .send(
            formBody({
              _csrf: csrfFrom(page),
              version: /name="version" value="(\d+)"/.exec(page)![1]!,
              displayName: name,
              roles: ['asset_owner'],
            }),
          );
      assert.equal((await save(first.text, 'First Save')).status, 303);
      const stale = await save(second.text, 'Second Save');
      assert.equal(stale.status, 409);
      assert.match(stale.text, /Someone else changed this user/);
      assert.match(stale.text, /value="Second Save"/);
      assert.equal((await ctx.services.users.get(id))!.displayName, 'First Save');
    });

    it('deactivates a user, ending their sessions, and reactivates them', async () => {
      const staff = await signedInAgent(ctx, emailFor('staff'));
      assert.equal((await staff.get('/')).status, 200);
      const res = await submitForm(
        admin,
        `/admin/users/${ctx.userIds.staff}`,
        `/admin/users/${ctx.userIds.staff}/deactivate`,
        {},
      );
      assert.equal(res.status, 303);
      assert.equal((await staff.get('/')).status, 303, 'their session has ended');
      await assert.rejects(signedInAgent(ctx, emailFor('staff')), /failed with 401/);
      await submitForm(
        admin,
        `/admin/users/${ctx.userIds.staff}`,
        `/admin/users/${ctx.userIds.staff}/reactivate`,
        {},
      );
      await signedInAgent(ctx, emailFor('staff'));
    });

    it('will not let an administrator deactivate themselves', async () => {
      const res = await submitForm(
        admin,
        `/admin/users/${ctx.userIds.admin}`,
        `/admin/users/${ctx.userIds.admin}/deactivate`,
        {},
      );
      assert.equal(res.status, 303);
      assert.equal((await ctx.services.users.get(ctx.userIds.admin))!.active, true);
    });

    it('resets a password', async () => {
      const res = await submitForm(
        admin,
        `/admin/users/${ctx.userIds.auditor}/password`,
        `/admin/users/${ctx.userIds.auditor}/password`,
        { password: 'brand-new-password-1' },
      );
      assert.equal(res.status, 303);
      await signedInAgent(ctx, emailFor('auditor'), 'brand-new-password-1');
      const short = await submitForm(
        admin,
        `/admin/users/${ctx.userIds.auditor}/password`,
        `/admin/users/${ctx.userIds.auditor}/password`,
        { password: 'x' },
      );
      assert.equal(short.status, 400);
    });

    it('filters the user list', async () => {
      const byRole = await admin.get('/admin/users?role=auditor');
      assert.match(byRole.text, /Test auditor/);
      assert.doesNotMatch(byRole.text, /Test dpo/);
      assert.match((await admin.get('/admin/users?q=Test%20dpo')).text, /1 user</);
      assert.equal((await admin.get('/admin/users?page=abc&role=bogus')).status, 200);
      assert.equal((await admin.get('/admin/users/999999')).status, 404);
      assert.equal((await admin.get('/admin/users/not-a-number')).status, 404);
    });

    it('adds directorates and teams, refusing duplicates with a message', async () => {
      assert.equal(
        (await submitForm(admin, '/admin/organisation', '/admin/directorates', { name: 'Place' })).status,
        303,
      );
      const dup = await submitForm(admin, '/admin/organisation', '/admin/directorates', { name: 'Place' });
      assert.equal(dup.status, 400);
      assert.match(dup.text, /already exists/);
      const missing = await submitForm(admin, '/admin/organisation', '/admin/teams', {
        teamName: 'Highways',
        directorateId: '',
      });
      assert.equal(missing.status, 400);
      assert.match(missing.text, /Select a directorate/);
      assert.match(missing.text, /value="Highways"/);
      const place = (await ctx.services.organisation.directorates()).find((d) => d.name === 'Place')!;
      assert.equal(
        (
          await submitForm(admin, '/admin/organisation', '/admin/teams', {
            teamName: 'Highways',
            directorateId: String(place.id),
          })
        ).status,
        303,
      );
      assert.match((await admin.get('/admin/organisation')).text, /Highways/);
    });

    it('creates an API token shown once, which works until revoked', async () => {
      const page = await submitForm(admin, '/admin/api-tokens', '/admin/api-tokens', {
        name: 'Export',
        role: 'auditor',
        directorateId: '',
      });
      assert.equal(page.status, 200);
      const token = /<code id="new-token">([^<]+)</.exec(page.text)![1]!;
      const api = supertest(ctx.app);
      assert.equal(
        (await api.get('/api/v1/audit-events?limit=1').set('Authorization', `Bearer ${token}`)).status,
        200,
      );
      assert.doesNotMatch((await admin.get('/admin/api-tokens')).text, new RegExp(token));
      const id = (await ctx.services.apiTokens.list()).find((t) => t.name === 'Export')!.id;
      await submitForm(admin, '/admin/api-tokens', `/admin/api-tokens/${id}/revoke`, {});
      assert.equal(
        (await api.get('/api/v1/audit-events?limit=1').set('Authorization', `Bearer ${token}`)).status,
        401,
      );
    });
  });
}
