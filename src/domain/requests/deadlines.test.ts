import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  computeDeadline,
  DeadlineInputError,
  workingDaysBetween,
  type DeadlineInput,
  type DeadlineKind,
  DEADLINE_KINDS,
  RULES,
} from './deadlines.ts';
import { shippedCalendar } from '../calendar/shipped.ts';
import { isFoiWorkingDay, isNationWorkingDay, NATIONS } from '../calendar/bank-holidays.ts';
import { addDays, fromDayNumber, toDayNumber } from '../calendar/dates.ts';

const calendar = shippedCalendar();
const due = (input: DeadlineInput) => computeDeadline(calendar, input).due;

describe('statutory deadlines: the public worked examples', () => {
  const foi: [string, string, string][] = [
    ['2017-05-18', '2017-06-16', 'skips the spring bank holiday'],
    // DOMAIN.md and the research quote 30 Jul 2021 (from MoJ's specs), but that date counts England and Wales holidays
    // only. FOIA s.10(6) excludes bank holidays in any part of the UK: 12 Jul 2021 (Northern Ireland) and 2 Aug 2021
    // (Scotland) move it to 3 Aug. The statute holds; see docs/domain-decisions.md.
    [
      '2021-07-03',
      '2021-08-03',
      'Saturday receipt: Monday is day 1; 12 July and Scotland’s summer holiday count',
    ],
    ['2021-07-02', '2021-08-03', 'Friday receipt gives the same date as Saturday'],
    ['2021-05-01', '2021-06-01', 'two bank holidays'],
    ['2023-11-27', '2023-12-28', 'St Andrew’s Day counts for an English council'],
    ['2008-10-01', '2008-10-29', 'no holidays'],
    ['2007-02-01', '2007-03-01', 'February, not a leap year'],
    ['2008-02-01', '2008-02-29', 'leap year'],
    ['2009-03-12', '2009-04-14', 'St Patrick’s Day, Good Friday and Easter Monday'],
    ['2009-03-13', '2009-04-15', 'Friday'],
    ['2009-03-14', '2009-04-15', 'Saturday is as Friday'],
    ['2009-03-15', '2009-04-15', 'Sunday is as Friday'],
    ['2009-03-16', '2009-04-16', 'Monday'],
    ['2025-05-14', '2025-06-12', 'spring bank holiday 2025 (a published answer gets this wrong)'],
  ];
  for (const [received, expected, why] of foi) {
    it(`FOI received ${received} is due ${expected}: ${why}`, () => {
      assert.equal(due({ kind: 'foi', received }), expected);
      assert.equal(due({ kind: 'eir', received }), expected);
    });
  }

  it('counts the same for every nation on the FOI clock', () => {
    for (const nation of NATIONS)
      assert.equal(due({ kind: 'foi', received: '2023-11-27', nation }), '2023-12-28');
  });

  const sar: [string, string, DeadlineKind, string][] = [
    ['2026-09-03', '2026-10-05', 'sar', '3 Sep → 3 Oct, a Saturday in 2026, so Monday 5th'],
    ['2025-09-03', '2025-10-03', 'sar', '3 Sep → 3 Oct (a Friday)'],
    ['2019-04-06', '2019-05-07', 'sar', 'Saturday receipt; 6 May 2019 is the early May bank holiday'],
    ['2023-02-28', '2023-03-28', 'sar', '28 Feb → 28 Mar, not the month end'],
    ['2025-01-31', '2025-02-28', 'sar', 'no 31 Feb: the last day of February'],
    ['2024-01-31', '2024-02-29', 'sar', 'leap year'],
    ['2025-01-30', '2025-02-28', 'sar', '30 Jan → 28 Feb'],
    ['2019-09-27', '2019-10-28', 'sar', '27 Oct 2019 is a Sunday'],
    ['2019-09-26', '2019-12-27', 'sar-extended', 'three months, then past Boxing Day'],
    ['2025-06-30', '2025-07-30', 'sar', 'no clamping needed'],
  ];
  for (const [received, expected, kind, why] of sar) {
    it(`${kind} received ${received} is due ${expected}: ${why}`, () => {
      assert.equal(due({ kind, received }), expected);
    });
  }

  it('rolls a SAR over the council’s own nation’s holidays only', () => {
    // 1 Dec 2025 is a Monday; 30 Nov is St Andrew's Day (Sunday, so Monday 1 Dec is Scotland's holiday).
    assert.equal(due({ kind: 'sar', received: '2025-11-01', nation: 'england-and-wales' }), '2025-12-01');
    assert.equal(due({ kind: 'sar', received: '2025-11-01', nation: 'scotland' }), '2025-12-02');
    // 17 March 2026 is a Tuesday: a holiday in Northern Ireland only.
    assert.equal(due({ kind: 'sar', received: '2026-02-17', nation: 'northern-ireland' }), '2026-03-18');
    assert.equal(due({ kind: 'sar', received: '2026-02-17', nation: 'england-and-wales' }), '2026-03-17');
  });

  it('gives extensions and reviews their lengths', () => {
    assert.equal(due({ kind: 'foi-extended', received: '2017-05-18' }), addDaysWorking('2017-05-18', 40));
    assert.equal(due({ kind: 'foi-review', received: '2017-05-18' }), '2017-06-16');
    assert.equal(
      due({ kind: 'eir-review', received: '2017-05-18' }),
      due({ kind: 'foi-extended', received: '2017-05-18' }),
    );
    assert.equal(due({ kind: 'enquiry', received: '2017-05-18' }), '2017-06-02');
  });
});

function addDaysWorking(from: string, n: number): string {
  let d = from;
  for (let i = 0; i < n;) {
    d = addDays(d, 1);
    if (isFoiWorkingDay(calendar, d)) i++;
  }
  return d;
}

describe('pauses and restarts', () => {
  it('disregards the working days from a fees notice to payment, inclusive', () => {
    // Received Thu 18 May 2017 (due 16 Jun). Fee notice Mon 22 May, paid Wed 24 May: three working days disregarded.
    assert.equal(
      due({ kind: 'foi', received: '2017-05-18', paused: [['2017-05-22', '2017-05-24']] }),
      '2017-06-21',
    );
  });

  it('starts the clock again from a clarification', () => {
    assert.equal(due({ kind: 'foi', received: '2021-06-01', restarted: '2021-07-03' }), '2021-08-03');
    assert.equal(
      computeDeadline(calendar, { kind: 'foi', received: '2021-06-01', restarted: '2021-07-03' }).clockStart,
      '2021-07-03',
    );
    assert.equal(due({ kind: 'sar', received: '2025-01-02', restarted: '2025-01-31' }), '2025-02-28');
  });

  it('extends a SAR by the calendar days paused', () => {
    assert.equal(
      due({ kind: 'sar', received: '2025-09-03', paused: [['2025-09-10', '2025-09-12']] }),
      '2025-10-06',
    );
  });

  it('counts the historic one-off bank holidays, so migrated cases are right', () => {
    // Mon 21 May 2012: 28 May was not a bank holiday that year; 4 and 5 June were.
    assert.equal(due({ kind: 'foi', received: '2012-05-21' }), '2012-06-20');
    // Thu 21 Apr 2011: Good Friday, Easter Monday, the royal wedding (Fri 29 Apr) and the early May holiday.
    assert.equal(due({ kind: 'foi', received: '2011-04-21' }), '2011-05-25');
    // Mon 20 May 2002: the spring holiday moved to 4 June, with the Golden Jubilee on 3 June.
    assert.equal(due({ kind: 'foi', received: '2002-05-20' }), '2002-06-19');
  });

  it('pauses a SAR for clarification as Art 12A and DPA 2018 s.54(3C) say (DOMAIN.md’s worked example)', () => {
    // Received Sat 1 Nov 2025; clarification asked Thu 6 Nov, answered Mon 10 Nov: 1 Dec + 5 days = Sat 6 Dec,
    // rolled to Mon 8 Dec 2025. A restart from the answer would give 10 Dec: later than the law allows.
    assert.equal(
      due({ kind: 'sar', received: '2025-11-01', paused: [['2025-11-06', '2025-11-10']] }),
      '2025-12-08',
    );
    assert.equal(due({ kind: 'sar', received: '2025-11-01', restarted: '2025-11-10' }), '2025-12-10');
  });

  it('refuses impossible input with a clear message', () => {
    const bad: [DeadlineInput, RegExp][] = [
      [{ kind: 'foi', received: '2025-02-30' }, /received: .*not a real date/],
      [{ kind: 'foi', received: '2025-03-10', restarted: '2025-03-01' }, /restart before/],
      [
        { kind: 'foi', received: '2025-03-10', paused: [['2025-03-20', '2025-03-12']] },
        /ends before it starts/,
      ],
      [
        { kind: 'foi', received: '2025-03-10', paused: [['2025-03-01', '2025-03-12']] },
        /before the request was received/,
      ],
    ];
    for (const [input, message] of bad)
      assert.throws(
        () => computeDeadline(calendar, input),
        (e: Error) => e instanceof DeadlineInputError && message.test(e.message),
      );
  });

  it('records the calendar it used', () => {
    assert.equal(
      computeDeadline(calendar, { kind: 'foi', received: '2026-01-05' }).calendarVersion,
      'shipped-2026-12-02',
    );
  });
});

const days = fc.integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2040-12-31') });
const dates = days.map(fromDayNumber);
/** The statutory kinds counted in working days of any part of the UK (every FOI and EIR clock). */
const workingDayKinds: DeadlineKind[] = DEADLINE_KINDS.filter((k) => {
  const rule = RULES[k];
  return rule.unit === 'working-days' && rule.calendar === 'any-uk';
});

describe('deadline properties', () => {
  it('puts every FOI and EIR due date on a working day in every part of the UK', () => {
    fc.assert(
      fc.property(dates, fc.constantFrom(...workingDayKinds), (received, kind) => {
        const d = due({ kind, received });
        return NATIONS.every((n) => isNationWorkingDay(calendar, n, d)) && isFoiWorkingDay(calendar, d);
      }),
      { numRuns: 2000 },
    );
  });

  it('never gives a later receipt an earlier date', () => {
    fc.assert(
      fc.property(
        dates,
        fc.integer({ min: 0, max: 60 }),
        fc.constantFrom(...workingDayKinds, 'sar', 'sar-extended'),
        (received, gap, kind) => {
          return due({ kind, received: addDays(received, gap) }) >= due({ kind, received });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never shortens the clock with a pause', () => {
    fc.assert(
      fc.property(
        dates,
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 30 }),
        fc.constantFrom(...workingDayKinds, 'sar', 'sar-extended'),
        (received, offset, length, kind) => {
          const from = addDays(received, offset);
          const paused = due({ kind, received, paused: [[from, addDays(from, length)]] });
          return paused >= due({ kind, received });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never puts a SAR before the corresponding date, and only ever on a working day of the nation', () => {
    fc.assert(
      fc.property(dates, fc.constantFrom(...NATIONS), (received, nation) => {
        const d = due({ kind: 'sar', received, nation });
        const [y, m, day] = received.split('-').map(Number) as [number, number, number];
        const next = new Date(Date.UTC(y, m, 1));
        const lastDay = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0)).getUTCDate();
        const corresponding = new Date(
          Date.UTC(next.getUTCFullYear(), next.getUTCMonth(), Math.min(day, lastDay)),
        )
          .toISOString()
          .slice(0, 10);
        return (
          d >= corresponding &&
          isNationWorkingDay(calendar, nation, d) &&
          toDayNumber(d) - toDayNumber(corresponding) < 7
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('counts exactly the statutory number of working days', () => {
    fc.assert(
      fc.property(
        dates,
        (received) => workingDaysBetween(calendar, received, due({ kind: 'foi', received })) === 20,
      ),
      { numRuns: 500 },
    );
  });
});
