import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { SCHEDULE_COLUMNS } from '../../src/domain/records/schedule.ts';

describe('custodian retention', () => {
  let dir: string;
  let server: TestDatabase;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodian-retention-'));
    server = await createTestDatabase('postgresql');
  });
  after(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await server.close();
  });

  it('answers a batch line for line, in order, reporting bad lines and carrying on', async () => {
    const input = [
      '{"trigger":"2019-07-14","period":"P6Y","from":"financial-year-end"}',
      '{"trigger":"2020-02-29","period":"P1Y1M"}',
      'not json',
      '{"trigger":"2019-02-30","period":"P6Y"}',
      '{"trigger":"2019-07-14","period":"permanent","from":"calendar-year-end"}',
      '{"trigger":"2019-07-14","period":"P6Y","from":"april"}',
      '{"trigger":"2019-07-14","period":"-P6Y"}',
      '{"trigger":"2019-08-31","period":"P6M"}',
    ].join('\n');
    const res = await runCli(['retention', 'until', '--batch', '-'], { DATABASE_URL: '' }, `${input}\n`);
    assert.equal(res.code, 0, res.stderr);
    const lines = res.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(lines[0], { until: '2026-03-31' });
    assert.deepEqual(lines[1], { until: '2021-03-29' });
    assert.match(lines[2].error, /not a JSON object/);
    assert.match(lines[3].error, /trigger: a real date/);
    assert.deepEqual(lines[4], { until: null });
    assert.match(lines[5].error, /from/);
    assert.match(lines[6].error, /cannot be negative/);
    assert.deepEqual(lines[7], { until: '2020-02-29' });
    assert.equal(lines.length, 8);
  });

  it('imports a schedule into the database and exports it again, refusing a bad file whole', async () => {
    const env = { CUSTODIAN_DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '' };
    const file = path.join(dir, 'schedule.csv');
    fs.writeFileSync(
      file,
      [
        SCHEDULE_COLUMNS.join(','),
        'HSG-01,Housing,Homelessness,Homelessness records,closure,P6Y,trigger,destroy,Common practice,,yes,yes,',
        'FIN-01,Finance,Accounting,Budgets,last-modified,P6Y,financial-year-end,destroy,Local Government Act 2003,https://www.legislation.gov.uk/ukpga/2003/26,no,no,',
      ].join('\n'),
    );
    const imported = await runCli(['retention', 'import', file], env);
    assert.equal(imported.code, 0, imported.stderr);
    assert.equal(imported.stdout, '2 added, 0 changed, 0 unchanged\n');
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(
      bad,
      `${SCHEDULE_COLUMNS.join(',')}\nX-1,Finance,,Things,closure,P1Y,trigger,burn,,,no,no,\n`,
    );
    const refused = await runCli(['retention', 'import', bad], env);
    assert.equal(refused.code, 1);
    assert.match(
      refused.stderr,
      /^custodian: Line 2: action must be destroy, review, transfer or permanent, not "burn"/,
    );
    const exported = await runCli(['retention', 'export'], env);
    assert.equal(exported.code, 0, exported.stderr);
    const rows = exported.stdout
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.deepEqual(
      rows.map((r) => r.split(',')[0]),
      ['code', 'FIN-01', 'HSG-01'],
    );
    const missing = await runCli(['retention', 'import', path.join(dir, 'nope.csv')], env);
    assert.match(missing.stderr, /Cannot read .*nope\.csv: ENOENT/);
  });

  it('lists what is due on the demo council with its holds, and places, lists and releases holds', async () => {
    // On the server: a dozen commands, each of which would otherwise open the embedded database afresh (the embedded
    // path of the same commands is the import test's above).
    const env = { CUSTODIAN_DATA_DIR: path.join(dir, 'demo'), DATABASE_URL: server.url! };
    assert.equal((await runCli(['seed', '--demo'], env)).code, 0);
    const due = await runCli(['disposal', 'due', '--json'], env);
    assert.equal(due.code, 0, due.stderr);
    const lines = due.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.ok(lines.length > 100, 'four years of closed requests, kept three years from closure');
    assert.deepEqual(Object.keys(lines[0]), ['item', 'source', 'title', 'class', 'until', 'held', 'holds']);
    assert.ok(lines.every((l) => l.until < new Date().toISOString().slice(0, 10)));
    assert.deepEqual(
      [...new Set(lines.map((l) => `${l.source} ${l.class}`))].sort(),
      ['files FIN-01', 'files HR-03', 'requests IG-01', 'requests IG-03'],
      'closed requests and enquiries, and old finance and HR files on the demo share',
    );
    assert.ok(lines.some((l) => l.held && l.holds.includes('IICSA retention instruction')));
    assert.ok(lines.every((l) => l.held === l.holds.length > 0));
    const earlier = await runCli(['disposal', 'due', '--json', '--on', '2000-01-01'], env);
    assert.equal(earlier.stdout, '');

    const noScope = await runCli(['hold', 'add', '--name', 'Empty', '--reason', 'Nothing'], env);
    assert.equal(noScope.code, 1);
    assert.match(noScope.stderr, /Say what the hold covers/);
    const placed = await runCli(
      [
        'hold',
        'add',
        '--name',
        'Audit 2026',
        '--reason',
        'Internal audit of FOI',
        '--class',
        'IG-01',
        '--review',
        '2027-03-31',
      ],
      env,
    );
    assert.equal(placed.code, 0, placed.stderr);
    const held = (await runCli(['disposal', 'due', '--json'], env)).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.ok(held.every((l) => l.holds.includes('Audit 2026') === (l.class === 'IG-01')));
    const list = (await runCli(['hold', 'list', '--json'], env)).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      list.map((h) => [h.name, h.standing]),
      [
        ['Audit 2026', true],
        ['Damp and mould disrepair claims', true],
        ['IICSA retention instruction', true],
      ],
    );
    const released = await runCli(
      ['hold', 'release', '--name', 'Audit 2026', '--reason', 'Audit reported'],
      env,
    );
    assert.equal(released.code, 0, released.stderr);
    const after = (await runCli(['hold', 'list', '--json'], env)).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(after.find((h) => h.name === 'Audit 2026').standing, false);
  });
});
