import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  COMPLETION_COLUMNS,
  LmsRowError,
  mapCompletionHeader,
  readCompletionRow,
  readXapiStatements,
} from './lms-files.ts';

const ADL = 'http://adlnet.gov/expapi/verbs/';

describe('a completions CSV', () => {
  const columns = mapCompletionHeader([...COMPLETION_COLUMNS]);
  const row = (cells: string[]) => readCompletionRow(columns, cells);

  it('reads a person by employee id or address, the LMS word as a status, and dates in three ways', () => {
    assert.deepEqual(row(['KBC1001', 'DPA-IG', 'Passed', '2026-03-01', '85%']), {
      person: { employeeId: 'KBC1001' },
      course: 'DPA-IG',
      status: 'passed',
      completedOn: '2026-03-01',
      score: 85,
    });
    assert.deepEqual(row(['Jo.Bloggs@Council.example', 'CYBER', 'Complete', '1/3/2026', '']).person, {
      email: 'jo.bloggs@council.example',
    });
    assert.equal(row(['E1', 'C', 'completed', '1/3/2026', '']).completedOn, '2026-03-01');
    // 23:30 UTC on 31 March 2026 is 00:30 on 1 April in London (BST).
    assert.equal(row(['E1', 'C', 'completed', '2026-03-31T23:30:00Z', '']).completedOn, '2026-04-01');
  });

  it('takes the columns in any order, ignores an LMS’s extra ones and refuses missing ones', () => {
    const reordered = mapCompletionHeader([
      'Course',
      'Learner Name',
      'Employee ID or Email',
      'Status',
      'Completed On',
    ]);
    assert.equal(readCompletionRow(reordered, ['DPA', 'Jo', 'E1', 'passed', '2026-01-01']).course, 'DPA');
    assert.throws(
      () => mapCompletionHeader(['course', 'status']),
      /no employee_id_or_email, completed_on column/,
    );
  });

  it('refuses a row with an unknown status, a bad date or score, naming the column', () => {
    const refused: [string[], RegExp][] = [
      [['E1', 'C', 'excused', '2026-01-01', ''], /status "excused" is not one Custodian knows/],
      [['E1', 'C', 'passed', '2026-02-30', ''], /completed_on "2026-02-30" is not a date/],
      [['E1', 'C', 'passed', '2026-01-01', '101'], /score "101" is not a number from 0 to 100/],
      [['', 'C', 'passed', '2026-01-01', ''], /employee_id_or_email is empty/],
    ];
    for (const [cells, message] of refused)
      assert.throws(
        () => row(cells),
        (e: Error) => e instanceof LmsRowError && message.test(e.message),
      );
  });
});

describe('xAPI statements from a learning record store', () => {
  const statement = (over: Record<string, unknown> = {}) => ({
    actor: { mbox: 'mailto:Jo@Council.example' },
    verb: { id: `${ADL}passed` },
    object: { id: 'https://lms.example/courses/dpa-2026' },
    result: { score: { scaled: 0.9 } },
    timestamp: '2026-06-30T23:15:00Z',
    ...over,
  });

  it('reads completed, passed and failed statements by mbox or account, in London’s day', () => {
    const reading = readXapiStatements(
      JSON.stringify({
        statements: [
          statement(),
          statement({
            actor: { account: { homePage: 'https://hr.example', name: 'KBC1002' } },
            verb: { id: `${ADL}completed` },
            result: { success: false },
          }),
          statement({ verb: { id: `${ADL}attempted` } }),
          statement({ actor: { mbox_sha1sum: 'abc' } }),
          statement({ timestamp: 'yesterday' }),
        ],
      }),
    );
    assert.deepEqual(reading.attempts, [
      {
        person: { email: 'jo@council.example' },
        course: 'https://lms.example/courses/dpa-2026',
        status: 'passed',
        completedOn: '2026-07-01',
        score: 90,
        index: 1,
      },
      {
        person: { employeeId: 'KBC1002' },
        course: 'https://lms.example/courses/dpa-2026',
        status: 'failed',
        completedOn: '2026-07-01',
        score: null,
        index: 2,
      },
    ]);
    assert.deepEqual(
      reading.skipped.map((s) => s.index),
      [3, 4, 5],
    );
    assert.match(reading.skipped[0]!.reason, /attempted is not completed, passed or failed/);
  });

  it('refuses a file that is not JSON, or not statements, saying what it should be', () => {
    assert.throws(() => readXapiStatements('<xml/>'), /This is not JSON/);
    assert.throws(() => readXapiStatements('{"more":""}'), /not a list of xAPI statements/);
    assert.deepEqual(readXapiStatements('[1, null, "x"]').skipped.length, 3);
  });
});
