import { electronicFormatIBAN, getCountrySpecifications, isValidIBAN } from 'ibantools';
import libphonenumber from 'google-libphonenumber';
import {
  drivingLicenceValid,
  ipv4Valid,
  ipv6Valid,
  nhsNumberValid,
  ninoValid,
  paymentCardValid,
  postcodeValid,
  utrValid,
} from './checks.ts';
import { FIRST_NAMES, NOT_NAMES, SPECIAL_CATEGORY_PHRASES, STREET_WORDS, SURNAMES } from './lexicon.ts';
import type { Finding, PiiType } from './types.ts';
import {
  DigitAnchoredSearch,
  emailCandidates,
  IPV6_PATTERN,
  ipv6Candidates,
  START_RULES,
  type Candidate,
  type StartRule,
} from './candidates.ts';
import { ContextIndex, ContextWords } from './context.ts';

const phones = libphonenumber.PhoneNumberUtil.getInstance();

interface Detector {
  type: PiiType;
  /** The shape a value must have (what the fast search below finds exactly). */
  pattern: RegExp;
  /** Where around a run of digits a match could start (every type but the e-mail address holds digits). */
  start?: StartRule;
  /** For a type without digits: a character the text must hold, and a search that finds the pattern's matches. */
  requires?: string;
  find?: (text: string) => Iterable<Candidate>;
  /** The check that must pass (DOMAIN.md); a value that fails it is not a finding. */
  check?: (value: string) => boolean;
  /**
   * For a shape that can run on into the next word (an IBAN followed by "BIC"): the part of the value, from its
   * start, that is the identifier and passes its check, or undefined.
   */
  fit?: (value: string) => string | undefined;
  /** Words that make the finding likelier when within `CONTEXT_CHARS` of it (Purview's window), as patterns. */
  context: string[];
  /** Only a finding when a context word is near (formats too loose to stand alone). */
  needsContext?: boolean;
  /**
   * A quick test the whole text must pass for the type to be looked for at all (a necessary condition of its
   * context words), for a shape so common that trying every instance would cost more: every date is shaped like a
   * date of birth.
   */
  hint?: RegExp;
  /** Confidence with and without context. */
  base: number;
  withContext: number;
  label: string;
  normalise?: (value: string) => string;
  mask?: (value: string) => string;
}

const PHONE_CACHE_SIZE = 10_000;
/** Answers by national number (the digits after the 0, as an integer: the same number however it is spaced). */
const phoneCache = new Map<number, string | null>();
const phoneDigits = new Uint8Array(32);

/**
 * The number in E.164 when libphonenumber holds it valid in the UK, else undefined. libphonenumber is the slow part
 * of a scan, so the cheap facts of a UK number (Ofcom's numbering plan) come first, and answers are remembered.
 */
function ukPhoneE164(value: string): string | undefined {
  const national = ukNationalNumber(value);
  if (national === undefined) return undefined;
  let known = phoneCache.get(national);
  if (known === undefined) {
    try {
      const n = phones.parse(`0${national}`, 'GB');
      known = phones.isValidNumberForRegion(n, 'GB')
        ? phones.format(n, libphonenumber.PhoneNumberFormat.E164)
        : null;
    } catch {
      known = null;
    }
    if (phoneCache.size >= PHONE_CACHE_SIZE) phoneCache.clear();
    phoneCache.set(national, known);
  }
  return known ?? undefined;
}

/**
 * The digits after the 0 of a number shaped like a UK one, as an integer: 0 then ten digits (or nine: a few old area
 * codes), the first after the 0 being 1, 2, 3, 5, 7, 8 or 9; +44 (and a "(0)" after it) stands for the 0. Built
 * without making strings: this runs for every phone-shaped value.
 */
function ukNationalNumber(value: string): number | undefined {
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) continue;
    if (count === phoneDigits.length) return undefined;
    phoneDigits[count++] = c - 48;
  }
  let from: number;
  if (phoneDigits[0] === 4 && phoneDigits[1] === 4) from = phoneDigits[2] === 0 ? 3 : 2;
  else if (phoneDigits[0] === 0) from = 1;
  else return undefined;
  const length = count - from;
  if ((length !== 10 && length !== 9) || !UK_FIRST_DIGITS.has(phoneDigits[from]!)) return undefined;
  let national = 0;
  for (let i = from; i < count; i++) national = national * 10 + phoneDigits[i]!;
  return national;
}
const UK_FIRST_DIGITS = new Set([1, 2, 3, 5, 7, 8, 9]);

/** What an e-mail address looks like; `emailCandidates` finds exactly these matches, faster. */
export const EMAIL_PATTERN =
  /\b[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:[Xx][Nn]--[A-Za-z0-9-]{1,59}[A-Za-z0-9]|[A-Za-z]{2,24})\b/g;

const CONTEXT_CHARS = 300;
const NEAR_CHARS = 60;
/** How far back, on the same line, a label such as "UTR" or "NHS number:" names the value after it. */
const LABEL_CHARS = 30;

/**
 * Numbers whose formats overlap (a ten-digit UTR can pass the NHS check one time in eleven; digits inside an IBAN can
 * pass Luhn): for these, a label naming another of them right before the value decides against this type, and no
 * digits inside an IBAN-shaped token count on their own.
 */
const NUMBER_TYPES = new Set<PiiType>([
  'NHS_NUMBER',
  'UK_NINO',
  'PAYMENT_CARD',
  'UK_BANK_ACCOUNT',
  'UK_UTR',
  'UK_PASSPORT',
  'UK_PHONE',
]);

const stripSeparators = (v: string) => v.replace(/[\s-]/g, '').toUpperCase();

const IBAN_LENGTHS = new Map(
  Object.entries(getCountrySpecifications()).flatMap(([country, spec]) =>
    spec.chars ? [[country, spec.chars] as const] : [],
  ),
);

/**
 * The IBAN at the start of an IBAN-shaped value: as many letters and digits as its country's IBANs have (24 for
 * Spain), then the modulus 97 check. The shape alone can run on into the next word — "ES91 2100 0418 4502 0005 1332"
 * then "BIC" on the next line — and a country whose IBANs are a multiple of four long was missed for it.
 */
export function ibanWithin(value: string): string | undefined {
  const length = IBAN_LENGTHS.get(value.slice(0, 2).toUpperCase());
  if (!length) return undefined;
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    if (!isAsciiAlnum(value.charCodeAt(i))) continue;
    if (++count === length) {
      const iban = value.slice(0, i + 1);
      return isValidIBAN(electronicFormatIBAN(iban) ?? '') ? iban : undefined;
    }
  }
  return undefined;
}

/** Every letter and digit but the last `keep` becomes a bullet; separators stay, so the shape is recognisable. */
export function maskKeepingLast(value: string, keep = 4): string {
  let total = 0;
  for (let i = 0; i < value.length; i++) if (isAsciiAlnum(value.charCodeAt(i))) total += 1;
  const codes: number[] = [];
  let seen = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    codes.push(isAsciiAlnum(c) && ++seen <= total - keep ? BULLET : c);
  }
  return String.fromCharCode(...codes);
}

const BULLET = 0x2022; // •
const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

const DETECTORS: Detector[] = [
  {
    type: 'EMAIL',
    pattern: EMAIL_PATTERN,
    requires: '@',
    find: emailCandidates,
    base: 0.85,
    withContext: 0.95,
    context: ['e-?mail', 'contact', 'address'],
    label: '',
    normalise: (v) => v.toLowerCase(),
    mask: (v) => `${v[0]}•••@${v.slice(v.indexOf('@') + 1)}`,
  },
  {
    type: 'UK_PHONE',
    pattern: /(?<![\d+])(?:\+44\s?\(?0?\)?\s?|\(?0)\d[\d\s()-]{7,13}\d(?!\d)/g,
    start: START_RULES.phone,
    check: (v) => ukPhoneE164(v) !== undefined,
    base: 0.7,
    withContext: 0.9,
    context: ['tel', 'telephone', 'phone', 'mobile', 'mob', 'call', 'contact'],
    label: 'Tel',
    normalise: (v) => ukPhoneE164(v)!,
  },
  {
    type: 'NHS_NUMBER',
    pattern: /(?<![\d-])\d{3}([ -]?)\d{3}\1\d{4}(?![\d-])/g,
    start: START_RULES.nhs,
    check: nhsNumberValid,
    base: 0.6,
    withContext: 0.95,
    context: ['nhs', 'national health', 'patient', 'gp', 'hospital', 'date of birth', 'dob'],
    label: 'NHS',
    normalise: stripSeparators,
    mask: (v) => maskKeepingLast(v),
  },
  {
    type: 'UK_NINO',
    pattern: /\b[A-Za-z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-Da-d]\b/g,
    start: START_RULES.nino,
    check: ninoValid,
    base: 0.75,
    withContext: 0.95,
    context: ['national insurance', 'nino', 'ni number', 'ni no'],
    label: 'NINO',
    normalise: stripSeparators,
  },
  {
    type: 'PAYMENT_CARD',
    pattern: /(?<![\d-])\d(?:[ -]?\d){11,18}(?![\d-])/g,
    start: START_RULES.card,
    check: paymentCardValid,
    base: 0.8,
    withContext: 0.95,
    context: ['card', 'visa', 'mastercard', 'amex', 'debit', 'credit', 'expiry', 'cvv'],
    label: 'Card',
    normalise: stripSeparators,
  },
  {
    type: 'IBAN',
    pattern: /\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b/g,
    start: START_RULES.iban,
    fit: ibanWithin,
    base: 0.9,
    withContext: 0.98,
    context: ['iban', 'bank', 'account'],
    label: 'IBAN',
    normalise: stripSeparators,
  },
  {
    type: 'UK_BANK_ACCOUNT',
    pattern: /\b(\d{2}-\d{2}-\d{2}|\d{2} \d{2} \d{2}|\d{6})\b[^\d\n]{1,40}?\b(\d{8})\b/g,
    start: START_RULES.sortCode,
    needsContext: true,
    context: ['sort ?code', 'account', 'bank', 'bacs'],
    base: 0.5,
    withContext: 0.85,
    label: 'Account',
    normalise: (v) => v.replace(/\D/g, ''),
    mask: (v) => `••-••-•• ${maskKeepingLast(v.replace(/\D/g, '').slice(6))}`,
  },
  {
    type: 'UK_UTR',
    pattern: /(?<![\d-])\d{5}\s?\d{5}(?![\d-])/g,
    start: START_RULES.utr,
    check: utrValid,
    needsContext: true,
    context: ['utr', 'unique taxpayer', 'tax reference', 'self[- ]assessment', 'hmrc'],
    base: 0.5,
    withContext: 0.9,
    label: 'UTR',
    normalise: stripSeparators,
  },
  {
    type: 'UK_PASSPORT',
    pattern: /\b(?:[A-Za-z]{2}\d{7}|\d{9})\b/g,
    start: START_RULES.passport,
    needsContext: true,
    context: ['passports?', 'passport no', 'travel document'],
    base: 0.4,
    withContext: 0.85,
    label: 'Passport',
    normalise: stripSeparators,
  },
  {
    type: 'UK_DRIVING_LICENCE',
    pattern: /\b[A-Za-z9]{5}\d{6}[A-Za-z9]{2}\d[A-Za-z]{2}\b/g,
    start: START_RULES.licence,
    check: drivingLicenceValid,
    base: 0.75,
    withContext: 0.95,
    context: ['driving licen[cs]es?', 'dvla', 'licen[cs]e numbers?', 'drivers?'],
    label: 'Licence',
    normalise: stripSeparators,
  },
  {
    type: 'UK_POSTCODE',
    pattern: /\b(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b/g,
    start: START_RULES.postcode,
    check: postcodeValid,
    base: 0.7,
    withContext: 0.9,
    context: ['postcode', 'post code', 'address', 'road', 'street', 'lane', 'avenue'],
    label: '',
    normalise: stripSeparators,
    mask: (v) => `${v.split(/\s+/)[0] ?? v.slice(0, -3)} •••`,
  },
  {
    type: 'DATE_OF_BIRTH',
    pattern:
      /\b(?:(?:0?[1-9]|[12]\d|3[01])[/.-](?:0?[1-9]|1[0-2])[/.-](?:19|20)\d{2}|(?:0?[1-9]|[12]\d|3[01]) (?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?) (?:19|20)\d{2}|(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))\b/g,
    start: START_RULES.date,
    needsContext: true,
    context: ['date of birth', 'd\\.?o\\.?b\\.?', 'born(?: on)?', 'birth ?date', 'birthday'],
    // birth, born, dob or d.o.b in any case (letter classes: twice as fast as the i flag here).
    hint: /[Bb](?:[Ii][Rr][Tt][Hh]|[Oo][Rr][Nn])|[Dd]\.?[Oo]\.?[Bb]/,
    base: 0.3,
    withContext: 0.9,
    label: 'DOB',
  },
  {
    type: 'IP_ADDRESS',
    // A full stop ending the sentence is not part of the address: only a dot followed by a digit continues it.
    pattern: /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?!\d|\.\d)/g,
    start: START_RULES.ipv4,
    check: ipv4Valid,
    base: 0.6,
    withContext: 0.85,
    context: ['ip', 'ipv4', 'address', 'host', 'login', 'logged'],
    label: 'IP',
  },
  {
    type: 'IP_ADDRESS',
    pattern: IPV6_PATTERN,
    requires: ':',
    find: ipv6Candidates,
    check: ipv6Valid,
    base: 0.6,
    withContext: 0.85,
    context: ['ip', 'ipv6', 'address', 'host', 'login', 'logged'],
    label: 'IP',
    normalise: (v) => v.toLowerCase(),
    mask: (v) => maskKeepingLast(v, 4),
  },
];

/**
 * Each identifier type's pattern: the shape a value must have before its check and context decide, and for those
 * found from runs of digits, where around a run a match can start. For comparisons with plain pattern-matching tools
 * (the benchmark runs the same patterns through ripgrep) and for testing the fast search against the patterns.
 */
export const IDENTIFIER_PATTERNS: readonly { type: PiiType; pattern: RegExp; start?: StartRule }[] =
  DETECTORS.map((d) => ({ type: d.type, pattern: d.pattern, start: d.start }));

const TITLED_NAME =
  /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.? ([A-Z][a-z]+(?:[-'][A-Z][a-z]+)?)(?: ([A-Z][a-z]+(?:[-'][A-Z][a-z]+)?))?/g;
const CAPITALISED_PAIR = /\b([A-Z][a-z]+) ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b/g;
const NAME_CONTEXT =
  /\b(dear|name|signed|from|to|client|tenant|resident|service user|pupil|child|mother|father|applicant)\b:?\s*$/i;
const ADDRESS = new RegExp(
  `\\b\\d{1,4}[A-Za-z]?,? (?:[A-Z][a-z]+ ){1,3}(?:${STREET_WORDS})\\b[^\\n]{0,80}?$`,
);
/** Every special category phrase in one pattern (one pass, longest phrase first), each mapped to its category. */
const SPECIAL_PHRASES = Object.entries(SPECIAL_CATEGORY_PHRASES).flatMap(([type, phrases]) =>
  phrases.map((p) => ({
    type: type as PiiType,
    stem: p.endsWith('*'),
    text: p.replace(/\*$/, '').toLowerCase(),
  })),
);
const SPECIAL = new RegExp(
  `\\b(?:${SPECIAL_PHRASES.sort((a, b) => b.text.length - a.text.length)
    .map((p) => p.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + (p.stem ? '[a-z]*' : 's?\\b'))
    .join('|')})`,
  'gi',
);
/** The category of a phrase as found (its stem, or the phrase without a plural "s"). */
function specialType(found: string): PiiType {
  const text = found.toLowerCase();
  return SPECIAL_PHRASES.find((p) =>
    p.stem ? text.startsWith(p.text) : text === p.text || text === `${p.text}s`,
  )!.type;
}

/** The person identifiers whose nearness turns a health or criminal phrase into likely special category data. */
const PERSON_TYPES = new Set<PiiType>([
  'PERSON_NAME',
  'NHS_NUMBER',
  'UK_NINO',
  'DATE_OF_BIRTH',
  'EMAIL',
  'UK_PHONE',
  'ADDRESS',
  'UK_PASSPORT',
  'UK_DRIVING_LICENCE',
]);

export interface DetectOptions {
  /** Stop after this many findings (hostile inputs). */
  maxFindings?: number;
}

/** The words of every detector in one pattern; a detector's bit in a context mask is its place in the table. */
const CONTEXT_WORDS = new ContextWords(DETECTORS.map((d) => d.context));
const BIT = new Map(DETECTORS.map((d, i) => [d, 1 << i]));
const DIGIT_DETECTORS = DETECTORS.filter((d) => d.start);
const DIGIT_SEARCH = new DigitAnchoredSearch(
  DIGIT_DETECTORS.map((d) => ({ pattern: d.pattern, rule: d.start! })),
);
/** The detectors whose words, as a label right before a number, say it is of their type. */
const NUMBER_MASK = DETECTORS.filter((d) => NUMBER_TYPES.has(d.type)).reduce((m, d) => m | BIT.get(d)!, 0);
/** IBAN-shaped tokens are the IBAN detector's candidates (before its check). */
const IBAN_SLOT = DIGIT_DETECTORS.findIndex((d) => d.type === 'IBAN');

type Add = (f: Omit<Finding, 'masked' | 'normalised'> & { masked?: string; normalised?: string }) => void;

/**
 * Finds personal data in text. Identifiers must pass their check; loose formats need a context word nearby; names
 * come from titles or the gazetteer with context; addresses are anchored on a real postcode; special categories are
 * phrases, scored by nearness to a person identifier. Overlapping identifiers keep the likelier one.
 */
export function detectPii(text: string, options: DetectOptions = {}): Finding[] {
  const max = options.maxFindings ?? 100_000;
  const found: Finding[] = [];
  const add = collector(found, max);
  findIdentifiers(text, found, max);
  findNames(text, add);
  findAddresses(text, found, add);
  const kept = resolveOverlaps(found);
  findSpecialCategories(text, kept, (f) => kept.length < max && kept.push(f));
  return kept.sort(byPosition);
}

/** The identifiers alone (no names, addresses or special categories): what pattern tools look for. */
export function detectIdentifiers(text: string, options: DetectOptions = {}): Finding[] {
  const found: Finding[] = [];
  findIdentifiers(text, found, options.maxFindings ?? 100_000);
  return resolveOverlaps(found).sort(byPosition);
}

const byPosition = (a: Finding, b: Finding) =>
  a.start - b.start || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0);

function collector(found: Finding[], max: number): Add {
  return (f) => {
    if (found.length < max)
      found.push({
        type: f.type,
        start: f.start,
        end: f.end,
        confidence: f.confidence,
        value: f.value,
        masked: f.masked ?? maskKeepingLast(f.value),
        normalised: f.normalised ?? f.value,
      });
  };
}

/**
 * Identifier-shaped values (found from runs of digits, e-mail addresses from their @), kept when they pass their
 * check; scored, or kept at all, by context words near them, looked for only around the values.
 */
function findIdentifiers(text: string, found: Finding[], max: number) {
  DIGIT.lastIndex = 0;
  const anchored = DIGIT.test(text)
    ? DIGIT_SEARCH.run(
        text,
        DIGIT_DETECTORS.map((d) => !d.hint || d.hint.test(text)),
      )
    : DIGIT_DETECTORS.map(() => []);
  const candidates = DETECTORS.map((d) =>
    d.find ? (text.includes(d.requires!) ? [...d.find(text)] : []) : anchored[DIGIT_DETECTORS.indexOf(d)]!,
  );
  const windows = contextWindows(candidates);
  if (!windows.length) return;
  const context = new ContextIndex(text, CONTEXT_WORDS, windows);
  const ibans = anchored[IBAN_SLOT]!;
  for (let i = 0; i < DETECTORS.length; i++) {
    const d = DETECTORS[i]!;
    const bit = BIT.get(d)!;
    const number = NUMBER_TYPES.has(d.type);
    for (const m of candidates[i]!) {
      if (found.length >= max) return;
      const value = d.fit ? d.fit(m.value) : m.value;
      if (value === undefined || (d.check && !d.check(value))) continue;
      const end = m.index + value.length;
      if (number && (labelledAsAnother(text, m.index, bit, context) || insideIban(ibans, m.index, end)))
        continue;
      const near = d.needsContext
        ? context.near(m.index, end, bit, NEAR_CHARS, NEAR_CHARS)
        : context.near(m.index, end, bit, CONTEXT_CHARS, NEAR_CHARS);
      if (d.needsContext && !near) continue;
      const masked = d.mask ? d.mask(value) : maskKeepingLast(value);
      found.push({
        type: d.type,
        start: m.index,
        end,
        confidence: near ? d.withContext : d.base,
        value,
        masked: d.label ? `${d.label} ${masked}` : masked,
        normalised: d.normalise ? d.normalise(value) : value,
      });
    }
  }
}

const DIGIT = /\d/g;
/** How far before a value of each detector its context words are looked for. */
const WINDOW_BEFORE = DETECTORS.map((d) => (d.needsContext ? NEAR_CHARS : CONTEXT_CHARS));

/**
 * The stretches of text where context can matter: from CONTEXT_CHARS before each value (NEAR_CHARS for a type that
 * needs its word near) to NEAR_CHARS after it, merged (each list is in order of position, so they are merged as they
 * are walked, without sorting). Sorted [start, end) pairs.
 */
function contextWindows(candidates: Candidate[][]): number[] {
  const next = candidates.map(() => 0);
  const merged: number[] = [];
  for (;;) {
    let list = -1;
    for (let i = 0; i < candidates.length; i++)
      if (
        next[i]! < candidates[i]!.length &&
        (list < 0 || candidates[i]![next[i]!]!.index < candidates[list]![next[list]!]!.index)
      )
        list = i;
    if (list < 0) return merged;
    const c = candidates[list]![next[list]!++]!;
    let from = Math.max(0, c.index - WINDOW_BEFORE[list]!);
    let to = c.index + c.value.length + NEAR_CHARS;
    // A value reaching further back than the one before it can swallow earlier stretches.
    while (merged.length && from <= merged[merged.length - 1]!) {
      to = Math.max(to, merged.pop()!);
      from = Math.min(from, merged.pop()!);
    }
    merged.push(from, to);
  }
}

/** Digits strictly inside an IBAN-shaped token do not count on their own (they can pass Luhn or modulus 11). */
function insideIban(ibans: Candidate[], start: number, end: number): boolean {
  for (const { index, value } of ibans) {
    if (index > start) return false;
    if (end <= index + value.length && (index < start || index + value.length > end)) return true;
  }
  return false;
}

/** The label just before the value (same line) names another number type and not this one. */
function labelledAsAnother(text: string, start: number, bit: number, context: ContextIndex): boolean {
  const from = Math.max(0, start - LABEL_CHARS, text.lastIndexOf('\n', start - 1) + 1);
  const label = context.within(from, start);
  return (label & bit) === 0 && (label & NUMBER_MASK & ~bit) !== 0;
}

function findNames(text: string, add: Add) {
  const name = (value: string, start: number, confidence: number) =>
    add({
      type: 'PERSON_NAME',
      start,
      end: start + value.length,
      confidence,
      value,
      masked: value.replace(/\b([A-Za-z])[a-z'-]*/g, '$1•••'),
      normalised: value.toLowerCase().replace(/\s+/g, ' '),
    });
  TITLED_NAME.lastIndex = 0;
  for (let m = TITLED_NAME.exec(text); m; m = TITLED_NAME.exec(text)) {
    // "Dear Sir" or a title before an ordinary word is not a name; a title before a known name or any two words is.
    const first = m[1]!.toLowerCase();
    if (!m[2] && !SURNAMES.has(first) && !FIRST_NAMES.has(first)) continue;
    name(m[0], m.index, 0.9);
  }
  CAPITALISED_PAIR.lastIndex = 0;
  for (let m = CAPITALISED_PAIR.exec(text); m; m = CAPITALISED_PAIR.exec(text)) {
    const first = m[1]!.toLowerCase();
    const last = m[2]!.toLowerCase().split('-')[0]!;
    if (!FIRST_NAMES.has(first) || !SURNAMES.has(last)) {
      CAPITALISED_PAIR.lastIndex = m.index + m[1]!.length + 1;
      continue;
    }
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    const context = NAME_CONTEXT.test(before);
    if (NOT_NAMES.has(first) && !context) continue;
    name(m[0], m.index, context ? 0.85 : 0.6);
  }
}

function findAddresses(text: string, found: Finding[], add: Add) {
  for (const postcode of found.filter((f) => f.type === 'UK_POSTCODE')) {
    const before = text.slice(Math.max(0, postcode.start - 120), postcode.start);
    const m = ADDRESS.exec(before.replace(/\n/g, ' '));
    if (!m) continue;
    const start = postcode.start - before.length + m.index;
    const value = text.slice(start, postcode.end);
    add({
      type: 'ADDRESS',
      start,
      end: postcode.end,
      confidence: 0.85,
      value,
      masked: `••• ${postcode.masked}`,
      normalised: value
        .toUpperCase()
        .replace(/[^A-Z0-9]+/g, ' ')
        .trim(),
    });
  }
}

/**
 * Overlapping identifiers: keep the likelier (then the longer). Addresses and the postcodes inside them both stay.
 * Findings are swept in order of position, so only mutually overlapping ones are ever compared.
 */
function resolveOverlaps(findings: Finding[]): Finding[] {
  const kept: Finding[] = findings.filter((f) => f.type === 'ADDRESS');
  const rest = findings.filter((f) => f.type !== 'ADDRESS').sort((a, b) => a.start - b.start);
  let cluster: Finding[] = [];
  let clusterEnd = -1;
  const settle = () => {
    if (cluster.length === 1)
      kept.push(cluster[0]!); // most findings overlap nothing
    else {
      cluster.sort(byStrength);
      const chosen: Finding[] = [];
      for (const f of cluster) if (!overlapsAny(chosen, f)) chosen.push(f);
      kept.push(...chosen);
    }
    cluster = [];
  };
  for (const f of rest) {
    if (cluster.length && f.start >= clusterEnd) settle();
    cluster.push(f);
    clusterEnd = Math.max(clusterEnd, f.end);
  }
  if (cluster.length) settle();
  return kept;
}

/** The more confident first, then the longer. */
const byStrength = (a: Finding, b: Finding) =>
  b.confidence - a.confidence || b.end - b.start - (a.end - a.start);

function overlapsAny(findings: Finding[], f: Finding): boolean {
  for (const k of findings) if (k.start < f.end && f.start < k.end) return true;
  return false;
}

function findSpecialCategories(text: string, people: Finding[], add: (f: Finding) => void) {
  const starts = people
    .filter((p) => PERSON_TYPES.has(p.type))
    .map((p) => p.start)
    .sort((a, b) => a - b);
  /** Is a person identifier within CONTEXT_CHARS of this position? (binary search over their starts) */
  const nearPerson = (at: number) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < at - CONTEXT_CHARS) lo = mid + 1;
      else hi = mid;
    }
    return lo < starts.length && starts[lo]! <= at + CONTEXT_CHARS;
  };
  SPECIAL.lastIndex = 0;
  for (let m = SPECIAL.exec(text); m; m = SPECIAL.exec(text)) {
    const start = m.index;
    const phrase = m[0].toLowerCase();
    add({
      type: specialType(phrase),
      start,
      end: start + phrase.length,
      confidence: nearPerson(start) ? 0.75 : 0.35,
      value: m[0],
      masked: phrase,
      normalised: phrase,
    });
  }
}
