import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  acceptedStep,
  authenticatorUri,
  codeAt,
  groupedKey,
  looksLikeCode,
  mustUseTwoStep,
  newAuthenticatorKey,
  newRecoveryCodes,
  recoveryCodeHash,
  stepAt,
} from './two-step.ts';

// RFC 6238 Appendix B's SHA-1 key ("12345678901234567890"), in base32.
const RFC_KEY = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('two-step sign-in codes (RFC 6238)', () => {
  it('gives RFC 6238’s own test values (its 8-digit codes, last six digits)', () => {
    assert.equal(codeAt(RFC_KEY, new Date(59_000)), '287082');
    assert.equal(codeAt(RFC_KEY, new Date(1_111_111_109_000)), '081804');
    assert.equal(codeAt(RFC_KEY, new Date(2_000_000_000_000)), '279037');
  });

  it('accepts a code for now, a step either side, never two steps off, and never a used step again', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_600_000_000_000, max: 4_000_000_000_000 }), (ms) => {
        const now = new Date(ms);
        const at = (steps: number) => codeAt(RFC_KEY, new Date(ms + steps * 30_000));
        assert.equal(acceptedStep(RFC_KEY, at(0), now, null), stepAt(now));
        assert.equal(acceptedStep(RFC_KEY, at(-1), now, null), stepAt(now) - 1);
        assert.equal(acceptedStep(RFC_KEY, at(1), now, null), stepAt(now) + 1);
        // Two steps off is refused (unless, one time in a million, it happens to equal a code in the window).
        for (const far of [-2, 2])
          if (![at(-1), at(0), at(1)].includes(at(far)))
            assert.equal(acceptedStep(RFC_KEY, at(far), now, null), undefined);
        assert.equal(acceptedStep(RFC_KEY, at(0), now, stepAt(now)), undefined, 'replayed');
        assert.equal(acceptedStep(RFC_KEY, at(0), now, stepAt(now) + 1), undefined, 'older than the last');
        assert.equal(acceptedStep(RFC_KEY, at(1), now, stepAt(now)), stepAt(now) + 1);
      }),
      { numRuns: 200 },
    );
  });

  it('takes a code typed with spaces, and nothing that is not six digits', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    const code = codeAt(RFC_KEY, now);
    assert.ok(acceptedStep(RFC_KEY, `${code.slice(0, 3)} ${code.slice(3)}`, now, null));
    for (const typed of ['', '12345', '1234567', 'abcdef', `${code}\u0000`, '١٢٣٤٥٦'])
      assert.equal(acceptedStep(RFC_KEY, typed, now, null), undefined, typed);
    assert.ok(looksLikeCode(' 123 456 '));
    assert.ok(!looksLikeCode('k7m2p-x9qrt'));
  });

  it('makes 160-bit keys an authenticator app reads from a QR code, named for the council and the account', () => {
    const key = newAuthenticatorKey();
    assert.match(key, /^[A-Z2-7]{32}$/);
    assert.notEqual(key, newAuthenticatorKey());
    const uri = new URL(authenticatorUri(key, 'dpo@council.example', 'Custodian – Kingsmere'));
    assert.equal(uri.protocol, 'otpauth:');
    assert.equal(uri.searchParams.get('secret'), key);
    assert.equal(uri.searchParams.get('digits'), '6');
    assert.equal(uri.searchParams.get('period'), '30');
    assert.match(decodeURIComponent(uri.pathname), /Custodian – Kingsmere:dpo@council\.example/);
    assert.equal(groupedKey('ABCDEFGHIJ'), 'ABCD EFGH IJ');
  });

  it('makes ten different recovery codes, kept as keyed hashes that ignore case, spaces and hyphens', () => {
    const codes = newRecoveryCodes();
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10);
    for (const code of codes) assert.match(code, /^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
    const key = Buffer.alloc(32, 7);
    const hash = recoveryCodeHash(key, codes[0]!);
    assert.match(hash!, /^[0-9a-f]{64}$/);
    assert.equal(recoveryCodeHash(key, ` ${codes[0]!.toUpperCase().replace('-', ' ')} `), hash);
    assert.notEqual(recoveryCodeHash(Buffer.alloc(32, 8), codes[0]!), hash, 'another key, another hash');
    for (const typed of ['', 'short', 'k7m2p-x9qr0', 'k7m2p-x9qrtt', 'o0o0o-l1l1l'])
      assert.equal(recoveryCodeHash(key, typed), undefined, typed);
  });

  it('is needed by an administrator and the DPO, not by other roles', () => {
    assert.ok(mustUseTwoStep([{ role: 'admin', directorateId: null }]));
    assert.ok(
      mustUseTwoStep([
        { role: 'staff', directorateId: null },
        { role: 'dpo', directorateId: null },
      ]),
    );
    assert.ok(
      !mustUseTwoStep([
        { role: 'ig_officer', directorateId: 1 },
        { role: 'auditor', directorateId: null },
      ]),
    );
    assert.ok(!mustUseTwoStep([]));
  });
});
