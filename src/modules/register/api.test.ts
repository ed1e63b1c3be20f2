import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import supertest from 'supertest';
import { createTestContext, type TestContext } from '../../../test/support/app.ts';
import { DATABASE_KINDS } from '../../../test/support/databases.ts';
import { systemActor } from '../../platform/audit/service.ts';

for (const kind of DATABASE_KINDS) {
  describe(`the register in the API (${kind})`, () => {
    let ctx: TestContext;
    let officer: string;
    let auditor: string;
    before(async () => {
      ctx = await createTestContext(kind);
      const create = async (role: 'ig_officer' | 'auditor') =>
        (await ctx.services.apiTokens.create(systemActor('Test'), { name: role, role, directorateId: null }))
          .token;
      officer = await create('ig_officer');
      auditor = await create('auditor');
    });
    after(() => ctx.close());
    const api = (token: string) => ({
      get: (path: string) => supertest(ctx.app).get(path).set('Authorization', `Bearer ${token}`),
      post: (path: string, body: object) =>
        supertest(ctx.app).post(path).set('Authorization', `Bearer ${token}`).send(body),
    });

    it('adds, reads and changes an asset and an activity, refusing a stale change', async () => {
      const asset = await api(officer).post('/api/v1/assets', {
        name: 'Mosaic',
        hosting: 'supplier',
        format: 'digital',
        personalData: true,
        dataCategories: ['Contact details'],
        volume: '10k-100k',
        criticality: 'high',
        securityClassification: 'official',
        nextReviewOn: '2027-06-30',
      });
      assert.equal(asset.status, 201, asset.text);
      assert.equal(asset.body.version, 1);
      const activity = await api(officer).post('/api/v1/activities', {
        name: 'Care assessments',
        service: 'Adult social care',
        purposes: ['Assessing needs'],
        specialCategories: ['Health'],
        assetIds: [asset.body.id],
        nextReviewOn: '2027-06-30',
      });
      assert.equal(activity.status, 201, activity.text);
      assert.deepEqual(activity.body.assetIds, [asset.body.id]);
      assert.ok(activity.body.gaps.some((g: { provision: string }) => g.provision === 'Art 9(2)'));
      const changed = await api(officer).post(`/api/v1/activities/${activity.body.id}`, {
        name: 'Care assessments',
        service: 'Adult social care',
        article9: 'h',
        nextReviewOn: '2027-06-30',
        version: 1,
      });
      assert.equal(changed.status, 200, changed.text);
      assert.equal(changed.body.version, 2);
      const stale = await api(officer).post(`/api/v1/activities/${activity.body.id}`, {
        name: 'Lost',
        service: 'Adult social care',
        nextReviewOn: '2027-06-30',
        version: 1,
      });
      assert.equal(stale.status, 409);
      assert.equal(
        (await api(auditor).get(`/api/v1/activities/${activity.body.id}`)).body.name,
        'Care assessments',
      );
    });

    it('refuses bad bodies with the fields named, and writes by those who may only read', async () => {
      const bad = await api(officer).post('/api/v1/agreements', {
        title: 'Backwards',
        tier: 'agreement',
        purpose: 'Testing',
        startsOn: '2026-06-01',
        endsOn: '2026-05-31',
        reviewOn: '2027-06-01',
      });
      assert.equal(bad.status, 400);
      assert.ok(bad.body.errors.endsOn);
      const forbidden = await api(auditor).post('/api/v1/assets', { name: 'Nope' });
      assert.equal(forbidden.status, 403);
      const agreements = await api(auditor).get('/api/v1/agreements');
      assert.equal(agreements.status, 200);
      assert.deepEqual(agreements.body.agreements, []);
    });

    it('describes its endpoints in the OpenAPI document', async () => {
      const doc = (await supertest(ctx.app).get('/api/v1/openapi.json')).body;
      for (const path of ['/api/v1/assets', '/api/v1/activities/{id}', '/api/v1/agreements'])
        assert.ok(doc.paths[path], path);
    });
  });
}
