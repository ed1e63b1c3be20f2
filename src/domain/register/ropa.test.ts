import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  ARTICLE_9_CONDITIONS,
  needsPolicyDocument,
  ropaGaps,
  schedule1PartFor,
  type Article9Condition,
  type ProcessingRecord,
} from './ropa.ts';

/** A complete record: council tax collection, as a council's ROPA would have it. */
const councilTax: ProcessingRecord = {
  controllerName: 'Kingsmere Borough Council',
  controllerContact: 'Town Hall, Kingsmere KM1 1AA',
  jointControllers: [],
  dpoContact: 'dpo@kingsmere.gov.example',
  purposes: ['Billing and collecting council tax'],
  article6: 'e',
  article6Justification: 'Local Government Finance Act 1992',
  specialCategories: [],
  article9: null,
  criminalOffenceData: false,
  schedule1: null,
  keptAsPolicyDocument: null,
  policyDocumentVariance: '',
  dataSubjects: ['Residents', 'Owners of empty homes'],
  dataCategories: ['Name', 'Address', 'Bank details'],
  recipients: ['Enforcement agents'],
  noRecipients: false,
  transfers: [],
  retention: 'FIN-01: 6 years from the end of the financial year',
  securityMeasures: 'Role-based access, encryption at rest, audit of access',
};
const gapsOf = (changes: Partial<ProcessingRecord>) =>
  ropaGaps({ ...councilTax, ...changes }).map((g) => `${g.provision} ${g.field}`);

describe('the record of processing activities', () => {
  it('finds nothing missing in a complete record', () => {
    assert.deepEqual(ropaGaps(councilTax), []);
  });

  it('names every Art 30(1) field left empty, in the article’s order', () => {
    const empty: ProcessingRecord = {
      ...councilTax,
      controllerContact: ' ',
      dpoContact: '',
      purposes: [''],
      article6: null,
      dataSubjects: [],
      dataCategories: [],
      recipients: [],
      retention: '',
      securityMeasures: '',
    };
    assert.deepEqual(
      ropaGaps(empty).map((g) => `${g.provision} ${g.field}`),
      [
        'Art 30(1)(a) controllerName',
        'Art 30(1)(a) dpoContact',
        'Art 30(1)(b) purposes',
        'Art 6(1) article6',
        'Art 30(1)(c) dataSubjects',
        'Art 30(1)(c) dataCategories',
        'Art 30(1)(d) recipients',
        'Art 30(1)(f) retention',
        'Art 30(1)(g) securityMeasures',
      ],
    );
  });

  it('accepts "no recipients" said outright, and wants a safeguard for every transfer', () => {
    assert.deepEqual(gapsOf({ recipients: [], noRecipients: true }), []);
    assert.deepEqual(
      gapsOf({
        transfers: [
          { country: 'United States', safeguard: 'UK Extension to the EU–US Data Privacy Framework' },
          { country: 'India', safeguard: ' ' },
        ],
      }),
      ['Art 30(1)(e) transfers'],
    );
  });

  it('wants the lawful basis explained', () => {
    const [gap] = ropaGaps({ ...councilTax, article6Justification: '' });
    assert.equal(gap!.message, 'Say why public task applies');
  });

  it('completes the Art 9 conditions the DPA 2018 s.10 sends to Schedule 1 with a condition from the right Part', () => {
    assert.deepEqual(
      (Object.keys(ARTICLE_9_CONDITIONS) as Article9Condition[]).map((c) => [c, schedule1PartFor(c)]),
      [
        ['a', undefined],
        ['b', 1],
        ['c', undefined],
        ['d', undefined],
        ['e', undefined],
        ['f', undefined],
        ['g', 2],
        ['h', 1],
        ['i', 1],
        ['j', 1],
      ],
    );
    const adultCare = { specialCategories: ['Health'], article9: 'h' as const };
    assert.deepEqual(gapsOf(adultCare), ['DPA 2018 s.10 schedule1']);
    assert.deepEqual(gapsOf({ ...adultCare, schedule1: { part: 2, paragraph: 6 } }), [
      'DPA 2018 s.10 schedule1',
    ]);
    assert.deepEqual(gapsOf({ ...adultCare, schedule1: { part: 1, paragraph: 2 } }), []);
    assert.deepEqual(gapsOf({ specialCategories: ['Health'] }), ['Art 9(2) article9']);
    assert.deepEqual(gapsOf({ article9: 'a' }), ['Art 9(2) specialCategories']);
  });

  it('asks for a Schedule 1 condition for criminal offence data', () => {
    assert.deepEqual(gapsOf({ criminalOffenceData: true }), ['DPA 2018 s.10(5) schedule1']);
    assert.deepEqual(
      gapsOf({
        criminalOffenceData: true,
        schedule1: { part: 3, paragraph: 33 },
        keptAsPolicyDocument: true,
      }),
      [],
    );
  });

  it('asks whether the data follows the appropriate policy document where the condition needs one', () => {
    assert.equal(needsPolicyDocument({ part: 1, paragraph: 1 }), true, 'employment');
    for (const paragraph of [2, 3, 4]) assert.equal(needsPolicyDocument({ part: 1, paragraph }), false);
    assert.equal(needsPolicyDocument({ part: 2, paragraph: 6 }), true, 'statutory and government purposes');
    const staffSickness = {
      specialCategories: ['Health'],
      article9: 'b' as const,
      schedule1: { part: 1 as const, paragraph: 1 },
    };
    assert.deepEqual(gapsOf(staffSickness), ['DPA 2018 Sch 1 para 41 keptAsPolicyDocument']);
    assert.deepEqual(gapsOf({ ...staffSickness, keptAsPolicyDocument: false }), [
      'DPA 2018 Sch 1 para 41 policyDocumentVariance',
    ]);
    assert.deepEqual(
      gapsOf({
        ...staffSickness,
        keptAsPolicyDocument: false,
        policyDocumentVariance: 'Kept for a tribunal',
      }),
      [],
    );
  });

  it('never finds a gap in a field that is filled in, whatever the rest says', () => {
    const text = fc.oneof(fc.constant(''), fc.constant(' '), fc.string({ minLength: 1, maxLength: 8 }));
    const list = fc.array(text, { maxLength: 3 });
    fc.assert(
      fc.property(
        fc.record({
          purposes: list,
          dataSubjects: list,
          retention: text,
          securityMeasures: text,
          dpoContact: text,
        }),
        (changes) => {
          const gaps = ropaGaps({ ...councilTax, ...changes }).map((g) => g.field);
          for (const field of ['retention', 'securityMeasures', 'dpoContact'] as const)
            assert.equal(gaps.includes(field), !changes[field].trim(), field);
          for (const field of ['purposes', 'dataSubjects'] as const)
            assert.equal(gaps.includes(field), !changes[field].some((x) => x.trim()), field);
        },
      ),
    );
  });
});
