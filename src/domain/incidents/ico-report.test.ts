import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { icoReport, type IcoReportCase, type Organisation } from './ico-report.ts';
import { incidentTrends, monthsBetween, type TrendIncident } from './trends.ts';

const breach: IcoReportCase = {
  reference: 'INC-2026-0042',
  summary: 'A spreadsheet was e-mailed to the wrong contractor.',
  howFound: 'The contractor told us.',
  occurredAt: new Date('2026-03-26T16:00:00Z'),
  discoveredAt: new Date('2026-03-27T09:00:00Z'),
  awareAt: new Date('2026-03-27T09:30:00Z'),
  ongoing: 'no',
  breachTypes: ['confidentiality'],
  cause: 'phishing',
  dataCategories: ['identifiers', 'financial'],
  specialCategories: [],
  peopleApprox: '11-100',
  peopleCount: null,
  recordsApprox: null,
  recordsCount: 1250,
  subjectCategories: ['residents', 'children'],
  consequences: 'Fraud',
  likelihood: 'possible',
  severity: 'significant',
  riskRationale: 'Bank details.',
  staffTraining: 'not-known',
  measuresBefore: 'Mail filtering',
  containment: ['Recalled the message', 'Contractor deleted it'],
  subjectsDecision: 'do-not-tell',
  subjectsReason: 'Risk is not high.',
  art34Exemption: null,
  subjectsToldOn: null,
  processor: null,
  othersTold: [{ body: 'action-fraud', toldOn: '2026-03-28', reference: 'NFRC-1' }],
  icoReference: null,
  delayReason: null,
};
const org: Organisation = {
  name: 'Kingsmere Borough Council',
  address: 'Town Hall',
  email: 'ig@kingsmere.example',
  icoRegistration: 'Z1234567',
  dpoName: 'Priya Shah',
  dpoEmail: 'dpo@kingsmere.example',
  contact: 'Tom Wright',
};

describe('the ICO report', () => {
  const answers = (
    c: IcoReportCase,
    at = new Date('2026-03-28T10:00:00Z'),
    phase: 'initial' | 'follow-up' = 'initial',
  ) =>
    Object.fromEntries(
      icoReport(c, org, phase, at).flatMap((s) => s.questions.map((q) => [q.question, q.answer])),
    );

  it('answers every question of the form’s six parts from the case', () => {
    const sections = icoReport(breach, org, 'initial', new Date('2026-03-28T10:00:00Z'));
    assert.equal(sections.length, 6);
    for (const s of sections)
      for (const q of s.questions) assert.ok(q.answer.length > 0, `${s.title}: ${q.question}`);
    const a = answers(breach);
    assert.equal(a['Was the breach caused by a cyber incident?'], 'Yes');
    assert.equal(a['What kind of incident was it?'], 'Phishing');
    assert.equal(a['When did the breach happen?'], '16:00 on 26 March 2026 (GMT)');
    assert.equal(a['Approximately how many personal data records were involved?'], '1,250');
    assert.equal(a['Approximately how many data subjects were affected?'], '11 to 100');
    assert.equal(
      a['Which categories of data subjects were affected?'],
      'Residents and service users; Children',
    );
    assert.equal(a['Were special categories of personal data involved?'], 'No');
    assert.match(
      a['How likely is it that data subjects will experience significant consequences?']!,
      /^Possible likelihood, significant severity: medium risk\. Bank details\.$/,
    );
    assert.equal(
      a['What have you done, or will you do, to contain the breach and limit its effects?'],
      'Recalled the message; Contractor deleted it',
    );
    assert.equal(
      a['Have you told, or are you planning to tell, any other organisations?'],
      'Action Fraud on 28 March 2026 (reference NFRC-1)',
    );
    assert.equal(a['Data protection officer'], 'Priya Shah, dpo@kingsmere.example');
    assert.equal(a['Registration number'], 'Z1234567');
    assert.equal(
      a['Reporting within 72 hours'],
      'Within the 72 hours, which end 10:30 on 30 March 2026 (BST)',
    );
  });

  it('says what is not yet known rather than leaving it blank', () => {
    const a = answers({
      ...breach,
      cause: null,
      dataCategories: [],
      likelihood: null,
      consequences: null,
      subjectsDecision: null,
    });
    assert.equal(a['Was the breach caused by a cyber incident?'], "Don't know");
    assert.equal(a['What categories of personal data were involved?'], 'Not yet known');
    assert.equal(
      a['How likely is it that data subjects will experience significant consequences?'],
      'Not yet known',
    );
    assert.equal(a['Have you told the data subjects about the breach?'], 'Not yet decided');
  });

  it('gives the reasons for a late report, and the ICO’s reference on a follow-up', () => {
    const late = answers(
      { ...breach, delayReason: 'Logs took four days', icoReference: 'IC-1' },
      new Date('2026-03-31T12:00:00Z'),
      'follow-up',
    );
    assert.match(
      late['Reporting within 72 hours']!,
      /after the 72 hours, which ended 10:30 on 30 March 2026 \(BST\)\. Reasons for the delay: Logs took four days/,
    );
    assert.equal(late['Is this an initial report or a follow-up?'], 'Follow-up report');
    assert.equal(late['ICO case reference (follow-up reports)'], 'IC-1');
  });
});

describe('incident trends', () => {
  const incident = (overrides: Partial<TrendIncident>): TrendIncident => ({
    month: '2026-01',
    classification: 'breach',
    cause: 'misdirected-email',
    breachTypes: ['confidentiality'],
    directorate: 'Place',
    service: 'Housing',
    triagedInTime: true,
    icoDecision: 'do-not-report',
    reportedInTime: null,
    ...overrides,
  });

  it('counts by month, cause, type and directorate, with the shares management asks for', () => {
    const months = monthsBetween('2025-12', '2026-02');
    assert.deepEqual(months, ['2025-12', '2026-01', '2026-02']);
    const t = incidentTrends(months, [
      incident({}),
      incident({ icoDecision: 'report', reportedInTime: true }),
      incident({ icoDecision: 'report', reportedInTime: false, triagedInTime: false, month: '2026-02' }),
      incident({ classification: 'near-miss', icoDecision: null, cause: 'no-bcc', breachTypes: [] }),
      incident({ classification: 'not-an-incident' }),
      incident({ month: '2025-11' }),
    ]);
    assert.deepEqual(
      t.months.map((m) => [m.month, m.incidents, m.breaches, m.nearMisses, m.reportedToIco]),
      [
        ['2025-12', 0, 0, 0, 0],
        ['2026-01', 3, 2, 1, 1],
        ['2026-02', 1, 1, 0, 1],
      ],
    );
    assert.deepEqual(t.byCause[0], { key: 'misdirected-email', total: 3, perMonth: [0, 2, 1] });
    assert.deepEqual(t.byDirectorate, [{ key: 'Place', total: 4, perMonth: [0, 3, 1] }]);
    assert.deepEqual(t.byType, [{ key: 'confidentiality', total: 3, perMonth: [0, 2, 1] }]);
    assert.deepEqual(t.reportedToIco, { count: 2, of: 3, percent: 66.7 });
    assert.deepEqual(t.reportedInTime, { count: 1, of: 2, percent: 50 });
    assert.deepEqual(t.triagedInTime, { count: 3, of: 4, percent: 75 });
    assert.equal(t.nearMisses, 1);
    assert.deepEqual(t.repeats, [{ directorate: 'Place', cause: 'misdirected-email', count: 3 }]);
    assert.deepEqual(incidentTrends(months, []).reportedToIco, { count: 0, of: 0, percent: null });
  });
});
