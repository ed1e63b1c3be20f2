import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  coolingOffOver,
  coolingOffUntil,
  decisionProblem,
  disposalNumber,
  LIST_STATUSES,
  LIST_WORKFLOW,
  listCanTake,
} from './disposal.ts';

describe('disposal lists', () => {
  it('moves a list only the way the table says', () => {
    assert.ok(listCanTake('approve', 'approval'));
    assert.ok(!listCanTake('approve', 'review'), 'an unreviewed list cannot be approved');
    assert.ok(!listCanTake('execute', 'approval'), 'nothing is carried out before approval');
    assert.ok(!listCanTake('stop', 'executed'), 'what is done cannot be stopped');
    for (const status of LIST_STATUSES)
      assert.equal(listCanTake('execute', status), status === 'cooling-off', `execute from ${status}`);
    const targets = new Set(Object.values(LIST_WORKFLOW).map((a) => a.to));
    for (const status of LIST_STATUSES.filter((s) => s !== 'review'))
      assert.ok(targets.has(status), `${status} is reachable`);
  });

  it('carries out a list from the day after its cooling-off', () => {
    assert.equal(coolingOffUntil('2026-12-02', 7), '2026-12-09');
    const list = { status: 'cooling-off', coolingOffUntil: '2026-12-09' };
    assert.equal(coolingOffOver(list, '2026-12-09'), false);
    assert.equal(coolingOffOver(list, '2026-12-10'), true);
    assert.equal(coolingOffOver({ ...list, status: 'stopped' }, '2027-01-01'), false);
  });

  it('asks for what each decision needs', () => {
    const today = '2026-12-02';
    assert.equal(decisionProblem({ decision: 'dispose' }, today), undefined);
    assert.equal(
      decisionProblem({ decision: 'keep', keepUntil: '2027-13-01', reason: 'x' }, today)?.field,
      'keepUntil',
    );
    assert.equal(
      decisionProblem({ decision: 'keep', keepUntil: today, reason: 'x' }, today)?.field,
      'keepUntil',
    );
    assert.equal(
      decisionProblem({ decision: 'keep', keepUntil: '2027-01-01', reason: ' ' }, today)?.field,
      'reason',
    );
    assert.equal(
      decisionProblem({ decision: 'keep', keepUntil: '2027-01-01', reason: 'Complaint' }, today),
      undefined,
    );
    assert.equal(decisionProblem({ decision: 'reclassify', reason: 'x' }, today)?.field, 'newClassId');
    assert.equal(
      decisionProblem({ decision: 'reclassify', newClassId: 3, reason: '' }, today)?.field,
      'reason',
    );
  });

  it('numbers lists and certificates by year', () => {
    assert.equal(disposalNumber('DL', 2026, 7), 'DL-2026-0007');
    assert.equal(disposalNumber('DC', 2027, 12345), 'DC-2027-12345');
  });
});
