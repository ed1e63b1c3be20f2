import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { shippedCalendar } from '../calendar/shipped.ts';
import {
  median,
  monthlyTrend,
  quarterlyStatistics,
  quarterOf,
  ragFor,
  tallies,
  timeliness,
  type ResponseFact,
} from './statistics.ts';

const calendar = shippedCalendar();

function response(overrides: Partial<ResponseFact>): ResponseFact {
  return {
    type: 'foi',
    directorateId: 1,
    clockStart: '2026-11-02',
    respondedOn: '2026-11-20',
    dueOn: '2026-11-30',
    extended: false,
    outcome: 'granted',
    exemptions: [],
    reviewOutcome: null,
    icoReference: null,
    ...overrides,
  };
}

describe('request statistics', () => {
  it('rates timeliness against the target: green at or above it, amber within five points, red below', () => {
    assert.equal(ragFor(95, 95), 'green');
    assert.equal(ragFor(94.9, 95), 'amber');
    assert.equal(ragFor(90, 95), 'amber');
    assert.equal(ragFor(89.9, 95), 'red');
    assert.equal(ragFor(null, 95), 'none', 'nothing responded is not a failure');
  });

  it('takes the median of an odd and an even count, and of nothing', () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([]), null);
  });

  it('counts each directorate on each clock, in time against its own target, and leaves out empty rows', () => {
    const rows = timeliness({
      calendar,
      months: ['2026-11', '2026-12'],
      directorates: [
        { id: 1, name: 'Resources' },
        { id: 2, name: 'Place' },
        { id: null, name: 'Not allocated' },
      ],
      responded: [
        response({}),
        response({ respondedOn: '2026-12-01' }), // a day late
        response({ respondedOn: '2026-12-01', dueOn: '2026-12-01', type: 'eir' }),
        response({ type: 'sar', respondedOn: '2026-11-16' }),
        response({ type: 'press' }), // no statutory clock: not reported
      ],
      overdue: [{ directorateId: null, type: 'sar' }],
      targetFor: (id, family) => (id === 1 && family === 'foi' ? 90 : 95),
    });
    assert.deepEqual(
      rows.map((r) => [r.directorate, r.family, r.total, r.inTime, r.percent, r.target, r.rag, r.overdue]),
      [
        ['Resources', 'foi', 3, 2, 66.7, 90, 'red', 0],
        ['Resources', 'sar', 1, 1, 100, 95, 'green', 0],
        ['Not allocated', 'sar', 0, 0, null, 95, 'none', 1],
      ],
    );
    const foi = rows[0]!;
    assert.deepEqual(
      foi.byMonth.map((m) => [m.month, m.total, m.inTime]),
      [
        ['2026-11', 1, 1],
        ['2026-12', 2, 1],
      ],
    );
    // 2 Nov → 20 Nov is 14 working days; → 1 Dec is 20, not 21: St Andrew's Day (Monday 30 November) is a bank
    // holiday in Scotland, so not a working day anywhere in the UK under FOIA s.10(6). The median of 14, 20 and 20.
    assert.equal(foi.medianWorkingDays, 20);
  });

  it('gives the council-wide share in time month by month for each clock', () => {
    const trend = monthlyTrend(
      [response({}), response({ respondedOn: '2026-12-01' }), response({ type: 'sar' })],
      ['2026-11', '2026-12'],
    );
    assert.deepEqual(trend, [
      {
        family: 'foi',
        points: [
          { month: '2026-11', total: 1, percent: 100 },
          { month: '2026-12', total: 1, percent: 0 },
        ],
      },
      {
        family: 'sar',
        points: [
          { month: '2026-11', total: 1, percent: 100 },
          { month: '2026-12', total: 0, percent: null },
        ],
      },
    ]);
  });

  it('builds the s.45 quarterly return from FOI and EIR only, with extended responses and reviews apart', () => {
    assert.equal(quarterOf('2026-01'), '2026 Q1');
    assert.equal(quarterOf('2026-12'), '2026 Q4');
    const [q3, q4] = quarterlyStatistics(
      [
        response({ respondedOn: '2026-09-30', dueOn: '2026-09-30', outcome: 'refused' }),
        response({ extended: true, outcome: 'part-granted', icoReference: 'IC-1' }),
        response({ respondedOn: '2026-12-02', outcome: 'ncnd' }),
        response({ type: 'eir', outcome: 'not-held' }),
        response({ type: 'sar' }),
        response({ type: 'internal-review', outcome: null, reviewOutcome: 'upheld' }),
      ],
      [
        { type: 'foi', channel: 'email', month: '2026-10', n: 4 },
        { type: 'eir', channel: 'web', month: '2026-11', n: 1 },
        { type: 'sar', channel: 'email', month: '2026-11', n: 7 },
      ],
    );
    assert.deepEqual(
      [q3!.quarter, q3!.received, q3!.responded, q3!.inTime, q3!.refused],
      ['2026 Q3', 0, 1, 1, 1],
    );
    assert.deepEqual(q4, {
      quarter: '2026 Q4',
      received: 5,
      responded: 3,
      inTime: 1,
      extendedInTime: 1,
      late: 1,
      grantedInFull: 0,
      grantedInPart: 1,
      refused: 1,
      notHeld: 1,
      costLimit: 0,
      vexatiousOrRepeated: 0,
      internalReviews: 1,
      icoComplaints: 1,
    });
  });

  it('tallies volumes, outcomes, exemptions and review results, most first', () => {
    const t = tallies(
      [
        response({ outcome: 'refused', exemptions: ['s40(2)', 's43(2)'] }),
        response({ outcome: 'refused', exemptions: ['s40(2)'] }),
        response({ outcome: 'granted' }),
        response({ type: 'internal-review', outcome: null, reviewOutcome: 'upheld' }),
      ],
      [
        { type: 'foi', channel: 'email', month: '2026-11', n: 2 },
        { type: 'sar', channel: 'post', month: '2026-11', n: 3 },
      ],
    );
    assert.deepEqual(t.volumesByType, [
      { key: 'sar', n: 3 },
      { key: 'foi', n: 2 },
    ]);
    assert.deepEqual(t.outcomes, [
      { key: 'refused', n: 2 },
      { key: 'granted', n: 1 },
    ]);
    assert.deepEqual(t.exemptions[0], { key: 's40(2)', n: 2 });
    assert.deepEqual(t.reviewOutcomes, [{ key: 'upheld', n: 1 }]);
  });
});
