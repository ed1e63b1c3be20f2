import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import supertest from 'supertest';
import {
  createTestContext,
  csrfFrom,
  emailFor,
  formBody,
  signedInAgent,
  submitForm,
  type TestContext,
} from '../../../test/support/app.ts';
import { DATABASE_KINDS } from '../../../test/support/databases.ts';
import { caseInStatus } from '../../../test/support/factories.ts';
import { filledIn, formsOf } from '../../../test/support/forms.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { outbox } from '../../platform/mail/schema.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

for (const kind of DATABASE_KINDS) {
  describe(`request pages and API on ${kind}`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await createTestContext(kind, new Date('2026-11-25T10:00:00Z'), { maxUploadBytes: 64 * 1024 });
    });
    after(() => ctx.close());

    it('takes a member of the public through the request form, one question a page', async () => {
      const agent = supertest.agent(ctx.app);
      const start = await agent.get('/requests/new');
      assert.equal(start.status, 200);
      const noType = await agent
        .post('/requests/new')
        .type('form')
        .send({ _csrf: csrfFrom(start.text) });
      assert.equal(noType.status, 400);
      assert.match(noType.text, /Choose the kind of request/);
      assert.equal(
        (
          await agent
            .post('/requests/new')
            .type('form')
            .send({ _csrf: csrfFrom(start.text), type: 'foi' })
        ).headers.location,
        '/requests/new/details',
      );
      const short = await agent
        .post('/requests/new/details')
        .type('form')
        .send({ _csrf: csrfFrom(start.text), description: 'Too short' });
      assert.equal(short.status, 400);
      assert.match(short.text, /Too short/, 'what was typed is kept');
      await agent
        .post('/requests/new/details')
        .type('form')
        .send({
          _csrf: csrfFrom(start.text),
          description: 'How much did the council spend on agency staff in 2025?',
        });
      const badEmail = await agent
        .post('/requests/new/contact')
        .type('form')
        .send({ _csrf: csrfFrom(start.text), requesterName: 'Pat Public', requesterEmail: 'pat@' });
      assert.equal(badEmail.status, 400);
      assert.match(badEmail.text, /correct format/);
      await agent
        .post('/requests/new/contact')
        .type('form')
        .send({
          _csrf: csrfFrom(start.text),
          requesterName: 'Pat Public',
          requesterEmail: 'pat@example.com',
        });
      const check = await agent.get('/requests/new/check');
      assert.match(check.text, /agency staff/);
      const sent = await agent
        .post('/requests/new/check')
        .type('form')
        .send({ _csrf: csrfFrom(check.text) });
      assert.equal(sent.headers.location, '/requests/new/done');
      const done = await agent.get('/requests/new/done');
      const reference = /id="reference">([^<]+)</.exec(done.text)![1]!;
      assert.match(reference, /^FOI-2026-\d{5}$/);
      assert.match(
        done.text,
        /24 December 2026/,
        '20 working days from 25 November 2026, St Andrew’s Day skipped',
      );
      const mail = await ctx.database.db.orm.select().from(outbox);
      const ack = mail.find((m) => m.toAddress === 'pat@example.com')!;
      assert.match(ack.body, new RegExp(reference));
      assert.match(ack.body, /Thursday 24 December 2026/);
      assert.equal((await agent.get('/requests/new/done')).status, 200);
      assert.equal(
        (await supertest(ctx.app).get('/requests/new/check')).headers.location,
        '/requests/new',
        'nothing to check in a fresh session',
      );
    });

    it('lets an officer log a request, keeping what was typed when it is wrong', async () => {
      const officer = await signedInAgent(ctx, emailFor('requests_officer'));
      const bad = await submitForm(officer, '/requests/log', '/requests/log', {
        type: 'foi',
        channel: 'email',
        receivedOn: '2026-02-30',
        subject: 'Kept subject',
        description: '',
        requesterName: '',
      });
      assert.equal(bad.status, 400);
      assert.match(bad.text, /real date/);
      assert.match(bad.text, /Enter the request/);
      assert.match(bad.text, /value="Kept subject"/);
      const future = await submitForm(officer, '/requests/log', '/requests/log', {
        type: 'foi',
        channel: 'email',
        receivedOn: '2026-12-01',
        subject: 'x',
        description: 'x',
        requesterName: 'x',
      });
      assert.equal(future.status, 400);
      assert.match(future.text, /cannot be in the future/);
      const ok = await submitForm(officer, '/requests/log', '/requests/log', {
        type: 'eir',
        channel: 'post',
        receivedOn: '2026-11-20',
        subject: 'Noise complaints',
        description: 'Noise complaints by ward',
        requesterName: 'Sam Resident',
      });
      assert.equal(ok.status, 303);
      const page = await officer.get(ok.headers.location!);
      assert.match(page.text, /Noise complaints/);
      assert.match(page.text, /21 December 2026/);
    });

    it('refuses a save from a stale page with a message, and keeps the newer save', async () => {
      const officer = await signedInAgent(ctx, emailFor('requests_officer'));
      const c = await ctx.services.requests.create(systemActor(), {
        type: 'foi',
        channel: 'email',
        subject: 'Stale test',
        description: 'x',
        requesterName: 'x',
        receivedOn: '2026-11-24',
      });
      const pageA = await officer.get(`/requests/${c.id}`);
      const pageB = await officer.get(`/requests/${c.id}`);
      const version = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;
      const first = await officer
        .post(`/requests/${c.id}/actions/request-clarification`)
        .type('form')
        .send({ _csrf: csrfFrom(pageA.text), version: version(pageA.text), note: 'Which year?' });
      assert.equal(first.status, 303);
      const second = await officer
        .post(`/requests/${c.id}/actions/allocate`)
        .type('form')
        .send({
          _csrf: csrfFrom(pageB.text),
          version: version(pageB.text),
          directorateId: String(ctx.directorateId),
        });
      assert.equal(second.status, 409);
      assert.match(second.text, /Someone else changed this case/);
      assert.equal((await ctx.services.requests.find(c.id))!.status, 'awaiting-clarification');
    });

    it('checks uploads by content and size, and publishes public files with the response', async () => {
      const officer = await signedInAgent(ctx, emailFor('requests_officer'));
      const c = await ctx.services.requests.create(systemActor(), {
        type: 'foi',
        channel: 'email',
        subject: 'Budget book',
        description: 'x',
        requesterName: 'x',
        receivedOn: '2026-11-24',
      });
      const page = await officer.get(`/requests/${c.id}`);
      const token = csrfFrom(page.text);
      const upload = (name: string, content: Buffer, isPublic = false) => {
        let req = officer
          .post(`/requests/${c.id}/attachments?_csrf=${encodeURIComponent(token)}`)
          .attach('file', content, name);
        if (isPublic) req = req.field('public', 'yes');
        return req;
      };
      const disguised = await upload('report.pdf', Buffer.from('MZ\x90\x00 this is really a program'));
      assert.equal(disguised.status, 400);
      assert.match(disguised.text, /must be a PDF, Word/);
      const wrongName = await upload('budget.docx', PDF);
      assert.equal(wrongName.status, 400);
      assert.match(wrongName.text, /contents are application\/pdf/);
      const huge = await upload('big.pdf', Buffer.concat([PDF, Buffer.alloc(70 * 1024)]));
      assert.equal(huge.status, 400);
      assert.match(huge.text, /smaller than/);
      const noToken = await officer.post(`/requests/${c.id}/attachments`).attach('file', PDF, 'budget.pdf');
      assert.equal(noToken.status, 403);
      assert.equal(
        (await ctx.services.attachments.list(c.id)).length,
        0,
        'nothing stored from refused uploads',
      );
      assert.equal((await upload('budget.pdf', PDF, true)).status, 303);
      assert.equal((await upload('notes.txt', Buffer.from('internal notes\n'))).status, 303);
      const [pdf, notes] = await ctx.services.attachments.list(c.id);
      const download = await officer.get(`/requests/${c.id}/files/${pdf!.id}`);
      assert.equal(download.headers['content-disposition'], 'attachment; filename="budget.pdf"');
      assert.deepEqual(Buffer.from(download.body as Buffer), PDF);

      const ig = {
        kind: 'user' as const,
        id: ctx.userIds.ig_officer,
        label: 'IG',
        grants: [{ role: 'ig_officer' as const, directorateId: null }],
      };
      const actor = systemActor();
      let x = (await ctx.services.requests.find(c.id))!;
      for (const [action, input] of [
        ['allocate', { directorateId: ctx.directorateId }],
        ['submit-for-approval', { outcome: 'granted', responseText: 'Attached.' }],
        ['approve', {}],
        ['respond', { on: '2026-11-25' }],
        ['publish', { title: 'Budget book 2026', response: 'The budget book is attached.' }],
      ] as const)
        x = await ctx.services.requests.act({ principal: ig, actor }, x.id, x.version, action, input);
      const publicPage = await supertest(ctx.app).get(`/disclosure-log/${c.reference}`);
      assert.match(publicPage.text, /Budget book 2026/);
      assert.match(publicPage.text, /budget\.pdf/);
      assert.doesNotMatch(publicPage.text, /notes\.txt/, 'files not marked public stay private');
      assert.equal(
        (await supertest(ctx.app).get(`/disclosure-log/${c.reference}/files/${pdf!.id}`)).status,
        200,
      );
      assert.equal(
        (await supertest(ctx.app).get(`/disclosure-log/${c.reference}/files/${notes!.id}`)).status,
        404,
      );
      assert.match((await supertest(ctx.app).get('/disclosure-log?q=budget')).text, /Budget book 2026/);
      assert.doesNotMatch(
        (await supertest(ctx.app).get('/disclosure-log?q=nothing-like-this')).text,
        /Budget book 2026/,
      );
    });

    it('manages the publication scheme and shows it to the public', async () => {
      const ig = await signedInAgent(ctx, emailFor('ig_officer'));
      const bad = await submitForm(ig, '/publication-scheme/manage', '/publication-scheme/entries', {
        classCode: 'decisions',
        title: 'Minutes',
        url: 'javascript:alert(1)',
      });
      assert.equal(bad.status, 400);
      assert.match(bad.text, /starting https:\/\/ or a path/);
      assert.equal(
        (
          await submitForm(ig, '/publication-scheme/manage', '/publication-scheme/entries', {
            classCode: 'decisions',
            title: 'Cabinet minutes',
            url: 'https://democracy.example.gov.uk/',
          })
        ).status,
        303,
      );
      assert.equal(
        (
          await submitForm(ig, '/publication-scheme/manage', '/publication-scheme/datasets/spend-over-500', {
            lastPublishedOn: '2026-10-31',
            url: 'https://data.example.gov.uk/spend',
          })
        ).status,
        303,
      );
      const page = await supertest(ctx.app).get('/publication-scheme');
      assert.match(page.text, /Cabinet minutes/);
      assert.match(page.text, /31 October 2026/);
      assert.match(page.text, /Who we are and what we do/);
    });

    it('shows reports with numbers and exports them', async () => {
      const dpo = await signedInAgent(ctx, emailFor('dpo'));
      const page = await dpo.get('/requests/reports');
      assert.equal(page.status, 200);
      assert.match(page.text, /<svg[^>]+role="img"/);
      assert.match(page.text, /Quarterly statistics/);
      const csv = await dpo.get('/requests/reports/quarterly.csv');
      assert.match(csv.text, /^quarter,received,responded,inTime/);
      assert.match(csv.text, /2026 Q4/);
      assert.equal(
        (await (await signedInAgent(ctx, emailFor('staff'))).get('/requests/reports')).status,
        403,
      );
    });

    it('offers the same through the API', async () => {
      const token = (
        await ctx.services.apiTokens.create(systemActor(), {
          name: 'web',
          role: 'requests_officer',
          directorateId: null,
        })
      ).token;
      const api = supertest(ctx.app);
      const created = await api.post('/api/v1/requests').set('Authorization', `Bearer ${token}`).send({
        type: 'sar',
        description: 'Please send me my council tax records.',
        requesterName: 'Api Person',
        requesterEmail: 'api.person@example.com',
      });
      assert.equal(created.status, 201);
      assert.equal(created.body.type, 'sar');
      assert.equal(
        created.body.dueOn,
        '2026-12-29',
        'one month: 25 December 2026, then past Christmas and the Boxing Day substitute',
      );
      assert.equal(created.body.status, 'acknowledged');
      const bad = await api
        .post('/api/v1/requests')
        .set('Authorization', `Bearer ${token}`)
        .send({ type: 'xyz', description: 'short' });
      assert.equal(bad.status, 400);
      assert.ok(JSON.parse(bad.text).errors.type);
      const list = await api
        .get('/api/v1/requests?view=all&type=sar')
        .set('Authorization', `Bearer ${token}`);
      assert.ok(list.body.requests.some((r: { id: number }) => r.id === created.body.id));
      const read = await api
        .get(`/api/v1/requests/${created.body.id}`)
        .set('Authorization', `Bearer ${token}`);
      assert.equal(read.body.reference, created.body.reference);
      const doc = await api.get('/api/v1/openapi.json');
      assert.ok(doc.body.paths['/api/v1/requests'].post);
      assert.ok(doc.body.paths['/api/v1/requests/{id}'].get);
    });

    it('lets the IG team keep the SAR systems list and the targets, and uses the targets in reports', async () => {
      const ig = await signedInAgent(ctx, emailFor('ig_officer'));
      assert.equal(
        (
          await submitForm(ig, '/requests/settings', '/requests/settings/systems', {
            name: 'Housing management system',
          })
        ).status,
        303,
      );
      const dup = await submitForm(ig, '/requests/settings', '/requests/settings/systems', {
        name: 'Housing management system',
      });
      assert.equal(dup.status, 400);
      assert.match(dup.text, /already on the list/);
      const bad = await submitForm(
        ig,
        '/requests/settings',
        `/requests/settings/targets/${ctx.directorateId}`,
        { foiPercent: '120', sarPercent: '90' },
      );
      assert.equal(bad.status, 400);
      assert.match(bad.text, /from 50 to 100/);
      assert.equal(
        (
          await submitForm(ig, '/requests/settings', `/requests/settings/targets/${ctx.directorateId}`, {
            foiPercent: '90',
            sarPercent: '85',
          })
        ).status,
        303,
      );
      const targets = await ctx.services.requestSettings.targets();
      assert.deepEqual(
        targets.find((t) => t.directorateId === ctx.directorateId),
        { directorateId: ctx.directorateId, name: 'Resources', foiPercent: 90, sarPercent: 85 },
      );
      const system = (await ctx.services.requestSettings.systems()).find(
        (s) => s.name === 'Housing management system',
      );
      assert.equal(
        (await submitForm(ig, '/requests/settings', `/requests/settings/systems/${system!.id}/retire`, {}))
          .status,
        303,
      );
      assert.equal(
        (await ctx.services.requestSettings.systems()).find((s) => s.id === system!.id)?.active,
        false,
        'a retired system is not offered for new searches',
      );
      assert.equal(
        (await (await signedInAgent(ctx, emailFor('requests_officer'))).get('/requests/settings')).status,
        403,
      );
    });

    it('takes every case form as a browser sends it, with the selects nobody chose left as they are', async () => {
      const dpo = await signedInAgent(ctx, emailFor('dpo'));
      const formOn = async (caseId: number, action: string) =>
        formsOf((await dpo.get(`/requests/${caseId}`)).text).find((f) => f.action === action);
      for (const [status, type] of [
        ['acknowledged', 'foi'],
        ['allocated', 'foi'],
        ['allocated', 'sar'],
        ['approval', 'foi'],
        ['responded', 'foi'],
      ] as const) {
        const c = await caseInStatus(ctx, status, { type });
        const actions = formsOf((await dpo.get(`/requests/${c.id}`)).text)
          .filter((f) => f.action.includes('/actions/'))
          .map((f) => f.action);
        assert.ok(actions.length > 1, `forms on a ${type} case ${status}`);
        for (const action of actions) {
          // From a fresh page each time: a saved action moves the version on, and may take its neighbours away.
          const form = await formOn(c.id, action);
          if (!form) continue;
          const res = await dpo.post(action).type('form').send(filledIn(form));
          assert.ok(
            [303, 400].includes(res.status),
            `${action} on a ${type} case ${status} gave ${res.status}`,
          );
          if (res.status === 400) assert.match(res.text, /govuk-error-summary/);
        }
      }

      const c = await caseInStatus(ctx, 'acknowledged');
      const allocate = (await formOn(c.id, `/requests/${c.id}/actions/allocate`))!;
      const res = await dpo
        .post(allocate.action)
        .type('form')
        .send(filledIn(allocate, { directorateId: String(ctx.directorateId) }));
      assert.equal(res.status, 303, 'a directorate is enough: no team and no officer yet');
      assert.equal((await ctx.services.requests.find(c.id))!.status, 'allocated');

      const waiting = await caseInStatus(ctx, 'acknowledged');
      const bulk = formsOf((await dpo.get('/requests?view=all')).text).find(
        (f) => f.action === '/requests/allocate',
      )!;
      const many = await dpo
        .post(bulk.action)
        .type('form')
        .send(filledIn(bulk, { caseIds: String(waiting.id), directorateId: String(ctx.directorateId) }));
      assert.equal(many.status, 303);
      assert.equal((await ctx.services.requests.find(waiting.id))!.status, 'allocated');
    });

    it('keeps the form answers a person gives, as a browser sends them', () => {
      assert.equal(formBody({ a: ['1', '2'], b: 'x' }), 'a=1&a=2&b=x');
    });
  });
}
