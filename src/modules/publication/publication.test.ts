import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type TestAgent from 'supertest/lib/agent.js';
import supertest from 'supertest';
import {
  createTestContext,
  emailFor,
  signedInAgent,
  submitForm,
  type TestContext,
} from '../../../test/support/app.ts';

describe('publication scheme links', () => {
  let ctx: TestContext;
  let officer: TestAgent;
  before(async () => {
    ctx = await createTestContext('pglite');
    officer = await signedInAgent(ctx, emailFor('requests_officer'));
  });
  after(() => ctx.close());

  const addEntry = (url: string) =>
    submitForm(officer, '/publication-scheme/manage', '/publication-scheme/entries', {
      classCode: 'who-we-are',
      title: 'Our constitution',
      url,
    });
  const recordDataset = (url: string) =>
    submitForm(officer, '/publication-scheme/manage', '/publication-scheme/datasets/spend-over-500', {
      lastPublishedOn: '2026-11-01',
      url,
    });

  it('refuses a scheme entry or dataset linking to script, data or another site', async () => {
    for (const url of [
      'javascript:alert(document.cookie)',
      'JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      '//evil.example.com/x',
      '/\\evil.example.com',
      'http://insecure.example.com/budget',
      'https://user:pass@example.com/',
      '/path with space',
    ]) {
      const entry = await addEntry(url);
      assert.equal(entry.status, 400, `entry ${url}`);
      assert.match(entry.text, /Enter a web address starting https:\/\/ or a path on this site/);
      const dataset = await recordDataset(url);
      assert.equal(dataset.status, 400, `dataset ${url}`);
    }
    const page = await supertest(ctx.app).get('/publication-scheme');
    assert.ok(!/href="(javascript|data|\/\/)/i.test(page.text));
  });

  it('accepts https addresses and paths on this site', async () => {
    assert.equal((await addEntry('https://www.kingsmere.gov.example/budget')).status, 303);
    assert.equal((await addEntry('/disclosure-log')).status, 303);
    assert.equal((await recordDataset('https://www.kingsmere.gov.example/spending.csv')).status, 303);
    const page = await supertest(ctx.app).get('/publication-scheme');
    assert.match(page.text, /href="https:\/\/www.kingsmere.gov.example\/spending.csv"/);
  });
});
