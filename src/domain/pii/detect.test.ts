import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { detectPii, EMAIL_PATTERN, maskKeepingLast } from './detect.ts';
import { emailCandidates } from './candidates.ts';
import {
  drivingLicenceValid,
  nhsNumberValid,
  ninoValid,
  paymentCardValid,
  luhnValid,
  postcodeValid,
  utrValid,
} from './checks.ts';
import type { PiiType } from './types.ts';

const types = (text: string) => detectPii(text).map((f) => f.type);
const only = (text: string, type: PiiType) => detectPii(text).filter((f) => f.type === type);

describe('identifier checks', () => {
  it('NHS number: modulus 11', () => {
    assert.equal(nhsNumberValid('943 476 5919'), true);
    assert.equal(nhsNumberValid('9434765919'), true);
    assert.equal(nhsNumberValid('943 476 5918'), false);
    assert.equal(nhsNumberValid('0000000000'), false);
    assert.equal(nhsNumberValid('123456789'), false);
  });
  it('NINO: letters, prefixes and suffix', () => {
    assert.equal(ninoValid('AB 12 34 56 C'), true);
    for (const bad of [
      'BG123456C',
      'GB123456A',
      'DA123456A',
      'AD123456A',
      'AO123456A',
      'AB123456E',
      'ZZ123456A',
      'QQ123456A',
    ])
      assert.equal(ninoValid(bad), false, bad);
  });
  it('payment card: issuer and Luhn', () => {
    for (const good of ['4111 1111 1111 1111', '5555555555554444', '3782 822463 10005', '6011111111111117'])
      assert.equal(paymentCardValid(good), true, good);
    for (const bad of ['4111 1111 1111 1112', '1234567812345670', '0000000000000000'])
      assert.equal(paymentCardValid(bad), false, bad);
  });
  it('UTR: the first digit checks the rest', () => {
    assert.equal(utrValid('1123456789'), true);
    assert.equal(utrValid('2123456789'), false);
  });
  it('postcode: formats and real areas', () => {
    for (const good of [
      'SW1A 1AA',
      'M1 1AE',
      'B33 8TH',
      'CR2 6XH',
      'DN55 1PT',
      'EC1A 1BB',
      'GIR 0AA',
      'BT1 5GS',
    ])
      assert.equal(postcodeValid(good), true, good);
    for (const bad of ['QQ1 1AA', 'SW1A 1CA', 'XX9 9XX', '12345'])
      assert.equal(postcodeValid(bad), false, bad);
  });
  it('driving licence: the layout DVLA uses', () => {
    assert.equal(drivingLicenceValid('JONES806152JA9AB'), true);
    assert.equal(drivingLicenceValid('MORGA753116SM9IJ'), true);
    assert.equal(drivingLicenceValid('JONES813152JA9AB'), false, 'month 13');
    assert.equal(drivingLicenceValid('JONES806352JA9AB'), false, 'day 35');
    assert.equal(drivingLicenceValid('99999806152JA9AB'), false, 'all-9 surname');
  });
});

describe('finding personal data in text', () => {
  it('finds each identifier with its check, and not the decoys that fail it', () => {
    const cases: [PiiType, string, string][] = [
      ['NHS_NUMBER', 'Patient NHS number 943 476 5919 seen today.', 'Invoice 943 476 5918 paid.'],
      ['UK_NINO', 'National insurance number: AB 12 34 56 C', 'Order ref BG 12 34 56 C'],
      ['PAYMENT_CARD', 'Card: 4111 1111 1111 1111 exp 12/28', 'Parcel 4111 1111 1111 1112'],
      ['IBAN', 'Pay to IBAN GB82 WEST 1234 5698 7654 32 please', 'Code GB82 WEST 1234 5698 7654 33'],
      ['UK_UTR', 'Self assessment UTR 1123456789', 'Self assessment UTR 2123456789'],
      ['UK_DRIVING_LICENCE', 'Driving licence JONES806152JA9AB', 'Driving licence JONES813152JA9AB'],
      ['UK_POSTCODE', 'Send it to SW1A 1AA.', 'Send it to QQ1 1AA.'],
      ['EMAIL', 'Email jane.doe@example.com today', 'Email jane.doe@ today'],
      ['UK_PHONE', 'Call me on 020 7946 0018 after five', 'Call me on 020 7946 001 after five'],
      ['IP_ADDRESS', 'Logged in from 192.168.10.20', 'Version 256.1.1.1 released'],
      ['UK_BANK_ACCOUNT', 'Sort code 12-34-56, account number 31926819', 'Reference 12-34-56 and 31926819'],
      ['UK_PASSPORT', 'Passport number 925665416 issued 2019', 'Order number 925665416 issued 2019'],
      ['DATE_OF_BIRTH', 'Date of birth: 14/02/1985', 'Invoice date: 14/02/1985'],
      ['PERSON_NAME', 'Dear Sarah Jones, thank you', 'Dear Sir, thank you'],
    ];
    for (const [type, valid, decoy] of cases) {
      assert.equal(only(valid, type).length, 1, `${type} in "${valid}"`);
      assert.equal(only(decoy, type).length, 0, `no ${type} in "${decoy}"`);
    }
  });

  it('gives positions, confidence and a masked preview, never losing the value’s place', () => {
    const text = 'Re: patient Mr John Smith, NHS 943 476 5919, DOB 01/02/1980.';
    const nhs = only(text, 'NHS_NUMBER')[0]!;
    assert.equal(text.slice(nhs.start, nhs.end), '943 476 5919');
    assert.equal(nhs.masked, 'NHS ••• ••• 5919');
    assert.equal(nhs.normalised, '9434765919');
    assert.ok(nhs.confidence >= 0.9, 'NHS context raises confidence');
    const name = only(text, 'PERSON_NAME')[0]!;
    assert.equal(name.value, 'Mr John Smith');
    assert.equal(name.masked, 'M••• J••• S•••');
    assert.equal(only(text, 'DATE_OF_BIRTH').length, 1);
  });

  it('finds a date of birth under any of its labels, and no date without one', () => {
    for (const label of [
      'Date of birth',
      'DOB',
      'D.O.B.',
      'd.o.b',
      'born on',
      'Born',
      'Birth date',
      'birthdate',
      'Birthday',
    ])
      assert.equal(only(`${label}: 12 March 1990`, 'DATE_OF_BIRTH').length, 1, label);
    assert.equal(only('The meeting on 12 March 1990 agreed the budget.', 'DATE_OF_BIRTH').length, 0);
  });

  it('needs the context a loose format asks for close by, not anywhere in the text', () => {
    assert.equal(only('Sort code 12-34-56 account 12345678', 'UK_BANK_ACCOUNT').length, 1);
    assert.equal(only(`Sort code${' '.repeat(200)}12-34-56 then 12345678`, 'UK_BANK_ACCOUNT').length, 0);
    assert.equal(only('Passport number 123456789', 'UK_PASSPORT').length, 1);
    assert.equal(only(`passport${'.'.repeat(100)} 123456789`, 'UK_PASSPORT').length, 0);
    const nhs = (gap: number) => only(`NHS${' '.repeat(gap)}943 476 5919`, 'NHS_NUMBER')[0]!.confidence;
    assert.ok(nhs(250) > nhs(350), 'context counts within 300 characters before the value');
    // A value that needs its word close by, just before one that may look further back, hides none of that stretch.
    const afterDate = only(`NHS${' '.repeat(200)}born 12/03/1990, 943 476 5919`, 'NHS_NUMBER')[0]!;
    assert.equal(afterDate.confidence, nhs(200));
  });

  it('anchors an address on a real postcode', () => {
    const found = detectPii('Please write to 10 Downing Street, London SW1A 2AA as soon as possible.');
    const address = found.find((f) => f.type === 'ADDRESS')!;
    assert.equal(address.value, '10 Downing Street, London SW1A 2AA');
    assert.ok(found.some((f) => f.type === 'UK_POSTCODE'));
    assert.equal(detectPii('Ticket 10 Downing Street QQ1 1AA').filter((f) => f.type === 'ADDRESS').length, 0);
  });

  it('scores special category phrases by nearness to a person', () => {
    const near = only('Mrs Priya Patel was diagnosed with diabetes in 2019.', 'ART9_HEALTH')[0]!;
    assert.ok(near.confidence >= 0.7);
    const far = only('The strategy covers diabetes services across the borough.', 'ART9_HEALTH')[0]!;
    assert.ok(far.confidence < 0.5);
    assert.deepEqual(
      types('He was convicted of theft, said Mr Tom Reid.').filter((t) => t.startsWith('ART')),
      ['ART10_CRIMINAL'],
    );
    assert.ok(types('Mr Jack Wood is a Unison trade union member').includes('ART9_TRADE_UNION'));
  });

  it('finds every special category near a person, less sure far from one, and never inside another word', () => {
    const cases: [PiiType, string, string][] = [
      ['ART9_HEALTH', 'Mrs Ann Lee was prescribed insulin', 'the diabetic-friendly menu'],
      ['ART9_ETHNICITY', 'Mr Tom Ward gave his ethnicity on the form', 'a romantic comedy'],
      ['ART9_RELIGION', 'Mrs Ann Lee attends the mosque on Fridays', 'the Hindustani class'],
      ['ART9_SEXUALITY', 'Mr Tom Ward told us he is gay', 'Mrs Gaynor Ward called'],
      ['ART9_TRADE_UNION', 'Mr Tom Ward, our shop steward, attended', 'the European Union grant'],
      ['ART9_BIOMETRIC', 'a fingerprint taken from Mr Tom Ward', 'the biomass boiler'],
      ['ART10_CRIMINAL', 'Mr Tom Ward has a criminal record', 'an offensive smell'],
    ];
    for (const [type, near, decoy] of cases) {
      const found = only(near, type);
      assert.equal(found.length, 1, `${type} in "${near}"`);
      assert.ok(found[0]!.confidence >= 0.7, `${type} near a person`);
      const far = only(
        `${'The policy covers this. '.repeat(20)}${near.replace(/M(rs?) \w+ \w+/, 'the resident')}`,
        type,
      );
      assert.ok(far.length === 1 && far[0]!.confidence < 0.5, `${type} with no person near`);
      assert.equal(only(decoy, type).length, 0, `no ${type} in "${decoy}"`);
    }
  });

  it('keeps the likelier of two overlapping findings', () => {
    const found = detectPii('IBAN GB82 WEST 1234 5698 7654 32');
    assert.deepEqual(
      found.map((f) => f.type),
      ['IBAN'],
    );
  });

  it('finds what Presidio’s and python-stdnum’s own tests expect, and not their decoys', () => {
    const found = (text: string) => detectPii(text).map((f) => [f.type, f.value]);
    // IBANs whose length is a multiple of four, with the BIC on the next line or after a space.
    for (const iban of [
      'ES91 2100 0418 4502 0005 1332',
      'SE45 5000 0000 0583 9825 7466',
      'BE68 5390 0754 7034',
      'AT61 1904 3002 3457 3201',
      'PL61 1090 1014 0000 0712 1981 2874',
    ]) {
      assert.deepEqual(found(`IBAN: ${iban}\nBIC: XXXXXXXX`), [['IBAN', iban]], iban);
      assert.deepEqual(found(`IBAN ${iban} BIC XXXXXXXX`), [['IBAN', iban]], iban);
    }
    // An IPv4 address ending a sentence; IPv6 written every way (recital 30: both identify a device, so a person).
    assert.deepEqual(found('The login came from IP address 81.2.69.160.'), [['IP_ADDRESS', '81.2.69.160']]);
    assert.deepEqual(
      found(
        'Logged from 684D:1111:222:3333:4444:5555:6:77 and 2345:0425:2CA1::0567:5673:23b5, then fe80::1%eth0.',
      ),
      [
        ['IP_ADDRESS', '684D:1111:222:3333:4444:5555:6:77'],
        ['IP_ADDRESS', '2345:0425:2CA1::0567:5673:23b5'],
        ['IP_ADDRESS', 'fe80::1'],
      ],
    );
    assert.deepEqual(found('Mapped: ::ffff:192.0.2.128, full: 2001:0db8:0000:0000:0000:ff00:0042:8329.'), [
      ['IP_ADDRESS', '::ffff:192.0.2.128'],
      ['IP_ADDRESS', '2001:0db8:0000:0000:0000:ff00:0042:8329'],
    ]);
    assert.deepEqual(
      found('Not addresses: 684D:1111:222:3333:4444:5555:77, 10:30:00, 01:23:45:67:89:ab and ::'),
      [],
    );
    // Cards only at the lengths their schemes issue; UATP recognised; an IMEI (15 digits, Luhn, 35…) is not a card.
    assert.deepEqual(found('IMEI 356938035643809'), []);
    assert.deepEqual(found('UATP card 135410014004955'), [['PAYMENT_CARD', '135410014004955']]);
    assert.equal(paymentCardValid('4222222222222'), true, 'a 13-digit Visa');
    assert.equal(paymentCardValid('378282246310005'), true, 'Amex, 15 digits');
    assert.equal(paymentCardValid('2223000048400011'), true, 'Mastercard 2-series');
    const luhn12 = Array.from({ length: 10 }, (_, d) => `56789012345${d}`).find((n) => luhnValid(n))!;
    assert.equal(
      paymentCardValid(luhn12),
      false,
      'a 12-digit number passing Luhn, such as a VAT branch number',
    );
    const visa14 = Array.from({ length: 10 }, (_, d) => `4111111111111${d}`).find((n) => luhnValid(n))!;
    assert.equal(paymentCardValid(visa14), false, 'Visa issues no 14-digit cards');
    // Passports in the plural; passport and licence numbers written in lower case, as NINOs already were.
    assert.deepEqual(found('Copies of both passports: AB1234567 and 987654321'), [
      ['UK_PASSPORT', 'AB1234567'],
      ['UK_PASSPORT', '987654321'],
    ]);
    assert.deepEqual(found('passport number ab1234567; driving licence morga753116sm9ij'), [
      ['UK_PASSPORT', 'ab1234567'],
      ['UK_DRIVING_LICENCE', 'morga753116sm9ij'],
    ]);
    // An address under a punycode top-level domain is found whole, so a redaction covers all of it.
    assert.deepEqual(found('write to info@example.xn--p1ai today'), [['EMAIL', 'info@example.xn--p1ai']]);
  });

  it('lets a label decide between number types whose formats overlap', () => {
    // 1533492026 fails the UTR check but passes the NHS one; labelled as a UTR, it is not an NHS number.
    assert.ok(nhsNumberValid('1533492026'));
    assert.deepEqual(detectPii('UTR quoted by the applicant 1533492026 (does not check)'), []);
    assert.deepEqual(
      detectPii('NHS number 1533492026').map((f) => f.type),
      ['NHS_NUMBER'],
    );
    // The digits of an IBAN that fails its check pass Luhn as a Visa number; inside the IBAN they are not one.
    assert.ok(paymentCardValid('4111 1111 1111 1111'));
    assert.deepEqual(detectPii('Rejected IBAN GB56 NWBK 4111 1111 1111 1111'), []);
    assert.deepEqual(
      detectPii('Card 4111 1111 1111 1111').map((f) => f.type),
      ['PAYMENT_CARD'],
    );
  });

  it('finds e-mail addresses from their @ exactly as the e-mail pattern matches them', () => {
    const viaPattern = (text: string) =>
      [...text.matchAll(EMAIL_PATTERN)].map((m) => ({ index: m.index, value: m[0] }));
    const pieces = fc.constantFrom(
      'xn--p1ai',
      'xn--',
      'a',
      'Z',
      '9',
      '.',
      '_',
      '-',
      '+',
      '%',
      '@',
      ' ',
      'x.co',
      'ex-ample.org',
      '\n',
      'é',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        assert.deepEqual([...emailCandidates(text)], viaPattern(text));
      }),
      { numRuns: 3000 },
    );
    const long = `${'a'.repeat(70)}@example.org and ${'b'.repeat(64)}@example.org`;
    assert.deepEqual([...emailCandidates(long)], viaPattern(long));
  });

  it('masks all but the last characters', () => {
    assert.equal(maskKeepingLast('AB 12 34 56 C'), '•• •• •4 56 C');
    assert.equal(maskKeepingLast('4111111111111111'), '••••••••••••1111');
  });

  it('copes with empty, huge and hostile text', () => {
    assert.deepEqual(detectPii(''), []);
    const big = 'x'.repeat(200_000) + ' 943 476 5919 ' + '9'.repeat(50_000);
    const found = detectPii(big);
    assert.equal(found.filter((f) => f.type === 'NHS_NUMBER').length, 1);
    assert.equal(detectPii('a@b.co '.repeat(1000), { maxFindings: 10 }).length, 10);
  });
});
