import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addWorkingHours,
  BreachClockInputError,
  breachDue,
  clockStanding,
  icoDeadline,
  inWorkingHours,
  londonMinute,
  parseLondonMoment,
} from './ico-clock.ts';
import { londonOffsetMinutes } from '../calendar/london-time.ts';
import { shippedCalendar } from '../calendar/shipped.ts';

/** The UK's clock changes: the last Sundays of March and October. */
const CHANGES = [
  { year: 2024, spring: '2024-03-31', autumn: '2024-10-27' },
  { year: 2025, spring: '2025-03-30', autumn: '2025-10-26' },
  { year: 2026, spring: '2026-03-29', autumn: '2026-10-25' },
  { year: 2027, spring: '2027-03-28', autumn: '2027-10-31' },
  { year: 2028, spring: '2028-03-26', autumn: '2028-10-29' },
  { year: 2030, spring: '2030-03-31', autumn: '2030-10-27' },
];

describe('the ICO clock', () => {
  it('gives DOMAIN.md’s example: 09:30 GMT on Friday 27 March 2026 is due 10:30 BST on Monday 30 March', () => {
    assert.deepEqual(breachDue('2026-03-27T09:30'), { due: '2026-03-30T10:30+01:00' });
    assert.deepEqual(breachDue('2026-03-27T09:30Z'), { due: '2026-03-30T10:30+01:00' });
    assert.deepEqual(breachDue('2026-03-27T10:30+01:00'), { due: '2026-03-30T10:30+01:00' });
    assert.deepEqual(breachDue(' 2026-03-27 09:30 '), { due: '2026-03-30T10:30+01:00' });
  });

  it('counts nights, weekends and bank holidays: always 72 elapsed hours', () => {
    // Christmas: Wednesday 23 December 2026 16:00 → Saturday 26 December 16:00, through Christmas Day.
    assert.deepEqual(breachDue('2026-12-23T16:00'), { due: '2026-12-26T16:00+00:00' });
    // A summer bank holiday weekend.
    assert.deepEqual(breachDue('2026-08-28T17:45'), { due: '2026-08-31T17:45+01:00' });
  });

  it('loses an hour of wall clock in spring and gains one in autumn, in every year', () => {
    for (const { spring, autumn } of CHANGES) {
      const friday = (sunday: string, days: number) => {
        const d = new Date(`${sunday}T12:00:00Z`);
        d.setUTCDate(d.getUTCDate() + days);
        return d.toISOString().slice(0, 10);
      };
      // Friday 09:30 GMT before the spring change → Monday 10:30 BST.
      assert.equal(breachDue(`${friday(spring, -2)}T09:30`).due, `${friday(spring, 1)}T10:30+01:00`);
      // Friday 09:30 BST before the autumn change → Monday 08:30 GMT.
      assert.equal(breachDue(`${friday(autumn, -2)}T09:30`).due, `${friday(autumn, 1)}T08:30+00:00`);
    }
  });

  it('reads the repeated autumn hour as the first, in BST', () => {
    for (const { autumn } of CHANGES) {
      const first = parseLondonMoment(`${autumn}T01:30`);
      assert.equal(first.toISOString(), `${autumn}T00:30:00.000Z`);
      assert.equal(londonMinute(first), `${autumn}T01:30+01:00`);
      // The second 01:30 can still be given exactly, with its offset.
      assert.equal(parseLondonMoment(`${autumn}T01:30+00:00`).toISOString(), `${autumn}T01:30:00.000Z`);
    }
  });

  it('refuses a spring time that never happened, naming the change, and accepts the minutes either side', () => {
    for (const { spring } of CHANGES) {
      for (const time of ['01:00', '01:30', '01:59']) {
        assert.throws(
          () => parseLondonMoment(`${spring}T${time}`),
          (error: Error) =>
            error instanceof BreachClockInputError &&
            error.message.includes('did not happen in London') &&
            error.message.includes('clocks went forward') &&
            error.message.includes(time),
        );
      }
      assert.equal(parseLondonMoment(`${spring}T00:59`).toISOString(), `${spring}T00:59:00.000Z`);
      assert.equal(parseLondonMoment(`${spring}T02:00`).toISOString(), `${spring}T01:00:00.000Z`);
    }
    assert.match(
      (() => {
        try {
          parseLondonMoment('2026-03-29T01:30');
          return '';
        } catch (error) {
          return (error as Error).message;
        }
      })(),
      /01:30 on 29 March 2026 did not happen in London/,
    );
  });

  it('refuses what is not a date and time, saying how to write one', () => {
    for (const bad of [
      '',
      'yesterday',
      '2026-03-27',
      '27/03/2026 09:30',
      '2026-02-30T10:00',
      '2026-03-27T24:00',
      '2026-03-27T09:60',
      '2026-02-30T10:00Z',
      '2026-03-27T09:30+25:00',
      '2026-03-27T09:30\u0000',
      'x'.repeat(10_000),
    ]) {
      assert.throws(() => parseLondonMoment(bad), BreachClockInputError, bad.slice(0, 30));
    }
  });

  it('is always exactly 72 × 3,600 seconds later, shown in the offset London has then', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01Z'), max: new Date('2040-12-31Z'), noInvalidDate: true }),
        (d) => {
          const aware = new Date(Math.floor(d.getTime() / 60_000) * 60_000);
          // What londonMinute writes reads back as the same instant.
          assert.equal(parseLondonMoment(londonMinute(aware)).getTime(), aware.getTime());
          const due = icoDeadline(aware);
          assert.equal(due.getTime() - aware.getTime(), 72 * 3600 * 1000);
          const shown = breachDue(londonMinute(aware)).due;
          assert.equal(new Date(shown).getTime(), due.getTime());
          const offset = londonOffsetMinutes(due) === 60 ? '+01:00' : '+00:00';
          assert.ok(shown.endsWith(offset), `${shown} should end ${offset}`);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('says how long is left, or how long ago it ran out', () => {
    const due = new Date('2026-03-30T09:30:00Z');
    assert.equal(clockStanding(due, new Date('2026-03-28T04:30:00Z')).words, '2 days 5 hours left');
    assert.equal(clockStanding(due, new Date('2026-03-30T04:20:00Z')).words, '5 hours 10 minutes left');
    assert.equal(clockStanding(due, new Date('2026-03-30T09:29:00Z')).words, '1 minute left');
    const late = clockStanding(due, new Date('2026-03-30T12:30:00Z'));
    assert.equal(late.overdue, true);
    assert.equal(late.words, '3 hours past the deadline');
  });
});

describe('working hours, for the triage escalation', () => {
  const calendar = shippedCalendar();
  it('counts four working hours across evenings, weekends and bank holidays', () => {
    const at = (text: string) => londonMinute(addWorkingHours(calendar, parseLondonMoment(text), 4));
    assert.equal(at('2026-12-01T10:00'), '2026-12-01T14:00+00:00');
    assert.equal(at('2026-12-01T15:00'), '2026-12-02T11:00+00:00');
    assert.equal(at('2026-12-04T16:00'), '2026-12-07T12:00+00:00'); // Friday → Monday
    assert.equal(at('2026-12-05T03:00'), '2026-12-07T13:00+00:00'); // Saturday night → Monday
    assert.equal(at('2026-12-01T07:00'), '2026-12-01T13:00+00:00'); // before opening
    assert.equal(at('2026-05-01T16:00'), '2026-05-05T12:00+01:00'); // Friday before the early May bank holiday
    assert.equal(at('2026-12-24T16:30'), '2026-12-29T12:30+00:00'); // Christmas and Boxing Day (substitute)
  });

  it('knows when the council is at work', () => {
    assert.equal(inWorkingHours(calendar, parseLondonMoment('2026-12-02T10:00')), true);
    assert.equal(inWorkingHours(calendar, parseLondonMoment('2026-12-02T17:00')), false);
    assert.equal(inWorkingHours(calendar, parseLondonMoment('2026-12-05T10:00')), false);
    assert.equal(inWorkingHours(calendar, parseLondonMoment('2026-12-25T10:00')), false);
  });
});
