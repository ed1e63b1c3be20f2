import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { londonOffsetMinutes, parseIsoDate, startOfLondonDay } from './london-time.ts';

describe('London time', () => {
  it('parses real calendar dates only', () => {
    assert.deepEqual(parseIsoDate('2024-02-29'), { year: 2024, month: 2, day: 29 });
    assert.equal(parseIsoDate('2023-02-29'), undefined);
    assert.equal(parseIsoDate('2026-13-01'), undefined);
    assert.equal(parseIsoDate('25/11/2026'), undefined);
    assert.equal(parseIsoDate(''), undefined);
  });

  it('knows GMT from BST, around both clock changes', () => {
    assert.equal(londonOffsetMinutes(new Date('2026-01-15T12:00:00Z')), 0);
    assert.equal(londonOffsetMinutes(new Date('2026-07-15T12:00:00Z')), 60);
    assert.equal(londonOffsetMinutes(new Date('2026-03-29T00:59:00Z')), 0);
    assert.equal(londonOffsetMinutes(new Date('2026-03-29T01:00:00Z')), 60);
    assert.equal(londonOffsetMinutes(new Date('2026-10-25T00:59:00Z')), 60);
    assert.equal(londonOffsetMinutes(new Date('2026-10-25T01:00:00Z')), 0);
  });

  it('starts a London day at local midnight', () => {
    assert.equal(startOfLondonDay(2026, 1, 15).toISOString(), '2026-01-15T00:00:00.000Z');
    assert.equal(startOfLondonDay(2026, 7, 15).toISOString(), '2026-07-14T23:00:00.000Z');
    assert.equal(startOfLondonDay(2026, 3, 29).toISOString(), '2026-03-29T00:00:00.000Z');
    assert.equal(startOfLondonDay(2026, 3, 30).toISOString(), '2026-03-29T23:00:00.000Z');
    assert.equal(startOfLondonDay(2026, 12, 32).toISOString(), '2027-01-01T00:00:00.000Z');
  });
});
