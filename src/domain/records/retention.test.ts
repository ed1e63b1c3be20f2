import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, fromDayNumber, toDayNumber } from '../calendar/dates.ts';
import {
  describeRetention,
  formatRetention,
  isDisposable,
  latestUntil,
  parseRetention,
  RETENTION_FROM,
  retentionStart,
  retentionUntil,
  RetentionInputError,
  type Period,
  type RetentionFrom,
} from './retention.ts';

const until = (trigger: string, period: string, from: RetentionFrom = 'trigger') =>
  retentionUntil({ trigger, retention: parseRetention(period), from });

describe('retention arithmetic: DOMAIN.md examples', () => {
  it('counts years and months together as months, clamping the day to the month reached', () => {
    assert.equal(until('2020-02-29', 'P1Y'), '2021-02-28');
    assert.equal(until('2019-08-31', 'P6M'), '2020-02-29');
    assert.equal(until('2020-02-29', 'P1Y1M'), '2021-03-29', '13 months, not 1 year then 1 month');
    assert.equal(until('2019-07-14', 'P6Y'), '2025-07-14');
  });

  it('adds the days after the months', () => {
    assert.equal(until('2020-01-31', 'P1M1D'), '2020-03-01');
    assert.equal(until('2026-12-02', 'P30D'), '2027-01-01');
    assert.equal(until('2026-12-02', 'P2W'), '2026-12-16');
  });

  it('starts a CY+n rule on 31 December of the trigger year', () => {
    assert.equal(retentionStart('2019-01-01', 'calendar-year-end'), '2019-12-31');
    assert.equal(until('2019-07-14', 'P3Y', 'calendar-year-end'), '2022-12-31');
  });

  it('starts a financial-year rule on the 31 March that ends the year holding the trigger', () => {
    assert.equal(retentionStart('2019-04-01', 'financial-year-end'), '2020-03-31');
    assert.equal(retentionStart('2020-03-31', 'financial-year-end'), '2020-03-31');
    assert.equal(retentionStart('2020-04-01', 'financial-year-end'), '2021-03-31');
    assert.equal(until('2019-07-14', 'P6Y', 'financial-year-end'), '2026-03-31', "Derbyshire's 6+");
  });

  it('schedules an age-based rule from the date of birth', () => {
    assert.equal(until('2008-05-17', 'P75Y'), '2083-05-17', 'looked-after children: DOB + 75 years');
  });

  it('keeps a permanent record for ever', () => {
    assert.equal(until('2019-07-14', 'permanent'), null);
    assert.equal(until('2019-07-14', 'Permanent', 'financial-year-end'), null);
    assert.equal(isDisposable(null, '9999-12-31'), false);
  });

  it('lets a record go from the day after its last day', () => {
    assert.equal(isDisposable('2025-07-14', '2025-07-14'), false);
    assert.equal(isDisposable('2025-07-14', '2025-07-15'), true);
  });

  it('keeps the latest date of several, and permanent over any date', () => {
    assert.equal(latestUntil(['2025-01-01', '2031-03-31', '2027-06-30']), '2031-03-31');
    assert.equal(latestUntil(['2025-01-01', null, '2027-06-30']), null);
    assert.throws(() => latestUntil([]), RetentionInputError);
  });
});

describe('retention periods', () => {
  it('reads ISO 8601 durations of years, months, weeks and days, and writes them back', () => {
    assert.deepEqual(parseRetention('P6Y'), { years: 6, months: 0, days: 0 });
    assert.deepEqual(parseRetention(' p1y6m '), { years: 1, months: 6, days: 0 });
    assert.deepEqual(parseRetention('P2W3D'), { years: 0, months: 0, days: 17 });
    assert.equal(formatRetention(parseRetention('P1Y6M')), 'P1Y6M');
    assert.equal(formatRetention(parseRetention('P0D')), 'P0D');
    assert.equal(formatRetention('permanent'), 'permanent');
  });

  it('says what is wrong with a period it cannot read', () => {
    const problem = (text: string) => {
      try {
        parseRetention(text);
        return 'accepted';
      } catch (error) {
        assert.ok(error instanceof RetentionInputError);
        return error.message;
      }
    };
    assert.match(problem('-P6Y'), /cannot be negative/);
    assert.match(problem('PT12H'), /not hours/);
    assert.match(problem('P'), /not a retention period/);
    assert.match(problem('6 years'), /not a retention period/);
    assert.match(problem('P1.5Y'), /not a retention period/);
    assert.match(problem('P2000Y'), /more than 1000 years/);
  });

  it('describes a period in words', () => {
    assert.equal(describeRetention(parseRetention('P6Y')), '6 years');
    assert.equal(describeRetention(parseRetention('P1Y6M')), '1 year and 6 months');
    assert.equal(describeRetention(parseRetention('P1Y1M1D')), '1 year, 1 month and 1 day');
    assert.equal(describeRetention('permanent'), 'Permanent');
  });

  it('refuses a trigger that is not a date', () => {
    assert.throws(() => until('2019-02-30', 'P6Y'), /not a date/);
    assert.throws(() => until('14/07/2019', 'P6Y'), /not a date/);
  });
});

const date = fc
  .integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2100-12-31') })
  .map((n) => fromDayNumber(n));
const period = fc.record({
  years: fc.integer({ min: 0, max: 150 }),
  months: fc.integer({ min: 0, max: 30 }),
  days: fc.integer({ min: 0, max: 400 }),
});
const from = fc.constantFrom(...RETENTION_FROM);

describe('retention arithmetic: properties', () => {
  it('never keeps a record for less than nothing: until is on or after the start, and the trigger', () => {
    fc.assert(
      fc.property(date, period, from, (trigger, retention, f) => {
        const result = retentionUntil({ trigger, retention, from: f })!;
        return result >= retentionStart(trigger, f) && result >= trigger;
      }),
    );
  });

  it('never gives an earlier date for a longer period (as long or longer in both months and days)', () => {
    fc.assert(
      fc.property(date, period, period, from, (trigger, shorter, extra, f) => {
        const longer = {
          years: shorter.years + extra.years,
          months: shorter.months + extra.months,
          days: shorter.days + extra.days,
        };
        return (
          retentionUntil({ trigger, retention: shorter, from: f })! <=
          retentionUntil({ trigger, retention: longer, from: f })!
        );
      }),
    );
  });

  it('never gives an earlier date for a later trigger', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 5000 }), period, from, (trigger, gap, retention, f) => {
        const later = addDays(trigger, gap);
        return (
          retentionUntil({ trigger, retention, from: f })! <=
          retentionUntil({ trigger: later, retention, from: f })!
        );
      }),
    );
  });

  it('ends every financial year on 31 March, within a year of the trigger', () => {
    fc.assert(
      fc.property(date, (trigger) => {
        const start = retentionStart(trigger, 'financial-year-end');
        return start.endsWith('-03-31') && start >= trigger && start < addDays(trigger, 366);
      }),
    );
  });

  it('ends every calendar year on 31 December of the trigger year', () => {
    fc.assert(
      fc.property(
        date,
        (trigger) => retentionStart(trigger, 'calendar-year-end') === `${trigger.slice(0, 4)}-12-31`,
      ),
    );
  });

  it('reads back every period it writes', () => {
    fc.assert(
      fc.property(period, (p) => {
        const back = parseRetention(formatRetention(p)) as Period;
        return back.years === p.years && back.months === p.months && back.days === p.days;
      }),
    );
  });
});
