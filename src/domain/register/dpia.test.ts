import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  canTake,
  consultationReplyDue,
  DPIA_WORKFLOW,
  materialFingerprint,
  needsPriorConsultation,
  residualLevel,
  riskLevel,
  submissionProblems,
  type AssessedRisk,
} from './dpia.ts';

describe('the ICO risk matrix', () => {
  it('reads every cell of the three-by-three matrix', () => {
    const expected = {
      remote: { minimal: 'low', significant: 'low', severe: 'medium' },
      possible: { minimal: 'low', significant: 'medium', severe: 'high' },
      probable: { minimal: 'medium', significant: 'high', severe: 'high' },
    } as const;
    for (const [likelihood, row] of Object.entries(expected))
      for (const [severity, level] of Object.entries(row))
        assert.equal(riskLevel(likelihood as never, severity as never), level, `${likelihood} × ${severity}`);
  });
});

const risk = (overrides: Partial<AssessedRisk> = {}): AssessedRisk => ({
  likelihood: 'probable',
  severity: 'severe',
  effect: 'reduced',
  residualLikelihood: 'remote',
  residualSeverity: 'significant',
  ...overrides,
});

describe('the risk left after the measures', () => {
  it('is nothing once eliminated, the residual cell once reduced or accepted, the inherent one before any measure', () => {
    assert.equal(residualLevel(risk({ effect: 'eliminated' })), null);
    assert.equal(residualLevel(risk()), 'low');
    assert.equal(
      residualLevel(risk({ effect: 'accepted', residualLikelihood: null, residualSeverity: null })),
      'high',
    );
    assert.equal(residualLevel(risk({ effect: null })), 'high');
  });
  it('asks for prior consultation with the ICO only while a high risk remains (Art 36(1))', () => {
    assert.equal(needsPriorConsultation([risk(), risk({ effect: 'eliminated' })]), false);
    assert.equal(
      needsPriorConsultation([risk(), risk({ residualLikelihood: 'possible', residualSeverity: 'severe' })]),
      true,
    );
  });
});

describe('the DPIA workflow', () => {
  it('goes to the DPO only from assessment, and to sign-off only with the DPO’s advice', () => {
    assert.ok(canTake('submit', 'assessment'));
    assert.ok(!canTake('submit', 'sign-off'));
    assert.ok(canTake('approve', 'sign-off'));
    assert.ok(!canTake('approve', 'dpo-review'));
    assert.ok(!canTake('approve', 'assessment'));
  });
  it('never leaves a finished assessment except to be replaced by a later version', () => {
    for (const [action, rule] of Object.entries(DPIA_WORKFLOW)) {
      assert.ok(!(rule.from as readonly string[]).includes('rejected'), action);
      assert.ok(!(rule.from as readonly string[]).includes('superseded'), action);
      if ((rule.from as readonly string[]).includes('approved')) assert.equal(action, 'supersede');
    }
  });
  it('will not submit an assessment with a mandatory step empty or a risk without measures', () => {
    const all = new Map([
      [1, 'Need'],
      [2, 'Processing'],
      [4, 'Necessity'],
    ] as const);
    assert.deepEqual(submissionProblems(all, [risk()]), []);
    assert.deepEqual(
      submissionProblems(
        new Map([
          [1, 'Need'],
          [2, '  '],
        ] as const),
        [],
      ),
      [
        'Write step 2: describe the processing',
        'Write step 4: assess necessity and proportionality',
        'Record at least one risk in step 5',
      ],
    );
    assert.deepEqual(submissionProblems(all, [risk({ effect: null })]), [
      'Say what the measures do to risk 1 in step 6',
    ]);
  });
});

describe('prior consultation with the ICO', () => {
  it('is answered within eight weeks, or fourteen when the ICO extends it (Art 36(2))', () => {
    assert.equal(consultationReplyDue('2026-11-02', false), '2026-12-28');
    assert.equal(consultationReplyDue('2026-11-02', true), '2027-02-08');
  });
});

describe('a material change to a processing activity', () => {
  const base = {
    purposes: ['Care assessments'],
    article6: 'e',
    dataSubjects: ['Adults'],
    dataCategories: ['Contact details'],
    specialCategories: ['Health'],
    criminalOffenceData: false,
    recipients: [
      { name: 'NHS trust', external: true },
      { name: 'Care team', external: false },
    ],
    transfers: [],
    automatedDecisions: '',
  };
  it('is a change to what is done, with whose data, on what basis, shared with whom outside the council', () => {
    const before = materialFingerprint(base);
    assert.equal(materialFingerprint({ ...base, dataSubjects: ['adults '] }), before);
    assert.equal(
      materialFingerprint({ ...base, recipients: [{ name: 'NHS trust', external: true }] }),
      before,
    );
    assert.notEqual(materialFingerprint({ ...base, specialCategories: ['Health', 'Genetic data'] }), before);
    assert.notEqual(
      materialFingerprint({ ...base, recipients: [...base.recipients, { name: 'Police', external: true }] }),
      before,
    );
    assert.notEqual(materialFingerprint({ ...base, automatedDecisions: 'Eligibility scoring' }), before);
  });
});
