import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ContextIndex, ContextWords } from './context.ts';

describe('context words in one pass', () => {
  const words = new ContextWords([
    ['nhs', 'date of birth', 'dob'],
    ['date of birth', 'd\\.?o\\.?b\\.?', 'born(?: on)?'],
    ['tel', 'telephone', 'contact'],
    ['e-?mail', 'contact'],
  ]);

  it('speaks for every detector whose own words match, the longer word winning where two start together', () => {
    const index = new ContextIndex('Telephone or contact; DOB and D.O.B. then date of birth, born on', words);
    assert.equal(index.within(0, 9), 0b0100, 'telephone, not tel');
    assert.equal(index.within(13, 20), 0b1100, 'contact is for the telephone and the e-mail address');
    assert.equal(index.within(22, 25), 0b0011, 'DOB for both the NHS number and the date of birth');
    assert.equal(index.within(30, 36), 0b0010, 'D.O.B. only for the date of birth');
    assert.equal(index.within(42, 55), 0b0011);
    assert.equal(index.within(57, 64), 0b0010);
  });

  it('finds nothing inside words or across a window it was not asked about', () => {
    assert.equal(new ContextIndex('telephones hotel contacted', words).within(0, 30), 0);
    const text = 'nhs ......................................... contact';
    const windowed = new ContextIndex(text, words, [text.length - 10, text.length]);
    assert.equal(windowed.within(0, text.length), 0b1100, 'only the window is read');
    assert.equal(windowed.near(text.length - 7, text.length, 0b0001, 300, 60), false);
    const whole = new ContextIndex(text, words);
    assert.equal(whole.near(10, 12, 0b0001, 300, 60), true);
    assert.equal(whole.near(10, 12, 0b0001, 5, 60), false, 'too far back');
  });
});
