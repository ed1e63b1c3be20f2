import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { privacyNotice, type NoticeActivity, type NoticeController } from './privacy-notice.ts';

const controller: NoticeController = {
  council: 'Kingsmere Borough Council',
  address: 'Town Hall, Kingsmere',
  email: 'dp@kingsmere.example',
  dpoName: 'Priya Shah',
  dpoEmail: 'dpo@kingsmere.example',
  icoRegistration: 'Z5812345',
};

const activity = (overrides: Partial<NoticeActivity> = {}): NoticeActivity => ({
  name: 'Collecting council tax',
  purposes: ['Billing and collecting council tax'],
  article6: 'c',
  article6Justification: 'Local Government Finance Act 1992',
  article9: null,
  dataCategories: ['Contact details', 'Bank details'],
  specialCategories: [],
  recipients: [
    { name: 'Revenues team', external: false },
    { name: 'Enforcement agents', external: true },
  ],
  noRecipients: false,
  transfers: [],
  retention: 'Six years after the account closes',
  source: 'You, and the Valuation Office Agency',
  automatedDecisions: '',
  ...overrides,
});

const section = (n: ReturnType<typeof privacyNotice>, id: string) => n.sections.find((s) => s.id === id)!;
const unmet = (n: ReturnType<typeof privacyNotice>) => n.checklist.filter((c) => !c.met).map((c) => c.id);

describe('a privacy notice written from processing activities', () => {
  it('says who the council is, its DPO, each purpose with its basis, and the ICO to complain to', () => {
    const n = privacyNotice('Council tax', controller, [activity()]);
    assert.deepEqual(unmet(n), []);
    assert.match(
      section(n, 'who-we-are').paragraphs.join(' '),
      /Kingsmere Borough Council is the controller.*Z5812345/,
    );
    assert.match(section(n, 'dpo').paragraphs[0]!, /dpo@kingsmere\.example/);
    assert.deepEqual(section(n, 'purposes').items, [
      'Collecting council tax: Billing and collecting council tax. Lawful basis: legal obligation (Local Government Finance Act 1992).',
    ]);
    assert.match(section(n, 'complain').paragraphs.join(' '), /Wilmslow/);
    assert.match(section(n, 'required').paragraphs[0]!, /The law requires us to collect it/);
  });

  it('lists outside recipients by name, the council’s teams together, and says when nothing leaves the UK', () => {
    const n = privacyNotice('Council tax', controller, [activity()]);
    assert.deepEqual(section(n, 'sharing').items, ['Enforcement agents']);
    assert.match(section(n, 'sharing').paragraphs[0]!, /Revenues team/);
    assert.deepEqual(section(n, 'transfers').paragraphs, ['We do not send it outside the UK.']);
  });

  it('gives the rights of every basis used, once each: erasure only where some basis allows it', () => {
    const legal = privacyNotice('Council tax', controller, [activity()]);
    assert.ok(!section(legal, 'rights').items.some((r) => /deleted/.test(r)));
    const both = privacyNotice('Council tax', controller, [
      activity(),
      activity({ name: 'Newsletters', article6: 'a' }),
    ]);
    const rights = section(both, 'rights').items;
    assert.equal(new Set(rights).size, rights.length);
    assert.ok(rights.some((r) => /deleted/.test(r)));
    assert.ok(rights.some((r) => /withdraw your consent/.test(r)));
  });

  it('names what Articles 13 and 14 ask for that the activities do not yet say', () => {
    const n = privacyNotice('Council tax', undefined, [
      activity({ retention: '', source: '', transfers: [{ country: 'United States', safeguard: '' }] }),
    ]);
    assert.deepEqual(unmet(n), ['who-we-are', 'dpo', 'transfers', 'retention', 'source']);
    assert.deepEqual(unmet(privacyNotice('Empty', controller, [])).includes('purposes'), true);
  });

  it('tells people about automated decisions when an activity makes them', () => {
    const n = privacyNotice('Benefits', controller, [
      activity({ automatedDecisions: 'Fraud risk scoring of claims' }),
    ]);
    assert.deepEqual(section(n, 'automated').items, ['Fraud risk scoring of claims']);
    assert.match(
      section(privacyNotice('Benefits', controller, [activity()]), 'automated').paragraphs[0]!,
      /do not make decisions/,
    );
  });
});
