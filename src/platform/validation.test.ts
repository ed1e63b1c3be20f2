import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { idField, optionalIdField, parseId } from './validation.ts';

describe('ids at the edge', () => {
  it('reads only plain digits from 1 to 2³¹−1', () => {
    assert.equal(parseId('12'), 12);
    assert.equal(parseId(' 7 '), 7);
    assert.equal(parseId(2_147_483_647), 2_147_483_647);
    for (const bad of ['0', '-1', '1e3', '0x1f', 'Infinity', '12abc', '2147483648', '', null, undefined, 1.5])
      assert.equal(parseId(bad), undefined, String(bad));
  });

  it('gives a required id field its message when it is blank or not an id', () => {
    const schema = z.object({ teamId: idField('Choose a team') });
    assert.deepEqual(schema.parse({ teamId: '4' }), { teamId: 4 });
    for (const teamId of ['', undefined, 'x', '0'])
      assert.equal(schema.safeParse({ teamId }).error?.issues[0]?.message, 'Choose a team', String(teamId));
  });

  it('reads a blank optional id as left out, as a browser sends an unchosen select', () => {
    const schema = z.object({ teamId: optionalIdField('Choose a team') });
    assert.equal(schema.parse({ teamId: '' }).teamId, undefined);
    assert.equal(schema.parse({}).teamId, undefined);
    assert.equal(schema.parse({ teamId: '9' }).teamId, 9);
    assert.equal(schema.safeParse({ teamId: 'nine' }).error?.issues[0]?.message, 'Choose a team');
  });
});
