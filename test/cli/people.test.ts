import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { hrFile } from '../support/staff.ts';

/** Staff and training as an administrator scripts them: HR's nightly extract, the LMS's export, the DSPT figure. */
describe('custodian staff and custodian training', () => {
  let database: TestDatabase;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const file = (name: string, content: Buffer | string) => {
    fs.writeFileSync(path.join(dir, name), content);
    return path.join(dir, name);
  };
  before(async () => {
    database = await createTestDatabase('postgresql');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodian-people-'));
    env = { DATABASE_URL: database.url };
  });
  after(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await database.close();
  });

  it('imports HR’s extract after a dry run, refusing a bad one whole with its line', async () => {
    const extract = file(
      'hr.csv',
      hrFile([
        {
          employee_id: 'E1',
          name: 'Ann Lead',
          email: 'ann@council.example',
          directorate: 'Place',
          start_date: '2020-01-01',
        },
        {
          employee_id: 'E2',
          name: 'Bo Field',
          line_manager_email: 'ann@council.example',
          directorate: 'Place',
          start_date: '2020-01-01',
        },
        { employee_id: 'E3', name: 'Cy New', directorate: 'Resources', start_date: '2026-06-15' },
        {
          employee_id: 'C1',
          name: 'Cllr Di',
          worker_type: 'councillor',
          directorate: 'Members',
          start_date: '2022-05-05',
        },
      ]),
    );
    const dry = await runCli(['staff', 'import', extract, '--dry-run'], env);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^Would import 4 people: 4 new, 0 changed \(0 moved post\), 0 unchanged$/m);
    assert.match(dry.stdout, /New directorates: Place, Resources, Members/);
    const done = await runCli(['staff', 'import', extract], env);
    assert.match(done.stdout, /^Imported 4 people: 4 new/m);
    const bad = await runCli(
      ['staff', 'import', file('bad.csv', hrFile([{ employee_id: 'X', name: 'X', worker_type: 'intern' }]))],
      env,
    );
    assert.equal(bad.code, 1);
    assert.match(
      bad.stderr,
      /^custodian: Line 2: worker_type must be employee, agency, contractor, volunteer, councillor, not "intern"$/m,
    );
  });

  it('adds a course, imports completions only when told to leave out the unknown, and prints the 95% figure as JSON', async () => {
    const added = await runCli(
      ['training', 'course', 'add', '--code', 'DPA-IG', '--title', 'Data protection', '--mandatory'],
      env,
    );
    assert.equal(added.code, 0, added.stderr);
    const completions = file(
      'lms.csv',
      [
        'employee_id_or_email,course,status,completed_on,score',
        'E1,DPA-IG,Passed,2025-07-01,80',
        'ann@council.example,DPA-IG,passed,2024-07-01,',
        'C1,DPA-IG,completed,2026-01-10,',
        'E9,DPA-IG,passed,2026-01-10,',
      ].join('\n'),
    );
    const refused = await runCli(['training', 'import', completions], env);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /^Line 5: no one is known as the employee id E9$/m);
    assert.match(refused.stderr, /Nothing imported: 1 with problems, 3 fine/);
    const rest = await runCli(['training', 'import', completions, '--import-the-rest'], env);
    assert.equal(rest.code, 0, rest.stderr);
    assert.match(rest.stdout, /^3 imported, 0 already held, 1 left out$/m);
    const report = await runCli(
      ['training', 'report', '--course', 'dpa-ig', '--on', '2026-06-30', '--json'],
      env,
    );
    assert.equal(report.code, 0, report.stderr);
    // E1 passed on 1 July 2025 (covers to 30 June 2026); E2 never; E3 started 15 June 2026, not a month before.
    assert.deepEqual(JSON.parse(report.stdout), {
      course: 'DPA-IG',
      on: '2026-06-30',
      directorates: [{ name: 'Place', inScope: 2, completed: 1, percent: 50 }],
      total: { inScope: 2, completed: 1, percent: 50 },
      councillors: { inScope: 1, completed: 1, percent: 100 },
    });
  });
});
