import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import supertest from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import {
  createTestContext,
  csrfFrom,
  emailFor,
  formBody,
  PASSWORD,
  signedInAgent,
  type TestContext,
} from '../support/app.ts';
import { systemActor } from '../../src/platform/audit/service.ts';
import { runScan } from '../../src/discovery/scan.ts';

/**
 * Markup that would take over the page if it were not escaped: it closes the summary list it lands in, opens a form
 * posting to a case action (which would capture the next form's CSRF token), and redirects the reader away.
 */
const MARKUP =
  'x</dd></div></dl></pre><form data-injected action="/requests/1/actions/submit-for-approval" method="post">' +
  '<button data-injected>Allocate</button></form><meta data-injected http-equiv="refresh" content="0;url=https://evil.example">' +
  '<i data-injected>';

/** The same in under 100 characters, for names and other short fields. */
const SHORT = '</dd></dl><i data-injected>x</i><meta data-injected http-equiv="refresh" content="0">';

/** Elements carrying the marker, or meta refreshes in the page: anything the page's own templates did not put there. */
function injectedElements(html: string): string[] {
  const found: string[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      if ('data-injected' in attributes || (name === 'meta' && attributes['http-equiv']))
        found.push(`<${name} ${JSON.stringify(attributes)}>`);
    },
  });
  parser.write(html);
  parser.end();
  return found;
}

describe('free text shown on pages is text, never markup', () => {
  let ctx: TestContext;
  let dpo: TestAgent;
  let admin: TestAgent;
  let caseId: number;
  let reference: string;
  let userId: number;
  let sourceId: number;
  let share: string;

  const post = async (agent: TestAgent, action: string, fields: Record<string, string | string[]>) => {
    const page = await agent.get('/');
    const res = await agent
      .post(action)
      .type('form')
      .send(formBody({ _csrf: csrfFrom(page.text), ...fields }));
    assert.ok(res.status === 303, `${action} answered ${res.status}: ${res.text.slice(0, 300)}`);
    return res;
  };
  const version = async () => (await ctx.services.requests.find(caseId))!.version;
  const act = async (action: string, fields: Record<string, string | string[]> = {}) =>
    post(dpo, `/requests/${caseId}/actions/${action}`, { version: String(await version()), ...fields });

  before(async () => {
    ctx = await createTestContext('pglite');
    const setup = systemActor('Test setup');
    // Names of people, places and teams with markup in them, shown on many pages.
    const directorateId = await ctx.services.organisation.createDirectorate(setup, `Housing ${SHORT}`);
    const teamId = await ctx.services.organisation.createTeam(setup, directorateId, `Lettings ${SHORT}`);
    userId = await ctx.services.users.create(setup, {
      email: 'markup.person@test.example',
      displayName: `Pat ${SHORT}`,
      jobTitle: `Officer ${SHORT}`,
      password: PASSWORD,
      grants: [{ role: 'dpo', directorateId: null }],
      teamIds: [teamId],
    });
    dpo = await signedInAgent(ctx, 'markup.person@test.example');
    admin = await signedInAgent(ctx, emailFor('admin'));
    await ctx.services.requestSettings.addSystem(setup, `Social care ${SHORT}`);

    // A case with markup in every free-text field, taken through each action that records free text.
    await post(dpo, '/requests/log', {
      type: 'foi',
      channel: 'email',
      subject: `Spending ${MARKUP}`,
      description: `Please send ${MARKUP}`,
      requesterName: `Sam ${SHORT}`,
      requesterEmail: 'sam@example.com',
      requesterAddress: `1 High Street ${MARKUP}`,
      receivedOn: '2026-11-20',
      pressInterest: 'yes',
    });
    const created = (
      await ctx.services.requests.list(
        (await ctx.services.signIn.principalFor(userId))!,
        { view: 'all' },
        { limit: 1, offset: 0 },
      )
    ).rows[0]!;
    caseId = created.id;
    reference = created.reference;
    await act('allocate', {
      directorateId: String(directorateId),
      teamId: String(teamId),
      assigneeId: String(userId),
    });
    await act('request-contribution', { teamId: String(teamId), note: `Figures ${MARKUP}` });
    await act('extend', { exemptions: ['s43(2)'], note: `Consulting ${MARKUP}` });
    await act('submit-for-approval', {
      outcome: 'part-granted',
      exemptions: ['s43(2)'],
      publicInterest: `Balance ${MARKUP}`,
      responseText: `Here you are ${MARKUP}`,
    });
    await act('record-press-sight');
    await act('approve');
    await act('respond', { on: '2026-11-25' });
    await act('publish', { title: `Published ${MARKUP}`, response: `Published response ${MARKUP}` });
    await act('record-ico', { reference: `FS50 ${SHORT}`, icoOutcome: '' });
    await post(dpo, '/publication-scheme/entries', {
      classCode: 'who-we-are',
      title: `Constitution ${MARKUP}`,
      description: `About us ${MARKUP}`,
      url: '/disclosure-log',
    });

    // A file share whose folder and file names carry markup.
    share = fs.mkdtempSync(path.join(os.tmpdir(), 'custodian-markup-'));
    const folder = path.join(share, '<i data-injected>Adults');
    fs.mkdirSync(folder);
    fs.writeFileSync(
      path.join(folder, '<meta data-injected http-equiv=refresh>.txt'),
      'Dear Mrs Jones, NHS 943 476 5919.',
    );
    await runScan(ctx.services, setup, {
      source: `Share ${SHORT}`,
      root: share,
      findingKey: Buffer.alloc(32, 2),
    });
    sourceId = (await ctx.services.inventory.sources())[0]!.id;
  });
  after(async () => {
    await ctx.close();
    fs.rmSync(share, { recursive: true, force: true });
  });

  it('escapes it on every page that shows it', async () => {
    const files = await dpo.get(`/discovery/sources/${sourceId}/files`);
    const fileLink = /href="(\/discovery\/sources\/\d+\/file\?path=[^"]+)"/
      .exec(files.text)![1]!
      .replace(/&amp;/g, '&');
    const pages: [TestAgent, string][] = [
      [dpo, `/requests/${caseId}`],
      [dpo, '/requests?view=all'],
      [dpo, '/requests/reports'],
      [dpo, '/requests/settings'],
      [dpo, '/'],
      [dpo, '/audit'],
      [dpo, '/publication-scheme/manage'],
      [dpo, '/discovery'],
      [dpo, `/discovery/sources/${sourceId}`],
      [dpo, `/discovery/sources/${sourceId}/files`],
      [dpo, fileLink],
      [admin, '/admin/users'],
      [admin, `/admin/users/${userId}`],
      [admin, `/admin/users/${userId}/edit`],
      [admin, '/admin/organisation'],
      [supertest.agent(ctx.app), '/disclosure-log'],
      [supertest.agent(ctx.app), `/disclosure-log/${reference}`],
      [supertest.agent(ctx.app), '/publication-scheme'],
    ];
    const problems: string[] = [];
    for (const [agent, page] of pages) {
      const res = await agent.get(page);
      assert.equal(res.status, 200, `${page} answered ${res.status}`);
      assert.ok(res.text.includes('data-injected'), `${page} shows the text at all`);
      for (const element of injectedElements(res.text)) problems.push(`${page}: ${element}`);
    }
    assert.deepEqual(problems, []);
  });
});
