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
} from '../../../test/support/app.ts';
import { createCase } from '../../../test/support/factories.ts';
import { systemActor } from '../../platform/audit/service.ts';

/** What a new officer saw wrong in their first hour with the case pages, each put right. */
describe('case pages as a new officer reads them', () => {
  let ctx: TestContext;
  let officer: TestAgent;
  let place: number;
  let roads: number;
  const setup = systemActor('Test setup');

  before(async () => {
    ctx = await createTestContext('pglite');
    // Two directorates, so a page that names the wrong one shows it.
    await ctx.services.organisation.createDirectorate(setup, 'Adults’ Social Care');
    place = await ctx.services.organisation.createDirectorate(setup, 'Place');
    await ctx.services.organisation.createTeam(setup, ctx.directorateId, 'Payroll');
    roads = await ctx.services.organisation.createTeam(setup, place, 'Highways');
    officer = await signedInAgent(ctx, emailFor('requests_officer'));
  });
  after(() => ctx.close());

  const post = async (path: string, fields: Record<string, string | string[]>) => {
    const page = await officer.get('/');
    return officer
      .post(path)
      .type('form')
      .send(formBody({ _csrf: csrfFrom(page.text), ...fields }));
  };
  const act = async (id: number, action: string, fields: Record<string, string | string[]> = {}) => {
    const c = await ctx.services.requests.find(id);
    return post(`/requests/${id}/actions/${action}`, { version: String(c!.version), ...fields });
  };

  it('names the case’s own directorate and the team asked for a contribution', async () => {
    const c = await createCase(ctx);
    await act(c.id, 'allocate', { directorateId: String(place), teamId: String(roads) });
    await act(c.id, 'request-contribution', { teamId: String(roads), note: 'Gritting routes' });
    const page = await officer.get(`/requests/${c.id}`);
    assert.match(
      page.text,
      /<dt class="govuk-summary-list__key">\s*Directorate\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*Place, Highways/,
    );
    assert.doesNotMatch(page.text, /Adults’ Social Care, |Adults&#39; Social Care, /);
    assert.match(page.text, /<td class="govuk-table__cell">Highways<\/td>/);
  });

  it('offers a SAR only what data-protection law allows', async () => {
    const sar = await createCase(ctx, { type: 'sar' });
    await act(sar.id, 'allocate', { directorateId: String(ctx.directorateId) });
    const page = await officer.get(`/requests/${sar.id}`);
    for (const foiOnly of [
      'Refused: cost limit',
      'vexatious',
      'Neither confirm nor deny',
      'Public interest test',
      'Hours to comply',
      'Publish with the response in the disclosure log',
    ])
      assert.ok(!page.text.includes(foiOnly), `a SAR offers “${foiOnly}”`);
    assert.match(page.text, /Given in part/);
    assert.match(page.text, /What the response must also say \(Article 15\)/);
    assert.match(
      page.text,
      /Ask for a fee \(manifestly unfounded or excessive, or further copies; restarts the month\)/,
    );
    const foi = await createCase(ctx, { type: 'foi' });
    await act(foi.id, 'allocate', { directorateId: String(ctx.directorateId) });
    const foiPage = await officer.get(`/requests/${foi.id}`);
    assert.match(foiPage.text, /Refused: cost limit \(s\.12\)/);
    assert.match(foiPage.text, /Public interest test/);
  });

  it('refuses a contradictory outcome, and a date of receipt from before any of these laws', async () => {
    const c = await createCase(ctx);
    await act(c.id, 'allocate', { directorateId: String(ctx.directorateId) });
    const granted = await act(c.id, 'submit-for-approval', {
      outcome: 'granted',
      exemptions: ['s43(2)'],
      publicInterest: 'Weighed.',
      costEstimateHours: '-5',
      responseText: 'Here it is.',
    });
    assert.equal(granted.status, 400);
    assert.match(granted.text, /relies on no exemption/);
    assert.match(granted.text, /Enter the hours as a number from 0/);
    assert.equal((await ctx.services.requests.find(c.id))!.status, 'allocated');
    const old = await post('/requests/log', {
      type: 'foi',
      channel: 'post',
      subject: 'Old',
      description: 'An old letter.',
      requesterName: 'A Person',
      receivedOn: '1900-01-01',
    });
    assert.equal(old.status, 400);
    assert.match(old.text, /on or after 1 January 2000/);
  });

  it('accepts a fee written with a pound sign', async () => {
    const c = await createCase(ctx);
    const res = await act(c.id, 'issue-fee-notice', {
      amount: '£25',
      from: '2026-11-24',
      note: 'Pay online.',
    });
    assert.equal(res.status, 303);
    assert.equal((await ctx.services.requests.find(c.id))!.status, 'awaiting-fee');
  });

  it('says so when a request logged for acknowledgement has no address, and quotes the request whole', async () => {
    const res = await post('/requests/log', {
      type: 'foi',
      channel: 'post',
      subject: 'Traffic survey',
      description:
        'Please send the traffic survey counts for the junction of Mill Lane and the High Street between 2019 and 2024.',
      requesterName: 'A Person',
      requesterAddress: '1 Mill Lane',
      receivedOn: '2026-11-24',
      acknowledge: 'yes',
    });
    assert.equal(res.status, 303);
    const page = await officer.get(res.headers.location!);
    assert.match(page.text, /No acknowledgement was sent: there is no email address/);
    const anonymous = supertest.agent(ctx.app);
    // Each page's token is fetched before the post is built, so the post carries the cookie the page set.
    const submit = async (path: string, fields: Record<string, string>) => {
      const token = csrfFrom((await anonymous.get(path)).text);
      return anonymous
        .post(path)
        .type('form')
        .send({ _csrf: token, ...fields });
    };
    const description =
      'Please send the traffic survey counts for the junction of Mill Lane and the High Street between 2019 and 2024, by month.';
    await submit('/requests/new', { type: 'foi' });
    await submit('/requests/new/details', { description });
    await submit('/requests/new/contact', { requesterName: 'Pat', requesterEmail: 'pat@example.com' });
    await submit('/requests/new/check', {});
    const done = await anonymous.get('/requests/new/done');
    assert.match(
      done.text,
      /this service is not sending emails at the moment/,
      'no SMTP server is set in the test',
    );
    assert.doesNotMatch(done.text, /We have sent these details/);
    const [letter] = await ctx.database.db.query<{ body: string; subject: string }>(
      "select body, subject from outbox where to_address = 'pat@example.com'",
    );
    assert.ok(letter!.body.includes(`"${description}"`), 'the acknowledgement quotes the request whole');
    const [made] = await ctx.database.db.query<{ subject: string }>(
      "select subject from request_cases where requester_email = 'pat@example.com'",
    );
    assert.equal(
      made!.subject,
      'Please send the traffic survey counts for the junction of Mill Lane and the High…',
    );
  });

  it('shows no date to respond by while the clock is stopped, nor counts the case overdue', async () => {
    const c = await createCase(ctx, { receivedOn: '2026-10-01' });
    await act(c.id, 'request-clarification', { note: 'Which roads?' });
    const page = await officer.get(`/requests/${c.id}`);
    assert.match(page.text, /No date while the clock is stopped/);
    assert.doesNotMatch(page.text, /<strong>[A-Za-z]+day \d+ [A-Za-z]+ \d{4}<\/strong>/);
    const overdue = await officer.get('/requests?view=overdue');
    assert.ok(!overdue.text.includes(c.reference), 'a case waiting on the requester is not overdue');
  });

  it('writes counts as a person would: 1 case is, 2 cases are', async () => {
    const late = await createCase(ctx, { receivedOn: '2026-10-01' });
    await act(late.id, 'allocate', { directorateId: String(ctx.directorateId) });
    const dpo = await signedInAgent(ctx, emailFor('dpo'));
    assert.match((await dpo.get('/')).text, /<strong>1<\/strong> case is overdue/);
    const later = await createCase(ctx, { receivedOn: '2026-10-02' });
    await act(later.id, 'allocate', { directorateId: String(ctx.directorateId) });
    assert.match((await dpo.get('/')).text, /<strong>2<\/strong> cases are overdue/);
  });
});
