import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  askedVersion,
  escalationDue,
  formatQuiz,
  inAudience,
  isAcknowledged,
  nextVersion,
  parseQuiz,
  quizScore,
  reminderDue,
  reviewStanding,
} from './policy.ts';

describe('policy versions and acknowledgement', () => {
  it('numbers versions 1.0, then 1.1 for a minor change and 2.0 for a material one', () => {
    const first = nextVersion(null, true);
    assert.deepEqual(first, { major: 1, minor: 0 });
    assert.deepEqual(nextVersion(first, false), { major: 1, minor: 1 });
    assert.deepEqual(nextVersion({ major: 1, minor: 3 }, true), { major: 2, minor: 0 });
  });

  it('asks for the latest material version; a minor one after it asks nobody again', () => {
    const v1 = { id: 1, material: true, publishedOn: '2025-01-10' };
    const v11 = { id: 2, material: false, publishedOn: '2025-06-01' };
    const v2 = { id: 3, material: true, publishedOn: '2026-02-01' };
    const v21 = { id: 4, material: false, publishedOn: '2026-05-01' };
    assert.equal(askedVersion([]), null);
    assert.equal(askedVersion([v1, v11])!.id, 1);
    assert.equal(askedVersion([v1, v11, v2, v21])!.id, 3);
    assert.equal(
      askedVersion([{ ...v11, id: 1 }])!.id,
      1,
      'the first version is asked for whatever it is called',
    );
    assert.equal(isAcknowledged([v1, v11], new Set([1])), true);
    assert.equal(
      isAcknowledged([v1, v11], new Set([2])),
      true,
      'acknowledging a later minor version is enough',
    );
    assert.equal(isAcknowledged([v1, v11, v2], new Set([1, 2])), false, 'a material change asks again');
    assert.equal(isAcknowledged([v1, v11, v2, v21], new Set([4])), true);
    assert.equal(isAcknowledged([], new Set()), true, 'nothing published, nothing to acknowledge');
  });

  it('is acknowledged exactly when some acknowledged version is the asked one or later, for any history', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(9)),
        (materials, acked) => {
          const published = materials.map((material, i) => ({
            id: i + 1,
            material,
            publishedOn: '2026-01-01',
          }));
          const lastMaterial = Math.max(1, ...published.filter((v) => v.material).map((v) => v.id));
          const expected = acked.some((id) => id >= lastMaterial && id <= published.length);
          assert.equal(isAcknowledged(published, new Set(acked)), expected);
        },
      ),
      { numRuns: 500, seed: 16 },
    );
  });
});

describe('who a policy applies to', () => {
  const person = { directorateId: 2, workerType: 'agency' as const, roles: ['staff'] };
  it('is everyone when nothing is listed, and each listed dimension narrows it', () => {
    assert.equal(inAudience({ directorateIds: [], roles: [], workerTypes: [] }, person), true);
    assert.equal(inAudience({ directorateIds: [2], roles: [], workerTypes: [] }, person), true);
    assert.equal(inAudience({ directorateIds: [2], roles: [], workerTypes: ['employee'] }, person), false);
    assert.equal(
      inAudience({ directorateIds: [], roles: ['requests_officer'], workerTypes: [] }, person),
      false,
    );
    assert.equal(
      inAudience({ directorateIds: [1, 2], roles: [], workerTypes: ['agency', 'contractor'] }, person),
      true,
    );
  });
});

describe('reviews and reminders', () => {
  it('is overdue after its date and due within 30 days of it', () => {
    assert.deepEqual(reviewStanding(null, '2026-12-02'), { kind: 'none' });
    assert.deepEqual(reviewStanding('2026-12-01', '2026-12-02'), { kind: 'overdue', on: '2026-12-01' });
    assert.deepEqual(reviewStanding('2027-01-01', '2026-12-02'), { kind: 'due', on: '2027-01-01' });
    assert.deepEqual(reviewStanding('2027-01-02', '2026-12-02'), { kind: 'scheduled', on: '2027-01-02' });
  });

  it('reminds a week after asking and weekly after, and tells the line manager once after three weeks', () => {
    assert.equal(reminderDue('2026-11-01', null, '2026-11-07'), false);
    assert.equal(reminderDue('2026-11-01', null, '2026-11-08'), true);
    assert.equal(reminderDue('2026-11-01', '2026-11-08', '2026-11-14'), false);
    assert.equal(reminderDue('2026-11-01', '2026-11-08', '2026-11-15'), true);
    assert.equal(escalationDue('2026-11-01', null, '2026-11-21'), false);
    assert.equal(escalationDue('2026-11-01', null, '2026-11-22'), true);
    assert.equal(escalationDue('2026-11-01', '2026-11-22', '2026-12-30'), false);
  });
});

describe('a policy’s quiz', () => {
  const text =
    'Who do you tell about a breach? | Your friend | *The IG team at once | No one\n\nCan you share passwords? | Yes | *No';
  it('reads one question a line with the right answer starred, and writes it back the same', () => {
    const quiz = parseQuiz(text);
    assert.deepEqual(quiz[0], {
      question: 'Who do you tell about a breach?',
      options: ['Your friend', 'The IG team at once', 'No one'],
      answer: 1,
    });
    assert.deepEqual(parseQuiz(formatQuiz(quiz)), quiz);
  });

  it('refuses a question without two options or with no or two right answers, naming the line', () => {
    assert.throws(() => parseQuiz('Question? | *only'), /Line 1: give at least two options/);
    assert.throws(() => parseQuiz('ok? | *a | b\nQ? | a | b'), /Line 2: mark exactly one option/);
    assert.throws(() => parseQuiz('Q? | *a | *b'), /Line 1: mark exactly one option/);
    assert.throws(() => parseQuiz('| *a | b'), /Line 1: start with the question/);
  });

  it('scores whole percentages rounded down, so a pass mark is never reached by rounding', () => {
    const quiz = parseQuiz('A? | *x | y\nB? | *x | y\nC? | *x | y');
    assert.equal(quizScore(quiz, [0, 0, 0]), 100);
    assert.equal(quizScore(quiz, [0, 0, 1]), 66);
    assert.equal(quizScore(quiz, [null, 1, 1]), 0);
    assert.equal(quizScore([], []), 100);
  });
});
