import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import supertest from 'supertest';
import { createTestContext, type TestContext } from '../support/app.ts';
import { DATABASE_KINDS } from '../support/databases.ts';
import { systemActor } from '../../src/platform/audit/service.ts';

for (const kind of DATABASE_KINDS) {
  describe(`JSON API on ${kind}`, () => {
    let ctx: TestContext;
    let adminToken: string;
    let staffToken: string;
    before(async () => {
      ctx = await createTestContext(kind);
      adminToken = (
        await ctx.services.apiTokens.create(systemActor(), { name: 'a', role: 'admin', directorateId: null })
      ).token;
      staffToken = (
        await ctx.services.apiTokens.create(systemActor(), { name: 's', role: 'staff', directorateId: null })
      ).token;
    });
    after(() => ctx.close());

    const api = () => supertest(ctx.app);

    it('answers health with the database kind and version', async () => {
      const res = await api().get('/health');
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, { status: 'ok', database: kind, version: '0.1.0' });
    });

    it('needs a valid bearer token, and never accepts a session cookie', async () => {
      const none = await api().get('/api/v1/users');
      assert.equal(none.status, 401);
      assert.match(none.headers['content-type']!, /application\/problem\+json/);
      assert.equal(JSON.parse(none.text).title, 'Unauthorised');
      assert.equal((await api().get('/api/v1/users').set('Authorization', 'Bearer cus_wrong')).status, 401);
      assert.equal(
        (await api().get('/api/v1/users').set('Authorization', `Bearer ${staffToken}`)).status,
        403,
      );
    });

    it('creates and reads users, audited as the token', async () => {
      const created = await api()
        .post('/api/v1/users')
        .set('Authorization', `Bearer ${adminToken}`)
        .send({
          email: 'API.User@test.example',
          displayName: 'Api User',
          password: 'long-enough-password',
          grants: [{ role: 'records_manager', directorateId: ctx.directorateId }],
        });
      assert.equal(created.status, 201);
      assert.equal(created.body.email, 'api.user@test.example');
      assert.deepEqual(created.body.grants, [{ role: 'records_manager', directorateId: ctx.directorateId }]);
      const read = await api()
        .get(`/api/v1/users/${created.body.id}`)
        .set('Authorization', `Bearer ${adminToken}`);
      assert.equal(read.body.displayName, 'Api User');
      const list = await api()
        .get('/api/v1/users?role=records_manager')
        .set('Authorization', `Bearer ${adminToken}`);
      assert.ok(list.body.users.some((u: { id: number }) => u.id === created.body.id));
      const events = await ctx.services.audit.search(
        { action: 'user.created', entityId: String(created.body.id) },
        { limit: 1, offset: 0 },
      );
      assert.equal(events.rows[0]!.actorType, 'api');
      assert.equal(events.rows[0]!.actorLabel, 'API token: a');
    });

    it('answers malformed bodies with a 400 problem naming the fields', async () => {
      const bad = await api()
        .post('/api/v1/users')
        .set('Authorization', `Bearer ${adminToken}`)
        .send({ email: 'nope', grants: [{ role: 'emperor' }] });
      assert.equal(bad.status, 400);
      const problem = JSON.parse(bad.text);
      assert.equal(problem.status, 400);
      assert.ok(problem.errors.email);
      assert.ok(problem.errors.displayName);
      assert.ok(problem.errors['grants.0.role']);
      const broken = await api()
        .post('/api/v1/users')
        .set('Authorization', `Bearer ${adminToken}`)
        .set('Content-Type', 'application/json')
        .send('{"email": ');
      assert.equal(broken.status, 400);
      assert.match(broken.headers['content-type']!, /problem\+json/);
      const duplicate = await api()
        .post('/api/v1/users')
        .set('Authorization', `Bearer ${adminToken}`)
        .send({ email: 'api.user@test.example', displayName: 'X', password: 'long-enough-password' });
      assert.equal(duplicate.status, 400);
      assert.equal(JSON.parse(duplicate.text).errors.email, 'A user with that email address already exists');
    });

    it('answers unknown API paths and records with 404 problems', async () => {
      const missing = await api().get('/api/v1/nothing-here').set('Authorization', `Bearer ${adminToken}`);
      assert.equal(missing.status, 404);
      assert.match(missing.headers['content-type']!, /problem\+json/);
      assert.equal(
        (await api().get('/api/v1/users/99999').set('Authorization', `Bearer ${adminToken}`)).status,
        404,
      );
    });

    it('publishes an OpenAPI document generated from the same schemas', async () => {
      const res = await api().get('/api/v1/openapi.json');
      assert.equal(res.status, 200);
      assert.equal(res.body.openapi, '3.1.0');
      for (const path of [
        '/api/v1/users',
        '/api/v1/users/{id}',
        '/api/v1/directorates',
        '/api/v1/audit-events',
      ])
        assert.ok(res.body.paths[path], path);
      const body = res.body.paths['/api/v1/users'].post.requestBody.content['application/json'].schema;
      assert.ok(body.required.includes('email'));
      assert.ok(res.body.components.securitySchemes.bearerAuth);
    });
  });
}
