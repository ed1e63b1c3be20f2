import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addCalendarMonths, addDays, fromDayNumber, toDayNumber } from '../calendar/dates.ts';
import { WORKER_TYPES } from '../staff/hr-file.ts';
import {
  coversOn,
  expiresAfter,
  inScopeOn,
  isActiveOn,
  normaliseStatus,
  percentOf,
  ragOf,
  standingOn,
  type PersonOnRecord,
} from './compliance.ts';
import { trainingReport } from './report.ts';

const person = (over: Partial<PersonOnRecord> = {}): PersonOnRecord => ({
  startDate: '2025-01-31',
  leaveDate: null,
  workerType: 'employee',
  personalDataAccess: true,
  ...over,
});

const day = (from: string, to: string) =>
  fc.integer({ min: toDayNumber(from), max: toDayNumber(to) }).map(fromDayNumber);

describe('who is in scope of the 95 % figure', () => {
  it('counts a starter from start + P1M, the day clamped to the end of the month', () => {
    // 31 January + 1 month is 28 February (2025 is not a leap year).
    assert.equal(inScopeOn(person(), '2025-02-27'), false);
    assert.equal(inScopeOn(person(), '2025-02-28'), true);
    assert.equal(inScopeOn(person({ startDate: '2024-01-31' }), '2024-02-29'), true, 'leap year');
    assert.equal(inScopeOn(person({ startDate: '2024-01-31' }), '2024-02-28'), false);
  });

  it('counts a leaver on their leave date and not after it', () => {
    const leaver = person({ leaveDate: '2026-06-30' });
    assert.equal(inScopeOn(leaver, '2026-06-30'), true);
    assert.equal(inScopeOn(leaver, '2026-07-01'), false);
  });

  it('leaves out people without personal-data access, and counts councillors apart', () => {
    assert.equal(inScopeOn(person({ personalDataAccess: false }), '2026-01-01'), false);
    const councillor = person({ workerType: 'councillor' });
    assert.equal(inScopeOn(councillor, '2026-01-01'), false);
    assert.equal(inScopeOn(councillor, '2026-01-01', 'councillors'), true);
    for (const workerType of ['employee', 'agency', 'contractor', 'volunteer'] as const)
      assert.equal(inScopeOn(person({ workerType }), '2026-01-01'), true, workerType);
  });

  it('is exactly the definition, for any person and day', () => {
    fc.assert(
      fc.property(
        day('2018-01-01', '2028-12-31'),
        fc.option(fc.integer({ min: 0, max: 3000 })),
        fc.constantFrom(...WORKER_TYPES),
        fc.boolean(),
        day('2018-01-01', '2028-12-31'),
        (startDate, stay, workerType, personalDataAccess, on) => {
          const p = {
            startDate,
            leaveDate: stay === null ? null : addDays(startDate, stay),
            workerType,
            personalDataAccess,
          };
          const active = startDate <= on && (p.leaveDate === null || p.leaveDate >= on);
          const expected =
            active &&
            personalDataAccess &&
            workerType !== 'councillor' &&
            addCalendarMonths(startDate, 1) <= on;
          assert.equal(inScopeOn(p, on), expected);
          assert.equal(isActiveOn(p, on), active);
          // Nobody is in both populations.
          assert.ok(!(inScopeOn(p, on) && inScopeOn(p, on, 'councillors')));
        },
      ),
      { numRuns: 2000, seed: 16 },
    );
  });
});

describe('which completions count', () => {
  it('counts a completion from its day for the refresh period, not on the anniversary', () => {
    assert.equal(coversOn('2025-03-15', 12, '2025-03-14'), false);
    assert.equal(coversOn('2025-03-15', 12, '2025-03-15'), true);
    assert.equal(coversOn('2025-03-15', 12, '2026-03-14'), true);
    assert.equal(coversOn('2025-03-15', 12, '2026-03-15'), false);
    assert.equal(expiresAfter('2025-03-15', 12), '2026-03-14');
    // 29 February + P12M is 28 February: the completion lapses on it.
    assert.equal(coversOn('2024-02-29', 12, '2025-02-27'), true);
    assert.equal(coversOn('2024-02-29', 12, '2025-02-28'), false);
  });

  it('covers exactly the days D ≤ day < D + the period, for any refresh period', () => {
    fc.assert(
      fc.property(
        day('2019-01-01', '2027-12-31'),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: -400, max: 2000 }),
        (completedOn, months, offset) => {
          const on = addDays(completedOn, offset);
          assert.equal(
            coversOn(completedOn, months, on),
            on >= completedOn && on < addCalendarMonths(completedOn, months),
          );
          assert.equal(
            coversOn(completedOn, months, on),
            on >= completedOn && on <= expiresAfter(completedOn, months),
          );
        },
      ),
      { numRuns: 2000, seed: 95 },
    );
  });
});

describe('the percentage and its colour', () => {
  it('is to one decimal place, halves up, and none with no one in scope', () => {
    assert.equal(percentOf(19, 20), 95);
    assert.equal(percentOf(1, 3), 33.3);
    assert.equal(percentOf(2, 3), 66.7);
    assert.equal(percentOf(1899, 2000), 95);
    assert.equal(percentOf(1, 8), 12.5);
    assert.equal(percentOf(1, 16), 6.3);
    assert.equal(percentOf(0, 0), null);
  });

  it('is green at the target, amber within five points, red below', () => {
    assert.equal(ragOf(95, 95), 'green');
    assert.equal(ragOf(94.9, 95), 'amber');
    assert.equal(ragOf(90, 95), 'amber');
    assert.equal(ragOf(89.9, 95), 'red');
    assert.equal(ragOf(null, 95), null);
  });
});

describe('learning systems’ words for an attempt', () => {
  it('maps SCORM, xAPI and LMS export words to five statuses', () => {
    const words: [string, string | null][] = [
      ['Completed', 'completed'],
      ['COMPLETE', 'completed'],
      ['passed', 'passed'],
      ['Failed', 'failed'],
      ['incomplete', 'in-progress'],
      ['In Progress', 'in-progress'],
      ['in_progress', 'in-progress'],
      ['browsed', 'in-progress'],
      ['not attempted', 'not-started'],
      ['Not-Started', 'not-started'],
      ['excused', null],
      ['', null],
    ];
    for (const [word, status] of words) assert.equal(normaliseStatus(word), status, word);
  });
});

describe('the report for one course on one day', () => {
  it('counts by directorate, councillors apart, with only covering completed or passed attempts', () => {
    const people = [
      { id: 1, directorate: 'Place', ...person() },
      { id: 2, directorate: 'Place', ...person() },
      { id: 3, directorate: 'Resources', ...person() },
      { id: 4, directorate: 'Resources', ...person({ startDate: '2026-11-15' }) },
      { id: 5, directorate: 'Members', ...person({ workerType: 'councillor' }) },
      { id: 6, directorate: 'Members', ...person({ workerType: 'councillor' }) },
    ];
    const report = trainingReport({
      course: 'DPA',
      refreshMonths: 12,
      on: '2026-12-02',
      people,
      completions: [
        { personId: 1, completedOn: '2026-01-10', status: 'passed' },
        { personId: 2, completedOn: '2025-12-02', status: 'completed' }, // lapsed today
        { personId: 3, completedOn: '2026-11-01', status: 'failed' },
        { personId: 5, completedOn: '2026-06-01', status: 'completed' },
      ],
    });
    assert.deepEqual(report, {
      course: 'DPA',
      on: '2026-12-02',
      directorates: [
        { name: 'Place', inScope: 2, completed: 1, percent: 50 },
        { name: 'Resources', inScope: 1, completed: 0, percent: 0 },
      ],
      total: { inScope: 3, completed: 1, percent: 33.3 },
      councillors: { inScope: 2, completed: 1, percent: 50 },
    });
  });
});

describe('a person’s standing with a course', () => {
  const attempt = (completedOn: string, status: 'passed' | 'failed' = 'passed') => ({ completedOn, status });
  it('is current until the last day a completion covers, and overdue from the day after', () => {
    assert.deepEqual(standingOn(person(), [attempt('2025-06-10')], 12, '2026-06-09'), {
      kind: 'current',
      until: '2026-06-09',
    });
    assert.deepEqual(standingOn(person(), [attempt('2025-06-10')], 12, '2026-06-10'), {
      kind: 'overdue',
      since: '2026-06-10',
    });
  });

  it('gives a new starter a month, then is overdue from the end of it; a failed attempt does not count', () => {
    const starter = person({ startDate: '2026-11-20' });
    assert.deepEqual(standingOn(starter, [attempt('2026-11-25', 'failed')], 12, '2026-12-02'), {
      kind: 'induction',
      dueBy: '2026-12-20',
    });
    assert.deepEqual(standingOn(starter, [], 12, '2027-01-05'), { kind: 'overdue', since: '2026-12-20' });
  });

  it('does not ask it of people without access to personal data or not working that day', () => {
    assert.deepEqual(standingOn(person({ personalDataAccess: false }), [], 12, '2026-06-10'), {
      kind: 'not-required',
    });
    assert.deepEqual(standingOn(person({ leaveDate: '2026-01-31' }), [], 12, '2026-06-10'), {
      kind: 'not-required',
    });
  });

  it('agrees with the report: current exactly when the person counts as completed', () => {
    fc.assert(
      fc.property(
        day('2024-01-01', '2026-12-31'),
        fc.array(
          fc.tuple(day('2023-01-01', '2027-06-30'), fc.constantFrom('passed', 'failed', 'completed')),
          {
            maxLength: 4,
          },
        ),
        fc.integer({ min: 1, max: 24 }),
        day('2024-06-01', '2027-06-30'),
        (startDate, raw, months, on) => {
          const attempts = raw.map(([completedOn, status]) => ({
            completedOn,
            status: status as 'passed' | 'failed' | 'completed',
          }));
          const p = person({ startDate });
          const report = trainingReport({
            course: 'X',
            refreshMonths: months,
            on,
            people: [{ id: 1, directorate: 'D', ...p }],
            completions: attempts.map((a) => ({ personId: 1, ...a })),
          });
          const standing = standingOn(p, attempts, months, on);
          if (report.total.inScope === 1)
            assert.equal(standing.kind === 'current', report.total.completed === 1);
        },
      ),
      { numRuns: 1000, seed: 2026 },
    );
  });
});
