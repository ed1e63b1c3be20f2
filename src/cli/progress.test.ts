import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { progressText } from './progress.ts';

describe('scan progress line', () => {
  const progress = { files: 12_000, bytes: 340_000_000, processed: 11_000, errors: 3 };

  it('shows files, bytes, rate and errors while the total is still being counted', () => {
    assert.equal(progressText(progress, 60), '12,000 files · 340.0 MB · 200 files/s · 3 errors');
  });

  it('adds the total and the time left at the rate so far', () => {
    assert.equal(
      progressText(progress, 60, { files: 732_000, bytes: 9_000_000_000 }),
      '12,000 of 732,000 files · 340.0 of 9000.0 MB · 200 files/s · 3 errors · 1:00:00 left',
    );
    assert.match(progressText(progress, 60, { files: 24_000, bytes: 1 }), /1:00 left$/);
  });
});
