import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { quoteOf, renderLetter, type LetterCase } from './letters.ts';

const COUNCIL = { councilName: 'Kingsmere Borough Council' };
const SIGN_OFF = 'Yours sincerely,\n\nInformation Governance Team\nKingsmere Borough Council\n';
const ICO =
  "complain to the Information Commissioner's Office, Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF (ico.org.uk).";

const foi: LetterCase = {
  reference: 'FOI-2026-00042',
  type: 'foi',
  requesterName: 'Pat Public',
  subject: 'Agency staff',
  description: 'How much did the council spend on agency staff in 2025, by directorate?',
  receivedOn: '2026-11-02',
  dueOn: '2026-12-01',
  exemptions: ['s40(2)', 's43(2)'],
  publicInterest: 'Disclosure would harm the re-tender.',
  responseText: 'The totals by directorate are attached.',
  costEstimateHours: null,
  outcome: 'part-granted',
};
const sar: LetterCase = {
  ...foi,
  reference: 'SAR-2026-00007',
  type: 'sar',
  description: 'Everything you hold about me.',
  exemptions: ['sch2-p16'],
  publicInterest: null,
  responseText: 'Your housing file is enclosed.',
  article15: {
    purposes: 'To manage your tenancy.',
    recipients: 'The housing team and its repairs contractor.',
    retention: 'Six years after the tenancy ends.',
    source: 'You and your previous landlord.',
  },
};

/** Letters are compared whole: a word run into the next, a paragraph repeated or a law misnamed all show. */
describe('letters, word for word', () => {
  it('acknowledges an FOI request quoting it, with the working-day clock', () => {
    assert.equal(
      renderLetter('acknowledgement', foi, COUNCIL),
      `Dear Pat Public,

Your freedom of information request – reference FOI-2026-00042

Thank you for your freedom of information request, which we received on Monday 2 November 2026. You asked:

"How much did the council spend on agency staff in 2025, by directorate?"

We will respond by Tuesday 1 December 2026, 20 working days from the day we received it, as the law requires. If we need more information to find what you are asking for, we will contact you, and the 20 working days will start again when you reply.

Please quote FOI-2026-00042 in any correspondence about this request.

${SIGN_OFF}`,
    );
  });

  it('acknowledges a SAR with the month, and what restarts or pauses it', () => {
    assert.equal(
      renderLetter('acknowledgement', sar, COUNCIL),
      `Dear Pat Public,

Your subject access request – reference SAR-2026-00007

Thank you for your subject access request, which we received on Monday 2 November 2026. You asked:

"Everything you hold about me."

We will respond by Tuesday 1 December 2026, one month from the day we received it, as the law requires. If we need proof of your identity, the month will start again on the day we receive it. If we hold a lot of information about you and need you to tell us which information you want, the time we have to respond will pause from the day we ask until the day you reply.

Please quote SAR-2026-00007 in any correspondence about this request.

${SIGN_OFF}`,
    );
  });

  it('names the exemption once in an FOI extension, and gives the reason once', () => {
    assert.equal(
      renderLetter(
        'extension',
        { ...foi, dueOn: '2026-12-30' },
        {
          ...COUNCIL,
          note: 'We must consult the contractor about the unit rates.',
          considering: ['s.43(2) Commercial interests'],
        },
      ),
      `Dear Pat Public,

Your freedom of information request – reference FOI-2026-00042

We hold information that may be exempt under s.43(2) Commercial interests. This is a qualified exemption, so we must weigh the public interest in disclosing the information against the public interest in withholding it, and section 10(3) of the Freedom of Information Act 2000 allows us a reasonable extra time to do so.

We must consult the contractor about the unit rates.

We now expect to respond by Wednesday 30 December 2026.

${SIGN_OFF}`,
    );
  });

  it('lists each exemption of a refusal notice on a line of its own', () => {
    assert.equal(
      renderLetter('refusal', foi, COUNCIL),
      `Dear Pat Public,

Refusal notice – reference FOI-2026-00042

We are releasing some of the information you asked for, set out below. We are withholding the rest, relying on:
- s.40(2) Personal information of others
- s.43(2) Commercial interests (a qualified exemption)

Public interest: Disclosure would harm the re-tender.

The totals by directorate are attached.

This is a refusal notice under section 17 of the Freedom of Information Act 2000. You can ask for an internal review within 40 working days of this letter by replying to it. If you are still unhappy after that, you can ${ICO}

${SIGN_OFF}`,
    );
  });

  it('answers a SAR as a SAR: no refusal notice, and the Article 15 information', () => {
    assert.equal(
      renderLetter('rights-response', sar, COUNCIL),
      `Dear Pat Public,

Your subject access request – reference SAR-2026-00007

We enclose a copy of the personal data we hold about you. We have withheld some of it, relying on these exemptions in the Data Protection Act 2018:
- Sch 2 para 16 Protection of the rights of others (third-party data)

Your housing file is enclosed.

About your personal data (Article 15 of the UK GDPR)

Why we use it: To manage your tenancy.

Who we share it with: The housing team and its repairs contractor.

How long we keep it: Six years after the tenancy ends.

Where it came from: You and your previous landlord.

We do not make decisions about you by automated means alone.

You have the right to ask us to correct personal data that is wrong, to erase it, to restrict how we use it and to object to our using it. To do so, reply to this letter.

If you are unhappy with how we have dealt with your request, reply to this letter and we will look at it again. You also have the right to ${ICO}

${SIGN_OFF}`,
    );
    const refused = renderLetter('rights-response', { ...sar, outcome: 'refused', exemptions: [] }, COUNCIL);
    assert.match(refused, /manifestly unfounded or excessive \(Article 12\(5\) of the UK GDPR\)/);
    assert.doesNotMatch(refused, /Refusal notice|section 17|public interest|Article 15/i);
  });

  it('tells a SAR requester the clock pauses for clarification, and an FOI requester that it restarts', () => {
    const sarLetter = renderLetter('clarification', sar, {
      ...COUNCIL,
      note: 'Which services have you used?',
    });
    assert.equal(
      sarLetter,
      `Dear Pat Public,

Your subject access request – reference SAR-2026-00007

To find the information you want, we need you to tell us more:

Which services have you used?

The time we have to respond is paused from today until the day we receive your reply (Article 12A of the UK GDPR): those days do not count. When you reply, we will tell you the new date.

If we do not hear from you within three months, we will treat the request as withdrawn.

${SIGN_OFF}`,
    );
    assert.match(
      renderLetter('clarification', foi, { ...COUNCIL, note: 'Which years?' }),
      /section 1\(3\) of the Freedom of Information Act 2000, we will start to deal with your request when we receive your reply, and the 20 working days we have to respond will run from that day\./,
    );
  });

  it('asks a SAR fee in the terms of the UK GDPR, and an FOI fee in those of FOIA', () => {
    assert.equal(
      renderLetter('fees', sar, {
        ...COUNCIL,
        amount: '10.00',
        from: '2026-11-05',
        note: 'Pay online at kingsmere.gov.example/pay.',
      }),
      `Dear Pat Public,

Fees notice – reference SAR-2026-00007

We are entitled to charge a reasonable fee for this request, based on our administrative costs, because it is manifestly unfounded or excessive, or because it asks for further copies of information we have already given you (Articles 12(5) and 15(3) of the UK GDPR). The fee is £10.00.

Pay online at kingsmere.gov.example/pay.

The one month we have to respond will start again on the day we receive the fee. If we do not receive it within three months, we will treat the request as withdrawn.

${SIGN_OFF}`,
    );
    assert.match(
      renderLetter('fees', foi, { ...COUNCIL, amount: '10.00', from: '2026-11-05', note: '' }),
      /\(section 9 of the Freedom of Information Act 2000\)\.\n\nThe days from the date of this notice \(Thursday 5 November 2026\) to the day we receive the fee do not count/,
    );
  });

  it('quotes a long request to a word, not mid-word', () => {
    const long = `${'word '.repeat(400)}end`;
    const quoted = quoteOf(long);
    assert.ok(quoted.endsWith('word …'), quoted.slice(-20));
    assert.ok(quoted.length <= 1502);
    assert.equal(quoteOf('Short request.'), 'Short request.');
  });
});
