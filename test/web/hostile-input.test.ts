import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import supertest from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import {
  createTestContext,
  csrfFrom,
  emailFor,
  formBody,
  signedInAgent,
  type TestContext,
} from '../support/app.ts';
import { createCase } from '../support/factories.ts';
import { systemActor } from '../../src/platform/audit/service.ts';

/** The inputs found answering 500 when the product was probed from outside; each must be a 400 or 404 now. */
describe('hostile input found by probing', () => {
  let ctx: TestContext;
  let officer: TestAgent;
  let admin: TestAgent;
  let caseId: number;
  let token: string;

  before(async () => {
    ctx = await createTestContext('pglite');
    officer = await signedInAgent(ctx, emailFor('requests_officer'));
    admin = await signedInAgent(ctx, emailFor('admin'));
    caseId = (await createCase(ctx)).id;
    token = (
      await ctx.services.apiTokens.create(systemActor('Test'), {
        name: 't',
        role: 'admin',
        directorateId: null,
      })
    ).token;
  });
  after(() => ctx.close());

  it('answers a NUL in a search or a filter with 400, not 500', async () => {
    for (const path of [
      '/disclosure-log?q=%00',
      '/requests?q=%00',
      '/audit?entityId=%00',
      '/requests?q=a%00b',
    ]) {
      const agent = path.startsWith('/audit') ? admin : officer;
      const res = await agent.get(path);
      assert.equal(res.status, 400, path);
      assert.match(res.text, /There is a problem with your request/);
    }
  });

  it('answers a NUL in any field of the public request form with 400, keeping nothing', async () => {
    const anonymous = supertest.agent(ctx.app);
    const page = await anonymous.get('/requests/new');
    const res = await anonymous
      .post('/requests/new')
      .type('form')
      .send(formBody({ _csrf: csrfFrom(page.text), type: 'foi\u0000' }));
    assert.equal(res.status, 400);
  });

  it('answers ids beyond an integer column, Infinity and NaN with 404', async () => {
    for (const path of [
      '/admin/users/99999999999',
      '/admin/users/2147483648',
      `/requests/${caseId}/files/1e400`,
      '/requests/99999999999',
      '/requests/NaN',
      '/requests/Infinity',
      '/requests/1e3',
    ]) {
      const agent = path.startsWith('/admin') ? admin : officer;
      assert.equal((await agent.get(path)).status, 404, path);
    }
    const api = await supertest(ctx.app).get('/api/v1/users/abc').set('Authorization', `Bearer ${token}`);
    assert.equal(api.status, 404);
    assert.equal(api.body.status, 404);
  });

  it('refuses allocation to a directorate beyond an integer column as a form error', async () => {
    const page = await officer.get(`/requests/${caseId}`);
    const res = await officer
      .post(`/requests/${caseId}/actions/allocate`)
      .type('form')
      .send(formBody({ _csrf: csrfFrom(page.text), version: '1', directorateId: '99999999999' }));
    assert.equal(res.status, 400);
    assert.match(res.text, /Choose a directorate/);
    const bulk = await officer
      .post('/requests/allocate')
      .type('form')
      .send(formBody({ _csrf: csrfFrom(page.text), caseIds: String(caseId), directorateId: '99999999999' }));
    assert.ok(bulk.status < 500, `bulk allocation answered ${bulk.status}`);
  });

  it('answers a malformed multipart body and a NUL in a file name with 400', async () => {
    const page = await officer.get(`/requests/${caseId}`);
    const csrf = encodeURIComponent(csrfFrom(page.text));
    const malformed = await officer
      .post(`/requests/${caseId}/attachments?_csrf=${csrf}`)
      .set('Content-Type', 'multipart/form-data; boundary=x')
      .send('--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nno end');
    assert.equal(malformed.status, 400);
    const nul = await officer
      .post(`/requests/${caseId}/attachments?_csrf=${csrf}`)
      .field('version', '1')
      .attach('file', Buffer.from('hello'), { filename: 'a\u0000b.txt', contentType: 'text/plain' });
    assert.equal(nul.status, 400);
  });

  it('answers records pages given numbers no record can have with a form error or 404', async () => {
    const manager = await signedInAgent(ctx, emailFor('records_manager'));
    for (const path of [
      '/records/holds/99999999999',
      '/records/disposal/DL-2026-99999999',
      '/records/disposal/DL-2026-0001/certificate.exe',
      '/records/classification/1e99/remove',
    ])
      assert.equal((await manager.get(path)).status, 404, path);
    const form = await manager.get('/records/holds/new');
    const res = await manager
      .post('/records/holds')
      .type('form')
      .send(
        formBody({ _csrf: csrfFrom(form.text), name: 'Claim', reason: 'A claim', itemIds: '99999999999999' }),
      );
    assert.equal(res.status, 400);
    assert.match(res.text, /There is no record 99999999999999 on the schedule/);
  });
});
