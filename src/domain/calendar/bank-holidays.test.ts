import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HolidayCalendar, NATIONS, ruleHolidays, isFoiWorkingDay, withFallback } from './bank-holidays.ts';
import { shippedCalendar, shippedFeed } from './shipped.ts';
import { parseHolidayFeed } from './feed.ts';
import { addCalendarMonths, dayOfWeek, easterSunday, isIsoDate } from './dates.ts';

describe('dates', () => {
  it('knows Easter', () => {
    assert.equal(easterSunday(2009), '2009-04-12');
    assert.equal(easterSunday(2019), '2019-04-21');
    assert.equal(easterSunday(2024), '2024-03-31');
    assert.equal(easterSunday(2038), '2038-04-25');
  });
  it('knows weekdays and real dates', () => {
    assert.equal(dayOfWeek('1970-01-01'), 4);
    assert.equal(dayOfWeek('2026-11-25'), 3);
    assert.equal(dayOfWeek('1969-12-31'), 3);
    assert.equal(isIsoDate('2026-02-29'), false);
    assert.equal(isIsoDate('2028-02-29'), true);
    assert.equal(isIsoDate('2026-1-1'), false);
  });
  it('adds calendar months, clamping to the month end', () => {
    assert.equal(addCalendarMonths('2025-01-31', 1), '2025-02-28');
    assert.equal(addCalendarMonths('2025-11-30', 3), '2026-02-28');
    assert.equal(addCalendarMonths('2025-12-15', 1), '2026-01-15');
  });
});

describe('bank holidays', () => {
  it('lists the one-off days of 2020, 2022 and 2023', () => {
    const cal = shippedCalendar();
    for (const n of NATIONS) {
      assert.equal(cal.isBankHoliday(n, '2020-05-08'), true);
      assert.equal(cal.isBankHoliday(n, '2020-05-04'), false, 'the early May holiday moved to VE day');
      assert.equal(cal.isBankHoliday(n, '2022-06-02'), true);
      assert.equal(cal.isBankHoliday(n, '2022-06-03'), true);
      assert.equal(cal.isBankHoliday(n, '2022-05-30'), false);
      assert.equal(cal.isBankHoliday(n, '2022-09-19'), true);
      assert.equal(cal.isBankHoliday(n, '2023-05-08'), true);
    }
  });

  it('has the published number of holidays a year', () => {
    const feed = shippedFeed();
    const count = (n: (typeof NATIONS)[number], year: number) =>
      feed[n].events.filter((e) => e.date.startsWith(String(year))).length;
    for (let y = 2024; y <= 2028; y++) {
      assert.equal(count('england-and-wales', y), 8);
      assert.equal(count('scotland', y), 9);
      assert.equal(count('northern-ireland', y), 10);
    }
  });

  it('computes substitute days by the rules', () => {
    const dates = (n: (typeof NATIONS)[number], y: number) => ruleHolidays(n, y).map((h) => h.date);
    // 2026: Boxing Day on a Saturday → Monday 28th.
    assert.ok(dates('england-and-wales', 2026).includes('2026-12-28'));
    // 2027: Christmas Saturday, Boxing Sunday → Monday 27, Tuesday 28.
    assert.deepEqual(dates('england-and-wales', 2027).slice(-2), ['2027-12-27', '2027-12-28']);
    // 2022 (rules only): Christmas on Sunday → Boxing Monday 26, Christmas substitute Tuesday 27.
    assert.deepEqual(dates('england-and-wales', 2022).slice(-2), ['2022-12-26', '2022-12-27']);
    // Scotland 2022: 1 Jan Saturday → Monday 3, 2 Jan Sunday → Tuesday 4.
    assert.deepEqual(dates('scotland', 2022).slice(0, 2), ['2022-01-03', '2022-01-04']);
    // Scotland has no Easter Monday; its summer holiday is the first Monday of August.
    assert.ok(!dates('scotland', 2026).includes('2026-04-06'));
    assert.ok(dates('scotland', 2026).includes('2026-08-03'));
    // St Andrew's Day 2025 is a Sunday → Monday 1 December.
    assert.ok(dates('scotland', 2025).includes('2025-12-01'));
    // Northern Ireland: 12 July 2026 is a Sunday → Monday 13th.
    assert.ok(dates('northern-ireland', 2026).includes('2026-07-13'));
  });

  it('knows the one-off days before 2018, which the standing rules alone miss', () => {
    for (const n of NATIONS) {
      const dates = (y: number) => ruleHolidays(n, y).map((h) => h.date);
      assert.ok(dates(2011).includes('2011-04-29'), 'the royal wedding');
      assert.ok(
        dates(2012).includes('2012-06-04') && dates(2012).includes('2012-06-05'),
        'spring moved; jubilee',
      );
      assert.ok(!dates(2012).includes('2012-05-28'), 'the spring holiday moved from 28 May 2012');
      assert.ok(dates(2002).includes('2002-06-03') && dates(2002).includes('2002-06-04'), 'golden jubilee');
      assert.ok(!dates(2002).includes('2002-05-27'), 'the spring holiday moved from 27 May 2002');
      assert.ok(dates(1999).includes('1999-12-31'), 'the millennium');
      for (const d of ['2012-06-05', '2011-04-29', '2002-06-03'])
        assert.equal(shippedCalendar().isBankHoliday(n, d), true, `${n} ${d}`);
    }
    const scotland = (y: number) => ruleHolidays('scotland', y).map((h) => h.date);
    assert.ok(!scotland(2006).includes('2006-11-30'), 'St Andrew’s Day is a bank holiday only from 2007');
    assert.ok(scotland(2007).includes('2007-11-30'));
  });

  it('agrees with GOV.UK’s own published lists for 2012–2017, and with the shipped list to 2028', () => {
    // Dates of GOV.UK's bank-holidays.json for 2012–2017, as MoJ's govuk-bank-holidays package cached it.
    const govuk: Record<(typeof NATIONS)[number], Record<number, string>> = {
      'england-and-wales': {
        2012: '01-02 04-06 04-09 05-07 06-04 06-05 08-27 12-25 12-26',
        2013: '01-01 03-29 04-01 05-06 05-27 08-26 12-25 12-26',
        2014: '01-01 04-18 04-21 05-05 05-26 08-25 12-25 12-26',
        2015: '01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28',
        2016: '01-01 03-25 03-28 05-02 05-30 08-29 12-26 12-27',
        2017: '01-02 04-14 04-17 05-01 05-29 08-28 12-25 12-26',
      },
      scotland: {
        2012: '01-02 01-03 04-06 05-07 06-04 06-05 08-06 11-30 12-25 12-26',
        2013: '01-01 01-02 03-29 05-06 05-27 08-05 12-02 12-25 12-26',
        2014: '01-01 01-02 04-18 05-05 05-26 08-04 12-01 12-25 12-26',
        2015: '01-01 01-02 04-03 05-04 05-25 08-03 11-30 12-25 12-28',
        2016: '01-01 01-04 03-25 05-02 05-30 08-01 11-30 12-26 12-27',
        2017: '01-02 01-03 04-14 05-01 05-29 08-07 11-30 12-25 12-26',
      },
      'northern-ireland': {
        2012: '01-02 03-19 04-06 04-09 05-07 06-04 06-05 07-12 08-27 12-25 12-26',
        2013: '01-01 03-18 03-29 04-01 05-06 05-27 07-12 08-26 12-25 12-26',
        2014: '01-01 03-17 04-18 04-21 05-05 05-26 07-14 08-25 12-25 12-26',
        2015: '01-01 03-17 04-03 04-06 05-04 05-25 07-13 08-31 12-25 12-28',
        2016: '01-01 03-17 03-25 03-28 05-02 05-30 07-12 08-29 12-26 12-27',
        2017: '01-02 03-17 04-14 04-17 05-01 05-29 07-12 08-28 12-25 12-26',
      },
    };
    const feed = shippedFeed();
    for (const n of NATIONS) {
      for (const [year, days] of Object.entries(govuk[n])) {
        const expected = days.split(' ').map((d) => `${year}-${d}`);
        assert.deepEqual(
          ruleHolidays(n, Number(year))
            .map((h) => h.date)
            .sort(),
          expected,
          `${n} ${year} rules`,
        );
        assert.deepEqual(
          feed[n].events
            .filter((e) => e.date.startsWith(year))
            .map((e) => e.date)
            .sort(),
          expected,
          `${n} ${year} shipped`,
        );
      }
      for (let year = 2018; year <= 2028; year++)
        assert.deepEqual(
          ruleHolidays(n, year)
            .map((h) => h.date)
            .sort(),
          feed[n].events
            .filter((e) => e.date.startsWith(String(year)))
            .map((e) => e.date)
            .sort(),
          `${n} ${year}`,
        );
    }
  });

  it('keeps the shipped years when an imported file covers only a few', () => {
    const feed = shippedFeed();
    const recent = Object.fromEntries(
      NATIONS.map((n) => [n, { division: n, events: feed[n].events.filter((e) => e.date >= '2024') }]),
    ) as typeof feed;
    const calendar = new HolidayCalendar(withFallback(recent, feed), 'govuk-test');
    assert.equal(calendar.isBankHoliday('england-and-wales', '2012-06-05'), true);
    assert.equal(calendar.isBankHoliday('england-and-wales', '2012-05-28'), false);
    assert.equal(calendar.isBankHoliday('scotland', '2026-11-30'), true);
  });

  it('uses the rules beyond the list and the list within it', () => {
    const cal = shippedCalendar();
    assert.equal(cal.usesRules('2031-05-05'), true);
    assert.equal(cal.isBankHoliday('england-and-wales', '2031-05-05'), true);
    assert.equal(cal.usesRules('2026-05-04'), false);
    assert.equal(isFoiWorkingDay(cal, '2031-12-25'), false);
  });

  it('follows an imported list over the rules', () => {
    const feed = shippedFeed();
    const extra = {
      title: 'Extra bank holiday',
      date: '2026-06-15',
      notes: 'Extra bank holiday',
      bunting: true,
    };
    const imported = new HolidayCalendar(
      {
        ...feed,
        'england-and-wales': {
          ...feed['england-and-wales'],
          events: [...feed['england-and-wales'].events, extra],
        },
      },
      'imported-1',
    );
    assert.equal(imported.isBankHoliday('england-and-wales', '2026-06-15'), true);
    assert.equal(shippedCalendar().isBankHoliday('england-and-wales', '2026-06-15'), false);
  });
});

describe('parsing GOV.UK bank-holidays.json', () => {
  it('accepts the real shape', () => {
    const result = parseHolidayFeed(JSON.stringify(shippedFeed()));
    assert.equal(result.ok, true);
  });
  it('explains what is wrong with a bad file', () => {
    const notJson = parseHolidayFeed('{"england-and-wales":');
    assert.equal(notJson.ok, false);
    assert.match(!notJson.ok ? notJson.problems[0]! : '', /not JSON/);
    const feed = shippedFeed();
    const badDate = parseHolidayFeed(
      JSON.stringify({
        ...feed,
        scotland: {
          division: 'scotland',
          events: [{ title: 'x', date: '2026-02-30', notes: '', bunting: false }],
        },
      }),
    );
    assert.equal(badDate.ok, false);
    assert.match(!badDate.ok ? badDate.problems.join() : '', /scotland\.events\.0\.date/);
    const missing = parseHolidayFeed(JSON.stringify({ 'england-and-wales': feed['england-and-wales'] }));
    assert.equal(missing.ok, false);
  });
});
