import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DigitAnchoredSearch, IPV6_PATTERN, ipv6Candidates, patternCandidates } from './candidates.ts';
import { IDENTIFIER_PATTERNS } from './detect.ts';

/** Texts crowded with what identifiers are made of: digits, separators, capitals (postcode areas, GIR) and words. */
const crowded = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...'0123456789') },
      {
        weight: 3,
        arbitrary: fc.constantFrom(' ', '-', '.', '/', '(', ')', '+', '\n', '\t', '\u00a0', ',', '@'),
      },
      { weight: 3, arbitrary: fc.constantFrom(...'ABCDGIRSWMNHTX9abcz') },
      {
        weight: 1,
        arbitrary: fc.constantFrom('GIR 0AA', '+44 ', '(0', 'SW1A ', 'NHS ', 'GB29 NWBK ', 'MORGA', 'March '),
      },
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(''));

describe('finding identifier-shaped values from runs of digits', () => {
  const searched = IDENTIFIER_PATTERNS.filter((p) => p.start);

  it('covers every identifier but the e-mail address and the IPv6 address', () => {
    assert.deepEqual(
      IDENTIFIER_PATTERNS.filter((p) => !p.start).map((p) => p.type),
      ['EMAIL', 'IP_ADDRESS'],
    );
  });

  it('finds IPv6-shaped runs from their colons exactly as the IPv6 pattern matches them', () => {
    const v6 = fc
      .array(
        fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(...'0123456789abcdefABCDEF') },
          { weight: 5, arbitrary: fc.constantFrom(':', '::', '.') },
          { weight: 2, arbitrary: fc.constantFrom(' ', '\n', 'g', 'x', '_', '/', '%', '[', ']', 'z:') },
          {
            weight: 1,
            arbitrary: fc.constantFrom('fe80::1', '2001:db8::ff00:42:8329', '::ffff:192.0.2.1', '. '),
          },
        ),
        { maxLength: 80 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(v6, (text) => {
        assert.deepEqual(
          [...ipv6Candidates(text)],
          [...patternCandidates(IPV6_PATTERN, text)],
          JSON.stringify(text),
        );
      }),
      { numRuns: 5000 },
    );
  });

  it('finds exactly what each pattern finds scanning the whole text', () => {
    const search = new DigitAnchoredSearch(searched.map((p) => ({ pattern: p.pattern, rule: p.start! })));
    fc.assert(
      fc.property(crowded, (text) => {
        const found = search.run(
          text,
          searched.map(() => true),
        );
        searched.forEach((p, i) => {
          assert.deepEqual(
            found[i],
            [...patternCandidates(p.pattern, text)],
            `${p.type} in ${JSON.stringify(text)}`,
          );
        });
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees on the values each type is made of, written every way', () => {
    const search = new DigitAnchoredSearch(searched.map((p) => ({ pattern: p.pattern, rule: p.start! })));
    const text = [
      'Tel +44 (0)20 7946 0000, (020) 7946 0001 or 07700 900123.',
      'NHS 943 476 5919, 943-476-5919 and 9434765919; card 4111 1111 1111 1111 or 4111-1111-1111-1111.',
      'NI AB 12 34 56 C, ab123456c; IBAN GB29 NWBK 6016 1331 9268 19 and GB29NWBK60161331926819.',
      'Sort code 12-34-56 account 12345678; 12 34 56 / 87654321; 123456 then 11223344.',
      'UTR 12345 67890 or 1234567890; passport 123456789 or AB1234567.',
      'Licence MORGA753116SM9IJ, SMI99906145AB9CD; postcode SW1A 1AA, M1 1AE, GIR 0AA, DN551PT, B33 8TH.',
      'Born 01/02/1990, 1.2.1980, 12 March 1990, 1990-02-01; host 192.168.0.1 and 10.0.0.255.',
    ].join('\n');
    const found = search.run(
      text,
      searched.map(() => true),
    );
    searched.forEach((p, i) => {
      const expected = [...patternCandidates(p.pattern, text)];
      assert.ok(expected.length > 0, `${p.type} has examples here`);
      assert.deepEqual(found[i], expected, p.type);
    });
  });
});
