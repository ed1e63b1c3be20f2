import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  agreementStatus,
  LEGAL_GATEWAYS,
  organisationKey,
  sharingWithoutAgreement,
  type SharingCheck,
} from './sharing.ts';

const signed = (on = '2026-01-10') => ({ organisation: 'Kingsmere Police', signedOn: on });
const terms = (overrides: Partial<Parameters<typeof agreementStatus>[0]> = {}) => ({
  startsOn: '2026-02-01',
  endsOn: null,
  terminatedOn: null,
  parties: [signed(), { signedOn: '2026-01-12' }],
  ...overrides,
});

describe('where a sharing agreement stands', () => {
  it('is a draft until every party has signed, whatever its dates', () => {
    assert.equal(agreementStatus(terms({ parties: [signed(), { signedOn: null }] }), '2026-06-01'), 'draft');
    assert.equal(agreementStatus(terms({ parties: [] }), '2026-06-01'), 'draft');
  });
  it('is in force from its first day to its last, inclusive', () => {
    assert.equal(agreementStatus(terms(), '2026-01-31'), 'not-started');
    assert.equal(agreementStatus(terms(), '2026-02-01'), 'in-force');
    assert.equal(agreementStatus(terms({ endsOn: '2026-12-31' }), '2026-12-31'), 'in-force');
    assert.equal(agreementStatus(terms({ endsOn: '2026-12-31' }), '2027-01-01'), 'ended');
  });
  it('is terminated from the day it is terminated, even if unsigned', () => {
    assert.equal(agreementStatus(terms({ terminatedOn: '2026-05-01' }), '2026-04-30'), 'in-force');
    assert.equal(
      agreementStatus(terms({ terminatedOn: '2026-05-01', parties: [] }), '2026-05-01'),
      'terminated',
    );
  });
});

describe('sharing with no agreement in force', () => {
  const today = '2026-11-25';
  const agreement = (id: number, overrides: Partial<SharingCheck['agreements'][number]> = {}) => ({
    id,
    activityIds: [1],
    ...terms(),
    parties: [signed(), { organisation: 'Kingsmere Borough Council', signedOn: '2026-01-05' }],
    ...overrides,
  });
  const activity = {
    id: 1,
    recipients: [
      { name: 'The Kingsmere Police', external: true },
      { name: 'Finance team', external: false },
    ],
  };

  it('finds nothing where an agreement in force covers the activity and names the organisation', () => {
    assert.deepEqual(
      sharingWithoutAgreement({ activities: [activity], agreements: [agreement(7)] }, today),
      [],
    );
  });
  it('never asks for an agreement for the council’s own teams', () => {
    const internal = { id: 2, recipients: [{ name: 'Finance team', external: false }] };
    assert.deepEqual(sharingWithoutAgreement({ activities: [internal], agreements: [] }, today), []);
  });
  it('finds an outside recipient with no agreement at all', () => {
    assert.deepEqual(sharingWithoutAgreement({ activities: [activity], agreements: [] }, today), [
      { activityId: 1, organisation: 'The Kingsmere Police', namedIn: [], notInForce: [] },
    ]);
  });
  it('says which agreement has ended or is unsigned, and which names them but does not cover the activity', () => {
    const ended = agreement(7, { endsOn: '2026-03-31' });
    const other = agreement(8, { activityIds: [99] });
    assert.deepEqual(sharingWithoutAgreement({ activities: [activity], agreements: [ended, other] }, today), [
      { activityId: 1, organisation: 'The Kingsmere Police', namedIn: [8], notInForce: [7] },
    ]);
  });
  it('matches organisations whatever their case, spacing, punctuation or leading "the"', () => {
    assert.equal(organisationKey('The  Kingsmere-Police'), organisationKey('kingsmere police'));
    assert.notEqual(organisationKey('Kingsmere Police'), organisationKey('Kingsmere Council'));
  });
});

describe('the legal gateways', () => {
  it('are each a power or a duty with a unique code and a legislation.gov.uk address', () => {
    assert.equal(new Set(LEGAL_GATEWAYS.map((g) => g.code)).size, LEGAL_GATEWAYS.length);
    for (const g of LEGAL_GATEWAYS) {
      assert.ok(['power', 'duty'].includes(g.kind), g.code);
      assert.match(g.url, /^https:\/\/www\.legislation\.gov\.uk\//, g.code);
    }
    assert.equal(LEGAL_GATEWAYS.find((g) => g.code === 'cda-1998-s115')?.kind, 'power');
    assert.equal(LEGAL_GATEWAYS.find((g) => g.code === 'care-2014-s45')?.kind, 'duty');
  });
});
