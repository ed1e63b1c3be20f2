import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import supertest from 'supertest';
import { parse } from 'csv-parse/sync';
import { createTestContext, signedInAgent, submitForm, type TestContext } from '../../../test/support/app.ts';
import { DATABASE_KINDS } from '../../../test/support/databases.ts';
import { recordClass } from '../../../test/support/factories.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/errors.ts';
import { actorOf, type Caller } from '../../platform/web/request.ts';
import { activitySchema, assetSchema, type ActivityInput, type AssetInput } from './inputs.ts';
import { ICO_ROPA_COLUMNS } from './ropa-file.ts';

const actor = systemActor('Test');

const assetInput = (overrides: Record<string, unknown> = {}): AssetInput =>
  assetSchema.parse({
    name: 'Mosaic',
    hosting: 'supplier',
    format: 'digital',
    personalData: 'yes',
    volume: '10k-100k',
    criticality: 'high',
    securityClassification: 'official-sensitive',
    nextReviewOn: '2027-06-30',
    ...overrides,
  });

/** A complete record of processing, as a form would send it; overrides make it incomplete. */
const activityInput = (overrides: Record<string, unknown> = {}): ActivityInput =>
  activitySchema.parse({
    name: 'Assessing care needs',
    service: 'Adult social care',
    purposes: 'Assessing needs for care and support',
    article6: 'e',
    article6Justification: 'Care Act 2014 s.9',
    dataSubjects: 'Adults needing care\nCarers',
    dataCategories: 'Contact details\nCare needs',
    specialCategories: ['Health'],
    article9: 'h',
    schedule1: '1-2',
    internalRecipients: 'Adult social care team',
    externalRecipients: 'Kingsmere NHS Foundation Trust',
    retention: 'Eight years after the case closes',
    securityMeasures: 'Role-based access, encrypted at rest',
    source: 'The people themselves',
    nextReviewOn: '2027-06-30',
    ...overrides,
  });

for (const kind of DATABASE_KINDS) {
  describe(`the register's assets and processing activities, on pages and in the API (${kind})`, () => {
    let ctx: TestContext;
    let dpo: Caller;
    let owner: Caller;
    let elsewhere: number;
    before(async () => {
      ctx = await createTestContext(kind);
      await ctx.services.retentionSchedule.save(actor, recordClass({ code: 'ASC-01' }));
      elsewhere = await ctx.services.organisation.createDirectorate(actor, 'Place');
      const ownerId = await ctx.services.users.create(actor, {
        email: 'resources.owner@test.example',
        displayName: 'Resources owner',
        password: 'owner-password-1',
        grants: [{ role: 'asset_owner', directorateId: ctx.directorateId }],
        teamIds: [],
      });
      const as = async (id: number) => {
        const principal = (await ctx.services.signIn.principalFor(id))!;
        return { principal, actor: actorOf(principal) };
      };
      dpo = await as(ctx.userIds.dpo);
      owner = await as(ownerId);
      const token = async (role: 'ig_officer' | 'auditor') =>
        (await ctx.services.apiTokens.create(actor, { name: role, role, directorateId: null })).token;
      officerToken = await token('ig_officer');
      auditorToken = await token('auditor');
    });
    after(() => ctx.close());

    it('lets an asset owner keep the assets of their own directorate, and no other', async () => {
      const asset = await ctx.services.register.saveAsset(
        owner,
        assetInput({ directorateId: ctx.directorateId, classCodes: 'asc-01' }),
      );
      const shown = await ctx.services.register.asset(owner.principal, asset.id);
      assert.deepEqual(
        shown.classes.map((c) => c.code),
        ['ASC-01'],
      );
      await assert.rejects(
        ctx.services.register.saveAsset(owner, assetInput({ directorateId: elsewhere })),
        ForbiddenError,
      );
      const theirs = await ctx.services.register.saveAsset(dpo, assetInput({ directorateId: elsewhere }));
      await assert.rejects(
        ctx.services.register.saveAsset(owner, assetInput({ directorateId: ctx.directorateId }), theirs),
        ForbiddenError,
        'an owner cannot take another directorate’s asset into their own',
      );
      await assert.rejects(ctx.services.register.asset(owner.principal, theirs.id), ForbiddenError);
      assert.deepEqual(
        (await ctx.services.register.assets(owner.principal)).map((a) => a.id),
        [asset.id],
      );
    });

    it('refuses a class that is not on the schedule and a stale save, changing nothing', async () => {
      await assert.rejects(
        ctx.services.register.saveAsset(dpo, assetInput({ classCodes: 'NOPE-9' })),
        (e: unknown) => e instanceof ValidationError && /NOPE-9/.test(e.message),
      );
      const asset = await ctx.services.register.saveAsset(dpo, assetInput({ name: 'Paper files' }));
      await ctx.services.register.saveAsset(dpo, assetInput({ name: 'Paper files, basement' }), asset);
      await assert.rejects(
        ctx.services.register.saveAsset(dpo, assetInput({ name: 'Paper files, attic' }), asset),
        ConflictError,
      );
      assert.equal(
        (await ctx.services.register.asset(dpo.principal, asset.id)).name,
        'Paper files, basement',
      );
    });

    it('counts an owner’s overdue reviews and clears one when the owner confirms the entry', async () => {
      const overdue = await ctx.services.register.saveAsset(
        owner,
        assetInput({
          directorateId: ctx.directorateId,
          nextReviewOn: '2026-10-01',
          ownerUserId: owner.principal.id,
        }),
      );
      const before = await ctx.services.register.overdueReviews(owner.principal, true);
      assert.equal(before, 1);
      const confirmed = await ctx.services.register.confirmAsset(owner, overdue);
      assert.equal(confirmed.lastReviewedOn, '2026-11-25');
      assert.equal(confirmed.nextReviewOn, '2027-11-25');
      assert.equal(await ctx.services.register.overdueReviews(owner.principal, true), 0);
    });

    it('saves an incomplete record of processing and names every gap, complete once the gaps are filled', async () => {
      const noController = await ctx.services.register.saveActivity(dpo, activityInput());
      const gapsOf = async (id: number) =>
        (await ctx.services.register.activity(dpo.principal, id)).gaps.map((g) => g.provision);
      assert.deepEqual(await gapsOf(noController.id), ['Art 30(1)(a)', 'Art 30(1)(a)']);
      await ctx.services.register.saveController(actor, {
        address: 'Town Hall',
        email: 'dp@test.example',
        dpoName: 'The DPO',
        dpoEmail: 'dpo@test.example',
        icoRegistration: undefined,
      });
      assert.deepEqual(await gapsOf(noController.id), []);
      const noCondition = await ctx.services.register.saveActivity(
        dpo,
        activityInput({ article9: '', schedule1: '' }),
      );
      assert.deepEqual(await gapsOf(noCondition.id), ['Art 9(2)']);
      const noPolicyAnswer = await ctx.services.register.saveActivity(
        dpo,
        activityInput({ article9: 'g', schedule1: '2-18' }),
      );
      assert.deepEqual(await gapsOf(noPolicyAnswer.id), ['DPA 2018 Sch 1 para 41']);
      const noRetention = await ctx.services.register.saveActivity(dpo, activityInput({ retention: '' }));
      assert.deepEqual(await gapsOf(noRetention.id), ['Art 30(1)(f)']);
      // Retention can come from the schedule instead of words.
      await ctx.services.register.saveActivity(dpo, activityInput({ retention: '', classCodes: 'ASC-01' }), {
        id: noRetention.id,
        version: noRetention.version,
      });
      const linked = await ctx.services.register.activity(dpo.principal, noRetention.id);
      assert.match(linked.retentionText, /^ASC-01 /);
      assert.deepEqual(linked.gaps, []);
    });

    it('links activities and assets both ways, refusing an asset that is not there', async () => {
      const asset = await ctx.services.register.saveAsset(dpo, assetInput({ name: 'Liquidlogic' }));
      const activity = await ctx.services.register.saveActivity(dpo, activityInput({ assetIds: [asset.id] }));
      assert.deepEqual(
        (await ctx.services.register.asset(dpo.principal, asset.id)).activities.map((a) => a.id),
        [activity.id],
      );
      assert.deepEqual(
        (await ctx.services.register.activity(dpo.principal, activity.id)).assets.map((a) => a.name),
        ['Liquidlogic'],
      );
      await assert.rejects(
        ctx.services.register.saveActivity(dpo, activityInput({ assetIds: [asset.id, 999_999] })),
        ValidationError,
      );
    });

    it('exports the record of processing in the ICO template’s columns as CSV, Excel and PDF', async () => {
      const agent = await signedInAgent(ctx, 'dpo@test.example');
      const csv = await agent.get('/register/activities/export?format=csv');
      assert.equal(csv.status, 200);
      const rows: string[][] = parse(csv.text.replace(/^\uFEFF/, ''));
      assert.deepEqual(rows[0], [...ICO_ROPA_COLUMNS]);
      const care = rows.find((r) => r[1] === 'Assessing needs for care and support')!;
      assert.equal(
        care[ICO_ROPA_COLUMNS.indexOf('Article 6 lawful basis for processing personal data')],
        'Public task (Art 6(1)(e))',
      );
      assert.equal(
        care[ICO_ROPA_COLUMNS.indexOf('DPA 2018 Schedule 1 condition for processing')],
        'DPA 2018 Sch 1 Part 1 para 2 (Health or social care purposes)',
      );
      assert.ok(
        rows.some((r) => /Choose the condition for processing special category data/.test(r.at(-1)!)),
      );
      const xlsx = await agent.get('/register/activities/export?format=xlsx').responseType('blob');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.body as ArrayBuffer);
      assert.equal(workbook.worksheets[0]!.rowCount, rows.length);
      const pdf = await agent.get('/register/activities/export?format=pdf').responseType('blob');
      assert.equal((pdf.body as Buffer).subarray(0, 5).toString(), '%PDF-');
    });

    it('shows what discovery found in an asset’s folders beside what the register says, and the difference', async () => {
      const db = ctx.services.db;
      const [source] = await db.query<{ id: number }>(
        `insert into discovery_sources (name, root_path) values ('Share_1', '/srv/share_1') returning id`,
      );
      const file = (path: string, counts: Record<string, number>, gone = false) =>
        db.query(
          `insert into inventory_files (source_id, path, size, mtime, inode, pii_counts, read_in_scan, gone)
           values ($1, $2, 1, now(), '1', $3, 1, $4)`,
          [source!.id, path, JSON.stringify(counts), gone],
        );
      await file('/srv/share_1/Care/Assessments/a.docx', { ART9_HEALTH: 3, EMAIL: 1 });
      await file('/srv/share_1/Care/Assessments/b.docx', { ART9_HEALTH: 1 });
      await file('/srv/share_1/Care/Assessments/gone.docx', { ART10_CRIMINAL: 1 }, true);
      await file('/srv/share_1/Care/Other/c.docx', { ART10_CRIMINAL: 2 });
      // An underscore in the root is itself, not a wildcard: this share's files are not the asset's.
      await file('/srv/shareX1/Care/Assessments/d.docx', { ART9_ETHNICITY: 1 });
      const asset = await ctx.services.register.saveAsset(
        dpo,
        assetInput({ name: 'Care folders', locations: 'share_1: Care/Assessments/' }),
      );
      const shown = await ctx.services.register.asset(dpo.principal, asset.id);
      assert.deepEqual(shown.found, [
        { type: 'ART9_HEALTH', files: 2 },
        { type: 'EMAIL', files: 1 },
      ]);
      assert.deepEqual(shown.differences, [
        'The register says no health data; 2 files hold health indicators',
      ]);
      await assert.rejects(
        ctx.services.register.saveAsset(dpo, assetInput({ locations: 'No such share: Care' })),
        (e: unknown) => e instanceof ValidationError && /No such share/.test(e.message),
      );
    });

    it('shows a form again with its errors and keeps what was typed', async () => {
      const agent = await signedInAgent(ctx, 'dpo@test.example');
      const res = await submitForm(agent, '/register/activities/new', '/register/activities', {
        name: 'Parking permits',
        service: '',
        'nextReviewOn-day': '31',
        'nextReviewOn-month': '2',
        'nextReviewOn-year': '2027',
        article6: 'z',
        transfers: 'United States: standard contractual clauses',
        specialCategories: 'Health',
      });
      assert.equal(res.status, 400);
      assert.match(res.text, /Enter the service it belongs to/);
      assert.match(res.text, /as a real date/);
      assert.match(res.text, /Choose a lawful basis from the list/);
      assert.match(res.text, /value="Parking permits"/);
      assert.match(res.text, /value="Health" checked/);
    });

    const api = (token: string) => ({
      get: (path: string) => supertest(ctx.app).get(path).set('Authorization', `Bearer ${token}`),
      post: (path: string, body: object) =>
        supertest(ctx.app).post(path).set('Authorization', `Bearer ${token}`).send(body),
    });
    let officerToken: string;
    let auditorToken: string;
    it('adds, reads and changes an asset and an activity, refusing a stale change', async () => {
      const asset = await api(officerToken).post('/api/v1/assets', {
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
      const activity = await api(officerToken).post('/api/v1/activities', {
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
      const changed = await api(officerToken).post(`/api/v1/activities/${activity.body.id}`, {
        name: 'Care assessments',
        service: 'Adult social care',
        article9: 'h',
        nextReviewOn: '2027-06-30',
        version: 1,
      });
      assert.equal(changed.status, 200, changed.text);
      assert.equal(changed.body.version, 2);
      const stale = await api(officerToken).post(`/api/v1/activities/${activity.body.id}`, {
        name: 'Lost',
        service: 'Adult social care',
        nextReviewOn: '2027-06-30',
        version: 1,
      });
      assert.equal(stale.status, 409);
      assert.equal(
        (await api(auditorToken).get(`/api/v1/activities/${activity.body.id}`)).body.name,
        'Care assessments',
      );
    });

    it('refuses bad bodies with the fields named, and writes by those who may only read', async () => {
      const bad = await api(officerToken).post('/api/v1/agreements', {
        title: 'Backwards',
        tier: 'agreement',
        purpose: 'Testing',
        startsOn: '2026-06-01',
        endsOn: '2026-05-31',
        reviewOn: '2027-06-01',
      });
      assert.equal(bad.status, 400);
      assert.ok(bad.body.errors.endsOn);
      const forbidden = await api(auditorToken).post('/api/v1/assets', { name: 'Nope' });
      assert.equal(forbidden.status, 403);
      const agreements = await api(auditorToken).get('/api/v1/agreements');
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
