import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { breachRisk, enisaScore, type EnisaInput } from './risk.ts';
import { closureProblems, runningDeadline, subjectsDecisionProblem, type IncidentState } from './workflow.ts';

describe('the risk a breach poses', () => {
  it('reads the ICO matrix, with a severe consequence high however unlikely', () => {
    const cell = (
      likelihood: 'remote' | 'possible' | 'probable',
      severity: 'minimal' | 'significant' | 'severe',
    ) => breachRisk({ likelihood, severity, sensitiveData: false });
    assert.deepEqual(
      (['remote', 'possible', 'probable'] as const).map((l) =>
        (['minimal', 'significant', 'severe'] as const).map((s) => cell(l, s)),
      ),
      [
        ['low', 'low', 'high'],
        ['low', 'medium', 'high'],
        ['medium', 'high', 'high'],
      ],
    );
  });

  it('treats special-category or criminal-offence data as making damage likely (EDPB)', () => {
    assert.equal(breachRisk({ likelihood: 'remote', severity: 'minimal', sensitiveData: true }), 'medium');
    assert.equal(breachRisk({ likelihood: 'remote', severity: 'significant', sensitiveData: true }), 'high');
  });

  it('works out ENISA’s score, SE = DPC × EI + CB, in its bands', () => {
    const base: EnisaInput = {
      dataContext: 'simple',
      adjustment: 'none',
      identification: 'maximum',
      confidentiality: 'none',
      integrity: 'none',
      availability: 'none',
      malicious: false,
    };
    assert.deepEqual(enisaScore(base), { score: 1, band: 'low' });
    assert.deepEqual(
      enisaScore({
        ...base,
        dataContext: 'financial',
        identification: 'significant',
        confidentiality: 'serious',
      }),
      {
        score: 2.75,
        band: 'medium',
      },
    );
    assert.deepEqual(enisaScore({ ...base, dataContext: 'sensitive', adjustment: 'up', malicious: true }), {
      score: 4.5,
      band: 'very-high',
    });
    // The data context stays between 1 and 4 after its adjustment.
    assert.equal(enisaScore({ ...base, adjustment: 'down' }).score, 1);
    assert.equal(
      enisaScore({ ...base, dataContext: 'behavioural', identification: 'negligible' }).score,
      0.5,
    );
    assert.equal(
      enisaScore({
        ...base,
        dataContext: 'sensitive',
        identification: 'limited',
        integrity: 'limited',
        availability: 'limited',
      }).band,
      'medium',
    );
    assert.equal(enisaScore({ ...base, dataContext: 'financial' }).band, 'high');
  });
});

describe('where a case stands', () => {
  const open: IncidentState = {
    status: 'assessed',
    classification: 'breach',
    awareAt: new Date('2026-03-27T09:30:00Z'),
    occurredAt: null,
    riskLevel: 'medium',
    icoDecision: null,
    icoReportedAt: null,
    subjectsDecision: null,
    openActions: 2,
    lessonsReviewedAt: null,
  };

  it('runs the clock only for a breach not yet reported or decided against', () => {
    assert.equal(runningDeadline(open)!.toISOString(), '2026-03-30T09:30:00.000Z');
    assert.notEqual(
      runningDeadline({ ...open, icoDecision: 'report' }),
      null,
      'deciding to report does not stop it',
    );
    assert.equal(runningDeadline({ ...open, icoDecision: 'report', icoReportedAt: new Date() }), null);
    assert.equal(runningDeadline({ ...open, icoDecision: 'do-not-report' }), null);
    assert.equal(runningDeadline({ ...open, classification: 'near-miss' }), null);
    assert.equal(runningDeadline({ ...open, status: 'closed' }), null);
  });

  it('names everything that stands in the way of closing', () => {
    assert.deepEqual(closureProblems(open), [
      'Record whether the ICO is told, and why',
      'Record whether the people affected are told, and why',
      'Finish or close its 2 open actions',
      'Hold the lessons-learned review and record what was learned',
    ]);
    assert.deepEqual(
      closureProblems({
        ...open,
        icoDecision: 'report',
        subjectsDecision: 'do-not-tell',
        openActions: 1,
      }).slice(0, 2),
      ['Record the report made to the ICO', 'Finish or close its open action'],
    );
    assert.deepEqual(
      closureProblems({
        ...open,
        icoDecision: 'do-not-report',
        subjectsDecision: 'do-not-tell',
        openActions: 0,
        lessonsReviewedAt: new Date(),
      }),
      [],
    );
    assert.deepEqual(closureProblems({ ...open, classification: 'not-an-incident', openActions: 0 }), []);
    assert.deepEqual(closureProblems({ ...open, status: 'reported', classification: null, openActions: 0 }), [
      'Triage it first',
      'Hold the lessons-learned review and record what was learned',
    ]);
  });

  it('asks for an Art 34(3) exemption only for not telling people of a high risk', () => {
    assert.match(subjectsDecisionProblem('do-not-tell', 'high', null)!, /Art 34\(3\)/);
    assert.equal(subjectsDecisionProblem('do-not-tell', 'high', 'unintelligible'), null);
    assert.equal(subjectsDecisionProblem('do-not-tell', 'medium', null), null);
    assert.equal(subjectsDecisionProblem('tell', 'high', null), null);
  });
});
