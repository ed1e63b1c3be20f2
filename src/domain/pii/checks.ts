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

/**
 * Card schemes by issuer prefix, with the lengths each issues (ISO/IEC 7812 IIN ranges as the schemes publish them,
 * and as python-stdnum's and Presidio's card tests exercise them). A number must have a known prefix, a length its
 * scheme issues, and pass Luhn: a 15-digit IMEI starting 35 is not a JCB card (16–19 digits), a 12-digit VAT branch
 * number not a card at all. Maestro in the UK is issued at 16, 18 and 19 digits; the 12- and 13-digit Maestro numbers
 * of other countries are left out, since nearly every 12-digit number that passes Luhn in a council's files is
 * something else.
 */
const CARD_SCHEMES: { name: string; prefix: RegExp; lengths: readonly number[] }[] = [
  { name: 'Visa', prefix: /^4/, lengths: [13, 16, 19] },
  { name: 'Mastercard', prefix: /^(5[1-5]|2(2[2-9]\d|[3-6]\d\d|7[01]\d|720))/, lengths: [16] },
  { name: 'American Express', prefix: /^3[47]/, lengths: [15] },
  { name: 'Diners Club', prefix: /^3(0[0-5]|0955|[689])/, lengths: [14, 15, 16, 17, 18, 19] },
  { name: 'JCB', prefix: /^35(2[89]|[3-8]\d)/, lengths: [16, 17, 18, 19] },
  {
    name: 'Discover',
    prefix: /^(6011|64[4-9]|65|622(12[6-9]|1[3-9]\d|[2-8]\d\d|9[01]\d|92[0-5]))/,
    lengths: [16, 17, 18, 19],
  },
  { name: 'UnionPay', prefix: /^62/, lengths: [16, 17, 18, 19] },
  { name: 'Mir', prefix: /^220[0-4]/, lengths: [16, 17, 18, 19] },
  { name: 'Maestro', prefix: /^(5018|5020|5038|5893|6304|6759|676[1-3])/, lengths: [16, 17, 18, 19] },
  { name: 'UATP', prefix: /^1/, lengths: [15] },
];

/** The scheme a card number belongs to, or undefined when none issues a number of that prefix and length. */
export function cardScheme(digits: string): string | undefined {
  return CARD_SCHEMES.find((s) => s.lengths.includes(digits.length) && s.prefix.test(digits))?.name;
}

/** Payment card: a known scheme's prefix at a length it issues, and Luhn. */
export function paymentCardValid(text: string): boolean {
  const d = digitsOf(text);
  if (d.length < 13 || d.length > 19 || /^(\d)\1+$/.test(d)) return false;
  return cardScheme(d) !== undefined && luhnValid(d);
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

/**
 * IPv6 (RFC 4291 §2.2): eight groups of one to four hex digits, at most one "::" standing for one or more groups of
 * zeros, the last 32 bits optionally written as IPv4. The unspecified address "::" says nothing about anyone.
 */
export function ipv6Valid(text: string): boolean {
  if (text.length < 3 || text.length > 45) return false;
  const double = text.indexOf('::');
  if (double !== -1 && text.indexOf('::', double + 1) !== -1) return false;
  const halves = double === -1 ? [text] : [text.slice(0, double), text.slice(double + 2)];
  let groups = 0;
  for (const [h, half] of halves.entries()) {
    if (half === '') continue;
    const parts = half.split(':');
    for (const [i, part] of parts.entries()) {
      const last = h === halves.length - 1 && i === parts.length - 1;
      if (last && part.includes('.')) {
        if (!ipv4Valid(part)) return false;
        groups += 2;
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(part)) groups += 1;
      else return false;
    }
  }
  if (double === -1 ? groups !== 8 : groups > 7) return false;
  return !/^[0:.]*$/.test(text);
}

export function ipv4Valid(text: string): boolean {
  const parts = text.split('.');
  return (
    parts.length === 4 &&
    parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255 && (p === '0' || !p.startsWith('0')))
  );
}
