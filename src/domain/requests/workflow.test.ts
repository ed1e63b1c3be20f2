import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  WORKFLOW,
  canTake,
  nextStatus,
  clockEffect,
  deadlineKindOf,
  titleFromRequest,
  formatReference,
  isWhatDoTheyKnowAddress,
  regimeOf,
  replySubject,
  STATUSES,
} from './workflow.ts';

describe('request workflow', () => {
  it('titles a request by its first sentence or whole words, never cutting a word', () => {
    assert.equal(
      titleFromRequest('How much did you spend on potholes? Please break it down by ward.'),
      'How much did you spend on potholes?',
    );
    assert.equal(
      titleFromRequest(
        'Please send the traffic survey counts for the junction of Mill Lane and the High Street between 2019 and 2024',
      ),
      'Please send the traffic survey counts for the junction of Mill Lane and the High…',
    );
    assert.equal(titleFromRequest('Short one'), 'Short one');
  });

  it('pauses or restarts the clock as each law says', () => {
    assert.equal(clockEffect('foi', 'clarification'), 'restart', 'FOIA s.1(3)');
    assert.equal(clockEffect('eir', 'clarification'), 'restart', 'EIR reg 9');
    assert.equal(clockEffect('foi', 'fee'), 'pause', 'FOIA s.10(2)');
    assert.equal(clockEffect('sar', 'clarification'), 'pause', 'UK GDPR Art 12A, DPA 2018 s.54(3C)');
    assert.equal(clockEffect('erasure', 'clarification'), 'pause');
    assert.equal(clockEffect('sar', 'identity'), 'restart', 'Art 12A, identity');
    assert.equal(clockEffect('sar', 'fee'), 'restart', 'Art 12A, fee');
  });

  it('puts each type on its clock', () => {
    assert.equal(deadlineKindOf('foi', false), 'foi');
    assert.equal(deadlineKindOf('foi', true), 'foi-extended');
    assert.equal(deadlineKindOf('eir', true), 'eir-extended');
    assert.equal(deadlineKindOf('erasure', false), 'sar');
    assert.equal(deadlineKindOf('sar', true), 'sar-extended');
    assert.equal(deadlineKindOf('internal-review', false, 'eir'), 'eir-review');
    assert.equal(deadlineKindOf('internal-review', true, 'foi'), 'foi-review-extended');
    assert.equal(deadlineKindOf('press', false), 'enquiry');
    assert.equal(regimeOf('internal-review', 'eir'), 'eir');
    assert.equal(regimeOf('objection'), 'dpa');
    assert.equal(regimeOf('press'), undefined);
  });

  it('only allows each action from the statuses it lists', () => {
    assert.equal(canTake('respond', 'approved'), true);
    assert.equal(canTake('respond', 'drafting'), false, 'nothing goes out unapproved');
    assert.equal(canTake('close', 'drafting'), false);
    assert.equal(canTake('publish', 'drafting'), false);
    for (const { from, to } of Object.values(WORKFLOW)) {
      for (const s of from) assert.ok((STATUSES as readonly string[]).includes(s));
      if (typeof to === 'string' && to !== 'unchanged')
        assert.ok((STATUSES as readonly string[]).includes(to));
    }
  });

  it('says where each action leaves the case', () => {
    assert.equal(nextStatus('submit-for-approval', { status: 'drafting', directorateId: 1 }), 'approval');
    assert.equal(nextStatus('extend', { status: 'approval', directorateId: 1 }), 'approval', 'unchanged');
    assert.equal(nextStatus('allocate', { status: 'received', directorateId: null }), 'allocated');
    assert.equal(
      nextStatus('allocate', { status: 'drafting', directorateId: 1 }),
      'drafting',
      'a move, not a reset',
    );
    assert.equal(nextStatus('resume-clock', { status: 'awaiting-fee', directorateId: 2 }), 'allocated');
    assert.equal(nextStatus('resume-clock', { status: 'awaiting-fee', directorateId: null }), 'acknowledged');
  });

  it('recognises WhatDoTheyKnow and keeps its subject', () => {
    assert.equal(isWhatDoTheyKnowAddress('request-123456-1a2b3c4d@whatdotheyknow.com'), true);
    assert.equal(isWhatDoTheyKnowAddress('Request-9-ABCDEF01@WhatDoTheyKnow.com'), true);
    assert.equal(isWhatDoTheyKnowAddress('someone@whatdotheyknow.com'), false);
    assert.equal(isWhatDoTheyKnowAddress('request-1-1a2b3c4d@whatdotheyknow.com.evil.example'), false);
    const c = {
      reference: 'FOI-2026-00001',
      subject: 'Freedom of Information request - Pothole repairs',
      whatDoTheyKnow: true,
    };
    assert.equal(replySubject(c, 'Acknowledgement'), 'Re: Freedom of Information request - Pothole repairs');
    assert.equal(
      replySubject({ ...c, whatDoTheyKnow: false }, 'Acknowledgement'),
      'Acknowledgement – FOI-2026-00001',
    );
  });

  it('formats references', () => {
    assert.equal(formatReference('foi', 2026, 42), 'FOI-2026-00042');
    assert.equal(formatReference('erasure', 2026, 7), 'DPR-2026-00007');
  });
});
