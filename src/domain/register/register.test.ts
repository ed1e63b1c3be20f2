import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { listFromLines, reviewDueAfter, rightsFor, serviceSlug } from './register.ts';

describe('the rights that apply under each lawful basis', () => {
  it('gives no right to erasure under a legal obligation or a public task (Art 17(3)(b))', () => {
    assert.ok(!rightsFor('c').includes('erasure'));
    assert.ok(!rightsFor('e').includes('erasure'));
    assert.ok(rightsFor('f').includes('erasure'));
  });
  it('gives portability only under consent or contract (Art 20(1))', () => {
    for (const basis of ['a', 'b', 'c', 'd', 'e', 'f'] as const)
      assert.equal(rightsFor(basis).includes('portability'), basis === 'a' || basis === 'b', basis);
  });
  it('gives the right to object only under a public task or legitimate interests (Art 21(1))', () => {
    for (const basis of ['a', 'b', 'c', 'd', 'e', 'f'] as const)
      assert.equal(rightsFor(basis).includes('objection'), basis === 'e' || basis === 'f', basis);
  });
  it('lets consent be withdrawn only where consent is the basis, and always gives access', () => {
    assert.deepEqual(
      rightsFor('a').filter((r) => r === 'withdrawConsent'),
      ['withdrawConsent'],
    );
    assert.ok(!rightsFor('e').includes('withdrawConsent'));
    for (const basis of ['a', 'b', 'c', 'd', 'e', 'f', null] as const)
      assert.ok(rightsFor(basis).includes('access'));
  });
});

describe('the day a review falls due', () => {
  it('is the same day a year on, or the month’s last day where there is none', () => {
    assert.equal(reviewDueAfter('2026-11-25'), '2027-11-25');
    assert.equal(reviewDueAfter('2028-02-29'), '2029-02-28');
    assert.equal(reviewDueAfter('2026-08-31', 6), '2027-02-28');
  });
});

describe('lists and addresses from what people type', () => {
  it('keeps each line once, trimmed, without the blank ones', () => {
    assert.deepEqual(listFromLines(' Carers \r\n\nCarers\nTenants'), ['Carers', 'Tenants']);
  });
  it('makes a service’s name an address that is always safe and never empty', () => {
    assert.equal(serviceSlug('Children’s social care & Early Help'), 'children-s-social-care-and-early-help');
    assert.equal(serviceSlug('Café'), 'cafe');
    assert.equal(serviceSlug('<script>'), 'script');
    assert.equal(serviceSlug('!!!'), 'service');
  });
});
