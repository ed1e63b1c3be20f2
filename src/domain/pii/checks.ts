/**
 * Checks an identifier must pass before it counts (DOMAIN.md): a number that fails its check is not a finding.
 * Sources: NHS Data Dictionary (NHS number modulus 11); HMRC NIM39110 (NINO prefixes); ISO/IEC 7812 (Luhn);
 * HMRC UTR check digit (as implemented by python-stdnum/stdnum-js); BS 7666 postcode formats; DVLA licence layout.
 */

/** The digits of a value, separators dropped (a loop, not a regular expression: this runs for every candidate). */
function digitsOf(text: string): string {
  let digits = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += text[i];
  }
  return digits;
}

/** NHS number: 10 digits; weights 10…2 on the first nine; 11 − (sum mod 11) is the check, 11 → 0, 10 → invalid. */
export function nhsNumberValid(text: string): boolean {
  const d = digitsOf(text);
  if (d.length !== 10 || /^(\d)\1{9}$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (d.charCodeAt(i) - 48) * (10 - i);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  return check !== 10 && check === d.charCodeAt(9) - 48;
}

/** NINO: two letters, six digits, suffix A–D; D F I Q U V never first or second; O never second; some prefixes unused. */
export function ninoValid(text: string): boolean {
  const t = text.replace(/[\s-]/g, '').toUpperCase();
  const m = /^([A-Z])([A-Z])(\d{6})([A-D])$/.exec(t);
  if (!m) return false;
  const [, a, b] = m as unknown as [string, string, string];
  if ('DFIQUV'.includes(a) || 'DFIQUVO'.includes(b)) return false;
  return !['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(a + b);
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let n = digits.charCodeAt(i) - 48;
    if (double) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Payment card: 12–19 digits with a known issuer prefix (Visa, Mastercard, Amex, Maestro, Discover, JCB, Diners, UnionPay) and Luhn. */
export function paymentCardValid(text: string): boolean {
  const d = digitsOf(text);
  if (d.length < 12 || d.length > 19 || /^(\d)\1+$/.test(d)) return false;
  const known =
    /^4/.test(d) || // Visa
    /^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/.test(d) || // Mastercard
    /^3[47]/.test(d) || // Amex
    /^(50|5[6-9]|6[0-9])/.test(d) || // Maestro, Discover, UnionPay
    /^35(2[89]|[3-8])/.test(d) || // JCB
    /^3(0[0-5]|[689])/.test(d); // Diners
  return known && luhnValid(d);
}

/** UTR: 10 digits; the first is the check over the other nine, weights 6 7 8 9 10 5 4 3 2, looked up in "21987654321". */
export function utrValid(text: string): boolean {
  const d = digitsOf(text);
  if (d.length !== 10) return false;
  const weights = [6, 7, 8, 9, 10, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(d[i + 1]) * weights[i]!;
  return '21987654321'[sum % 11] === d[0];
}

/** The 121 postcode areas of the United Kingdom (Royal Mail), plus the non-geographic GIR. */
const POSTCODE_AREAS = new Set(
  (
    'AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX FK FY G ' +
    'GL GU HA HD HG HP HR HS HU HX IG IP IV KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA ' +
    'PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR ' +
    'WS WV YO ZE'
  ).split(' '),
);

/** Postcode: one of the six BS 7666 formats (or GIR 0AA) whose area exists. */
export function postcodeValid(text: string): boolean {
  const t = text.replace(/\s+/g, '').toUpperCase();
  if (t === 'GIR0AA') return true;
  const m = /^([A-Z]{1,2})(\d[A-Z\d]?)(\d[ABD-HJLNP-UW-Z]{2})$/.exec(t);
  if (!m) return false;
  return POSTCODE_AREAS.has(m[1]!);
}

/** GB driving licence: surname (9-padded), decade, month (+50 for women), day, year digit, initials, digit, two letters. */
export function drivingLicenceValid(text: string): boolean {
  const t = text.toUpperCase();
  const m =
    /^([A-Z9]{5})(\d)(0[1-9]|1[0-2]|5[1-9]|6[0-2])(0[1-9]|[12]\d|3[01])(\d)([A-Z9]{2})(\d)([A-Z]{2})$/.exec(
      t,
    );
  if (!m) return false;
  // The surname is padded with 9s on the right only, and is never all 9s.
  return /^[A-Z]+9*$/.test(m[1]!) && /^[A-Z]9?$|^[A-Z]{2}$/.test(m[6]!);
}

export function ipv4Valid(text: string): boolean {
  const parts = text.split('.');
  return (
    parts.length === 4 &&
    parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255 && (p === '0' || !p.startsWith('0')))
  );
}
