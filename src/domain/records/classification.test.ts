import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { climbsOut, exactClassifier, folderClassifier, normaliseFolder } from './classification.ts';

describe('classifying records by rule', () => {
  it('keeps folders one way whatever way they were typed', () => {
    assert.equal(normaliseFolder('\\\\share\\Planning\\Decisions\\'), 'share/Planning/Decisions');
    assert.equal(normaliseFolder('/Planning//Decisions/./'), 'Planning/Decisions');
    assert.equal(normaliseFolder(''), '');
    assert.equal(climbsOut('Planning/../HR'), true);
    assert.equal(climbsOut('Planning/..hidden'), false);
  });

  it('puts a file in the class of the longest folder it lies under, ignoring case', () => {
    const classify = folderClassifier([
      { selector: 'Planning', classId: 'PLAN-05' },
      { selector: 'Planning\\Decisions', classId: 'PLAN-01' },
      { selector: 'HR/Payroll', classId: 'HR-03' },
    ]);
    assert.equal(classify('Planning/Decisions/2019/notice.pdf'), 'PLAN-01');
    assert.equal(classify('planning/decisions/notice.pdf'), 'PLAN-01');
    assert.equal(classify('Planning/Policy/local-plan.docx'), 'PLAN-05');
    assert.equal(classify('Planning Decisions/notice.pdf'), undefined, 'a folder is not a prefix of a name');
    assert.equal(classify('HR/Payroll'), 'HR-03');
    assert.equal(classify('Finance/budget.xlsx'), undefined);
    assert.equal(folderClassifier([{ selector: '', classId: 'ALL' }])('Any/thing.txt'), 'ALL');
  });

  it('matches exact values such as case types', () => {
    const classify = exactClassifier([
      { selector: 'foi', classId: 1 },
      { selector: 'sar', classId: 1 },
    ]);
    assert.equal(classify('foi'), 1);
    assert.equal(classify('press'), undefined);
  });
});
