import type { SeededRandom } from '../../domain/shared/random.ts';
import type { PiiType } from '../../domain/pii/types.ts';

/**
 * Identifiers for the generated corpus, built by construction from each scheme's published rule (not by asking the
 * detectors' own checks, so a fault in a check shows up as missed findings) — valid ones to plant, and decoys that
 * have the right shape but break the rule, which must not be found. Values come from ranges kept for testing where
 * such ranges exist (Ofcom's drama telephone numbers, example.org addresses).
 */
export interface Planted {
  type: PiiType;
  /** As written in the document. */
  text: string;
  /** As the detector normalises it (for matching against the inventory's keyed hashes). */
  normalised: string;
}

const digits = (random: SeededRandom, n: number) => Array.from({ length: n }, () => random.int(0, 9));
const strip = (v: string) => v.replace(/[\s-]/g, '').toUpperCase();
const planted = (type: PiiType, text: string, normalised = strip(text)): Planted => ({
  type,
  text,
  normalised,
});

/** NHS Data Dictionary: weights 10…2 on nine digits; 11 − (sum mod 11) is the check digit (11 → 0; 10 never issued). */
function nhsCheck(nine: number[]): number {
  const check = 11 - (nine.reduce((s, d, i) => s + d * (10 - i), 0) % 11);
  return check === 11 ? 0 : check;
}

const spaced = (d: string, groups: number[]) => {
  const parts: string[] = [];
  let at = 0;
  for (const g of groups) parts.push(d.slice(at, (at += g)));
  return parts.join(' ');
};

export function nhsNumber(random: SeededRandom): Planted {
  for (;;) {
    const nine = digits(random, 9);
    const check = nhsCheck(nine);
    if (check === 10 || new Set(nine).size === 1) continue;
    return planted('NHS_NUMBER', spaced([...nine, check].join(''), [3, 3, 4]));
  }
}

/** An NHS-shaped number whose check digit is wrong. */
export function nhsDecoy(random: SeededRandom): string {
  const nine = digits(random, 9);
  const wrong = (nhsCheck(nine) + random.int(1, 9)) % 10;
  return spaced([...nine, wrong].join(''), [3, 3, 4]);
}

const NINO_FIRST = 'ABCEGHJKLMNOPRSTWXYZ'; // HMRC NIM39110: never D F I Q U V
const NINO_SECOND = 'ABCEGHJKLMNPRSTWXYZ'; // nor O second
const NINO_UNUSED = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

export function nino(random: SeededRandom): Planted {
  for (;;) {
    const prefix = random.pick([...NINO_FIRST]) + random.pick([...NINO_SECOND]);
    if (NINO_UNUSED.has(prefix)) continue;
    const d = digits(random, 6).join('');
    return planted('UK_NINO', `${prefix} ${spaced(d, [2, 2, 2])} ${random.pick(['A', 'B', 'C', 'D'])}`);
  }
}

/** A NINO-shaped value with a prefix letter HMRC never issues. */
export function ninoDecoy(random: SeededRandom): string {
  const d = digits(random, 6).join('');
  return `${random.pick([...'DFIQUV'])}${random.pick([...NINO_SECOND])} ${spaced(d, [2, 2, 2])} ${random.pick([...'ABCD'])}`;
}

function luhnDigit(body: number[]): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let n = body[body.length - 1 - i]!;
    if (i % 2 === 0) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
    sum += n;
  }
  return (10 - (sum % 10)) % 10;
}

/** ISO/IEC 7812: a Visa or Mastercard number of 16 digits with its Luhn check digit. */
export function paymentCard(random: SeededRandom): Planted {
  const prefix = random.chance(0.5) ? [4] : [5, random.int(1, 5)];
  const body = [...prefix, ...digits(random, 15 - prefix.length)];
  const number = [...body, luhnDigit(body)].join('');
  return planted('PAYMENT_CARD', spaced(number, [4, 4, 4, 4]));
}

export function paymentCardDecoy(random: SeededRandom): string {
  const body = [4, ...digits(random, 14)];
  return spaced([...body, (luhnDigit(body) + random.int(1, 9)) % 10].join(''), [4, 4, 4, 4]);
}

/** ISO 13616: the check digits make the rearranged number ≡ 1 (mod 97). A GB IBAN: bank code, sort code, account. */
function ibanCheck(country: string, bban: string): string {
  const rearranged = `${bban}${country}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return String(98 - Number(BigInt(rearranged) % 97n)).padStart(2, '0');
}

export function iban(random: SeededRandom): Planted {
  const bban = `${random.pick(['NWBK', 'BARC', 'LOYD', 'HBUK', 'MIDL'])}${digits(random, 14).join('')}`;
  const full = `GB${ibanCheck('GB', bban)}${bban}`;
  return planted('IBAN', full.replace(/(.{4})/g, '$1 ').trim());
}

export function ibanDecoy(random: SeededRandom): string {
  const bban = `NWBK${digits(random, 14).join('')}`;
  const good = Number(ibanCheck('GB', bban));
  const bad = String(((good + random.int(1, 90) - 2) % 97) + 2).padStart(2, '0');
  return `GB${bad}${bban}`.replace(/(.{4})/g, '$1 ').trim();
}

/** HMRC UTR: the first digit checks the other nine (weights 6 7 8 9 10 5 4 3 2, sum mod 11 into "21987654321"). */
function utrCheck(nine: number[]): string {
  const weights = [6, 7, 8, 9, 10, 5, 4, 3, 2];
  return '21987654321'[nine.reduce((s, d, i) => s + d * weights[i]!, 0) % 11]!;
}

export function utr(random: SeededRandom): Planted {
  const nine = digits(random, 9);
  return planted('UK_UTR', `${utrCheck(nine)}${nine.join('')}`);
}

export function utrDecoy(random: SeededRandom): string {
  const nine = digits(random, 9);
  const good = Number(utrCheck(nine));
  return `${(good + random.int(1, 9)) % 10}${nine.join('')}`;
}

const POSTCODE_AREAS = [
  'LS',
  'M',
  'B',
  'NE',
  'BS',
  'CF',
  'EH',
  'G',
  'SO',
  'NG',
  'LE',
  'YO',
  'EX',
  'PL',
  'OX',
  'CB',
];
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ'; // BS 7666: never C I K M O V in the inward code

export function postcode(random: SeededRandom): Planted {
  const text = `${random.pick(POSTCODE_AREAS)}${random.int(1, 19)} ${random.int(1, 9)}${random.pick([...INWARD_LETTERS])}${random.pick([...INWARD_LETTERS])}`;
  return planted('UK_POSTCODE', text);
}

/** Surname (five letters, 9-padded), birth decade, month (+50 for women), day, year, initials, a digit, two letters. */
export function drivingLicence(
  random: SeededRandom,
  surname: string,
  first: string,
  female: boolean,
): Planted {
  const name = surname
    .toUpperCase()
    .replace(/[^A-Z]/g, '')
    .slice(0, 5)
    .padEnd(5, '9');
  const year = random.int(1940, 2005);
  const month = random.int(1, 12) + (female ? 50 : 0);
  const day = random.int(1, 28);
  const text = `${name}${String(year).slice(2, 3)}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(year).slice(3)}${first[0]!.toUpperCase()}9${random.int(0, 9)}${random.pick([...'ABCDEFGHJKLMNPRSTUVWXYZ'])}${random.pick([...'ABCDEFGHJKLMNPRSTUVWXYZ'])}`;
  return planted('UK_DRIVING_LICENCE', text);
}

/** Ofcom's numbers for drama (fixed lines in London, Leeds and Manchester): real formats, never a real line. */
export function phone(random: SeededRandom): Planted {
  const [area, exchange] = random.pick([
    ['020', '7946'],
    ['0113', '496'],
    ['0161', '496'],
  ] as const);
  const line = `0${String(random.int(0, 999)).padStart(3, '0')}`;
  const text = `${area} ${exchange} ${line}`;
  return planted('UK_PHONE', text, `+44${`${area}${exchange}${line}`.slice(1)}`);
}

export function email(first: string, last: string, random: SeededRandom): Planted {
  const domain = random.pick(['example.org', 'example.com', 'example.net']);
  const text = `${first}.${last}@${domain}`.toLowerCase().replace(/[^a-z0-9.@-]/g, '');
  return planted('EMAIL', text, text);
}
