import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rotReasons } from './rot.ts';
import { hammingDistance, linkedGroups, simhash } from './simhash.ts';

const now = new Date('2026-11-25T12:00:00Z');
const facts = (name: string, size = 100, modified = new Date('2025-01-01T00:00:00Z'), subject?: string) =>
  rotReasons({ name, size, modified, subject }, { staleYears: 6, now });

describe('ROT', () => {
  it('records each reason separately', () => {
    assert.deepEqual(facts('report.docx'), []);
    assert.deepEqual(facts('empty.txt', 0), ['empty']);
    assert.deepEqual(facts('Thumbs.db'), ['system-file']);
    assert.deepEqual(facts('.DS_Store'), ['system-file']);
    assert.deepEqual(facts('~$budget.xlsx'), ['temporary-file']);
    assert.deepEqual(facts('draft.tmp'), ['temporary-file']);
    assert.deepEqual(facts('Budget.lnk'), ['shortcut']);
    assert.deepEqual(facts('setup.msi'), ['installer']);
    assert.deepEqual(facts('note.eml', 100, undefined, 'Automatic reply: Planning query'), ['out-of-office']);
    assert.deepEqual(facts('old.doc', 0, new Date('2019-06-01T00:00:00Z')), ['empty', 'stale']);
  });

  it('calls a file stale only after the configured age', () => {
    assert.deepEqual(
      rotReasons(
        { name: 'a.txt', size: 1, modified: new Date('2020-11-26T00:00:00Z') },
        { staleYears: 6, now },
      ),
      [],
    );
    assert.deepEqual(
      rotReasons(
        { name: 'a.txt', size: 1, modified: new Date('2020-11-24T00:00:00Z') },
        { staleYears: 6, now },
      ),
      ['stale'],
    );
    assert.deepEqual(
      rotReasons(
        { name: 'a.txt', size: 1, modified: new Date('2024-11-24T00:00:00Z') },
        { staleYears: 1, now },
      ),
      ['stale'],
    );
  });
});

describe('near duplicates', () => {
  const base =
    'The committee considered the report on highway maintenance and agreed the programme of resurfacing works for the coming year across all wards in the borough, subject to budget approval at full council in March.';
  it('puts texts that differ by a word within a few bits, and different texts far apart', () => {
    const a = simhash(base)!;
    const b = simhash(base.replace('coming year', 'next year'))!;
    const c = simhash(
      'Minutes of the licensing sub-committee hearing into the premises licence application for the corner shop on the high street.',
    )!;
    assert.ok(hammingDistance(a, b) <= 12, `close: ${hammingDistance(a, b)}`);
    assert.ok(hammingDistance(a, c) > 16, `far: ${hammingDistance(a, c)}`);
    assert.equal(
      hammingDistance(a, simhash(base.toUpperCase().replace(/,/g, ''))!),
      0,
      'case and punctuation do not count',
    );
    assert.equal(simhash('too short'), undefined);
  });

  it('joins near copies of near copies into one group, and leaves the rest apart', () => {
    const groups = linkedGroups([
      ['a', 'b'],
      ['c', 'b'],
      ['x', 'y'],
    ]);
    assert.equal(groups.get('a'), groups.get('b'));
    assert.equal(groups.get('c'), groups.get('a'));
    assert.equal(groups.get('x'), groups.get('y'));
    assert.notEqual(groups.get('x'), groups.get('a'));
    assert.equal(groups.get('z'), undefined);
    assert.equal(linkedGroups([]).size, 0);
  });
});
