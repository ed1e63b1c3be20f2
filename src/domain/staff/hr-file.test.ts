import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkHrRows,
  HR_COLUMNS,
  HrRowError,
  hrRowCells,
  mapHrHeader,
  readHrRow,
  type HrRow,
} from './hr-file.ts';
import { planHrImport, teamKey, nameKey } from './import-plan.ts';

const columns = mapHrHeader([...HR_COLUMNS]);
const cells = (over: Partial<Record<(typeof HR_COLUMNS)[number], string>> = {}) =>
  HR_COLUMNS.map(
    (c) =>
      over[c] ??
      {
        employee_id: 'E100',
        name: 'Priya Shah',
        email: 'Priya.Shah@Kingsmere.gov.example',
        directorate: 'Resources',
        team: 'Finance',
        job_title: 'Accountant',
        line_manager_email: '',
        start_date: '2020-04-01',
        leave_date: '',
        worker_type: 'Employee',
        personal_data_access: 'yes',
      }[c],
  );

describe('an HR extract’s rows', () => {
  it('reads a row, lower-casing addresses and the worker type, and reading UK dates', () => {
    const row = readHrRow(columns, cells({ start_date: '7/4/2020', leave_date: '31/12/2026' }));
    assert.deepEqual(row, {
      employeeId: 'E100',
      name: 'Priya Shah',
      email: 'priya.shah@kingsmere.gov.example',
      directorate: 'Resources',
      team: 'Finance',
      jobTitle: 'Accountant',
      lineManagerEmail: null,
      startDate: '2020-04-07',
      leaveDate: '2026-12-31',
      workerType: 'employee',
      personalDataAccess: true,
    });
    assert.deepEqual(readHrRow(columns, hrRowCells(row)), row, 'the export reads back as itself');
  });

  it('takes the columns in any order and case, and refuses unknown, repeated and missing ones', () => {
    const shuffled = [...HR_COLUMNS].reverse().map((c) => c.toUpperCase());
    assert.equal(readHrRow(mapHrHeader(shuffled), cells().reverse()).employeeId, 'E100');
    assert.throws(
      () => mapHrHeader([...HR_COLUMNS, 'salary']),
      /column "salary" that Custodian does not know/,
    );
    assert.throws(() => mapHrHeader([...HR_COLUMNS, 'name']), /the column name twice/);
    assert.throws(() => mapHrHeader(HR_COLUMNS.slice(1)), /no employee_id column/);
  });

  it('refuses each bad value with the column and what is wrong', () => {
    const refused: [Parameters<typeof cells>[0], RegExp][] = [
      [{ employee_id: ' ' }, /employee_id is empty/],
      [
        { worker_type: 'consultant' },
        /worker_type must be employee, agency, contractor, volunteer, councillor, not "consultant"/,
      ],
      [{ personal_data_access: 'sometimes' }, /personal_data_access must be yes or no/],
      [{ start_date: '2020-02-30' }, /start_date "2020-02-30" is not a date/],
      [{ start_date: '31/02/2020' }, /start_date "31\/02\/2020" is not a date/],
      [{ leave_date: '2019-12-31' }, /leave_date 2019-12-31 is before start_date 2020-04-01/],
      [{ email: 'not an address' }, /email "not an address" is not an e-mail address/],
      [{ line_manager_email: 'priya.shah@kingsmere.gov.example' }, /own address/],
      [{ name: 'Priya\u0000Shah' }, /name has a control character/],
      [{ job_title: 'x'.repeat(201) }, /job_title is longer than 200/],
    ];
    for (const [over, message] of refused)
      assert.throws(
        () => readHrRow(columns, cells(over)),
        (e: Error) => e instanceof HrRowError && message.test(e.message),
      );
  });

  it('refuses a file with an employee id or address twice, or a line manager not in it, naming the line', () => {
    const row = (id: string, email: string | null, manager: string | null = null): HrRow => ({
      ...readHrRow(columns, cells()),
      employeeId: id,
      email,
      lineManagerEmail: manager,
    });
    assert.doesNotThrow(() => checkHrRows([row('A', 'a@x.gov'), row('B', null, 'a@x.gov')], [2, 3]));
    assert.throws(
      () => checkHrRows([row('A', 'a@x.gov'), row('a', 'b@x.gov')], [2, 5]),
      /Line 5: employee_id a is already on line 2$/,
    );
    assert.throws(
      () => checkHrRows([row('A', 'a@x.gov'), row('B', 'a@x.gov')], [2, 3]),
      /Line 3: email a@x.gov is already on line 2/,
    );
    assert.throws(
      () => checkHrRows([row('A', 'a@x.gov', 'boss@x.gov')], [2]),
      /Line 2: line_manager_email boss@x.gov is not the address of anyone in the file/,
    );
  });
});

describe('what an extract would change', () => {
  const base = readHrRow(columns, cells());
  const known = {
    directorates: new Set([nameKey('Resources')]),
    teams: new Set([teamKey('Resources', 'Finance')]),
  };

  it('creates the new, updates the changed, counts the unchanged and names new directorates and teams once', () => {
    const current = new Map([['e100', base]]);
    const plan = planHrImport(
      current,
      [
        base,
        { ...base, employeeId: 'E101', email: null, directorate: 'Place', team: 'Parks' },
        { ...base, employeeId: 'E102', email: null, directorate: 'place', team: 'parks ' },
      ],
      known,
      '2026-12-02',
    );
    assert.equal(plan.created.length, 2);
    assert.equal(plan.unchanged, 1);
    assert.deepEqual(plan.newDirectorates, ['Place']);
    assert.deepEqual(plan.newTeams, [{ directorate: 'Place', team: 'Parks' }]);
  });

  it('says which fields changed, whether it is a move, and who is leaving', () => {
    const current = new Map([['e100', base]]);
    const moved = planHrImport(
      current,
      [{ ...base, team: 'Payroll', leaveDate: '2027-01-31' }],
      known,
      '2026-12-02',
    );
    assert.deepEqual(moved.updated, [
      {
        row: { ...base, team: 'Payroll', leaveDate: '2027-01-31' },
        changed: ['team', 'leaveDate'],
        moved: true,
      },
    ]);
    assert.equal(moved.leavers.length, 1);
    const renamed = planHrImport(current, [{ ...base, name: 'Priya Shah-Jones' }], known, '2026-12-02');
    assert.equal(renamed.updated[0]!.moved, false);
    assert.equal(renamed.leavers.length, 0);
  });

  it('reports people still working who are missing from the file, and changes nothing about them', () => {
    const current = new Map([
      ['e100', base],
      ['e200', { ...base, employeeId: 'E200' }],
      ['e300', { ...base, employeeId: 'E300', leaveDate: '2025-01-31' }],
    ]);
    const plan = planHrImport(current, [base], known, '2026-12-02');
    assert.deepEqual(plan.notInFile, ['E200']);
    assert.equal(plan.updated.length + plan.created.length, 0);
  });
});
