import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { countOf, fileSize, govukDate, londonTime, plural } from './format.ts';

describe('writing numbers, sizes and dates', () => {
  it('says 1 case and 2 cases', () => {
    assert.equal(countOf(1, 'case'), '1 case');
    assert.equal(countOf(0, 'case'), '0 cases');
    assert.equal(countOf(1204, 'file'), '1,204 files');
    assert.equal(plural(1, 'response is', 'responses are'), 'response is');
    assert.equal(plural(3, 'response is', 'responses are'), 'responses are');
  });

  it('never writes 0 MB for a file with something in it', () => {
    assert.equal(fileSize(0), '0 bytes');
    assert.equal(fileSize(1), '1 byte');
    assert.equal(fileSize(900), '900 bytes');
    assert.equal(fileSize(14 * 1024), '14 KB');
    assert.equal(fileSize(3.24 * 1024 * 1024), '3.2 MB');
    assert.equal(fileSize(1.5 * 1024 ** 3), '1.5 GB');
  });

  it('writes dates as "7 December 2026"', () => {
    assert.equal(govukDate('2026-12-07'), '7 December 2026');
    assert.equal(govukDate('2026-12-07', { weekday: true }), 'Monday 7 December 2026');
    assert.equal(govukDate(null), '');
    assert.equal(govukDate('nonsense'), '');
  });
});

describe('londonTime', () => {
  it('writes the time in London as GOV.UK does, across the clock change', () => {
    assert.equal(londonTime(new Date('2026-12-02T09:05:00Z')), '9:05am');
    assert.equal(londonTime(new Date('2026-12-02T12:30:00Z')), '12:30pm');
    assert.equal(londonTime(new Date('2026-12-02T00:00:00Z')), '12:00am');
    assert.equal(londonTime(new Date('2026-07-01T16:45:00Z')), '5:45pm', 'British Summer Time');
  });
});
