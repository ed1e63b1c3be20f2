import { isValidIBAN, electronicFormatIBAN } from 'ibantools';
import libphonenumber from 'google-libphonenumber';
import {
  drivingLicenceValid,
  ipv4Valid,
  nhsNumberValid,
  ninoValid,
  paymentCardValid,
  postcodeValid,
  utrValid,
} from './checks.ts';
import { FIRST_NAMES, NOT_NAMES, SPECIAL_CATEGORY_PHRASES, STREET_WORDS, SURNAMES } from './lexicon.ts';
import type { Finding, PiiType } from './types.ts';

const phones = libphonenumber.PhoneNumberUtil.getInstance();

interface Candidate {
  index: number;
  value: string;
}

interface Detector {
  type: PiiType;
  pattern: RegExp;
  /**
   * What the whole text must contain for this detector to run at all (default: a digit; the types that need a
   * context word need that word too). Most texts lack most of these, and one search costs far less than a pass.
   */
  requires?: string;
  /** Finds candidates faster than `pattern` alone would (the same matches). */
  find?: (text: string) => Iterable<Candidate>;
  /** The check that must pass (DOMAIN.md); a value that fails it is not a finding. */
  check?: (value: string) => boolean;
  /** Words that make the finding likelier when within `CONTEXT_CHARS` of it (Purview's window). */
  context?: RegExp;
  /** Only a finding when a context word is near (formats too loose to stand alone). */
  needsContext?: boolean;
  /** Confidence with and without context. */
  base: number;
  withContext: number;
  label: string;
  normalise?: (value: string) => string;
  mask?: (value: string) => string;
}

const PHONE_CACHE_SIZE = 10_000;
const phoneCache = new Map<string, string | null>();

/**
 * The number in E.164 when libphonenumber holds it valid in the UK, else undefined. libphonenumber is the slow part
 * of a scan, so the cheap facts of a UK number (Ofcom's numbering plan) come first, and answers are remembered.
 */
function ukPhoneE164(value: string): string | undefined {
  if (!plausibleUkNumber(value)) return undefined;
  let known = phoneCache.get(value);
  if (known === undefined) {
    try {
      const n = phones.parse(value, 'GB');
      known = phones.isValidNumberForRegion(n, 'GB')
        ? phones.format(n, libphonenumber.PhoneNumberFormat.E164)
        : null;
    } catch {
      known = null;
    }
    if (phoneCache.size >= PHONE_CACHE_SIZE) phoneCache.clear();
    phoneCache.set(value, known);
  }
  return known ?? undefined;
}

/** 0 then ten digits (or nine: a few old area codes), first digit 1, 2, 3, 5, 7, 8 or 9; +44 in place of the 0. */
function plausibleUkNumber(value: string): boolean {
  let digits = value.replace(/\D/g, '');
  if (digits.startsWith('44')) digits = `0${digits.slice(digits[2] === '0' ? 3 : 2)}`;
  return (
    digits[0] === '0' && (digits.length === 11 || digits.length === 10) && '1235789'.includes(digits[1]!)
  );
}

/** What an e-mail address looks like; `emailCandidates` finds exactly these matches, faster. */
export const EMAIL_PATTERN =
  /\b[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}\b/g;

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
const IBAN_SHAPE = /\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b/g;

const stripSeparators = (v: string) => v.replace(/[\s-]/g, '').toUpperCase();

/** Every letter and digit but the last `keep` becomes a bullet; separators stay, so the shape is recognisable. */
export function maskKeepingLast(value: string, keep = 4): string {
  const total = value.replace(/[^A-Za-z0-9]/g, '').length;
  let seen = 0;
  return value.replace(/[A-Za-z0-9]/g, (c) => (++seen > total - keep ? c : '•'));
}

const DETECTORS: Detector[] = [
  {
    type: 'EMAIL',
    pattern: EMAIL_PATTERN,
    requires: '@',
    find: emailCandidates,
    base: 0.85,
    withContext: 0.95,
    context: /\b(e-?mail|contact|address)\b/i,
    label: '',
    normalise: (v) => v.toLowerCase(),
    mask: (v) => `${v[0]}•••@${v.slice(v.indexOf('@') + 1)}`,
  },
  {
    type: 'UK_PHONE',
    pattern: /(?<![\d+])(?:\+44\s?\(?0?\)?\s?|\(?0)\d[\d\s()-]{7,13}\d(?!\d)/g,
    check: (v) => ukPhoneE164(v) !== undefined,
    base: 0.7,
    withContext: 0.9,
    context: /\b(tel|telephone|phone|mobile|mob|call|contact)\b/i,
    label: 'Tel',
    normalise: (v) => ukPhoneE164(v)!,
  },
  {
    type: 'NHS_NUMBER',
    pattern: /(?<![\d-])\d{3}([ -]?)\d{3}\1\d{4}(?![\d-])/g,
    check: nhsNumberValid,
    base: 0.6,
    withContext: 0.95,
    context: /\b(nhs|national health|patient|gp|hospital|date of birth|dob)\b/i,
    label: 'NHS',
    normalise: stripSeparators,
    mask: (v) => maskKeepingLast(v),
  },
  {
    type: 'UK_NINO',
    pattern: /\b[A-Za-z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-Da-d]\b/g,
    check: ninoValid,
    base: 0.75,
    withContext: 0.95,
    context: /\b(national insurance|nino|ni number|ni no)\b/i,
    label: 'NINO',
    normalise: stripSeparators,
  },
  {
    type: 'PAYMENT_CARD',
    pattern: /(?<![\d-])\d(?:[ -]?\d){11,18}(?![\d-])/g,
    check: paymentCardValid,
    base: 0.8,
    withContext: 0.95,
    context: /\b(card|visa|mastercard|amex|debit|credit|expiry|cvv)\b/i,
    label: 'Card',
    normalise: stripSeparators,
  },
  {
    type: 'IBAN',
    pattern: /\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b/g,
    check: (v) => isValidIBAN(electronicFormatIBAN(v) ?? ''),
    base: 0.9,
    withContext: 0.98,
    context: /\b(iban|bank|account)\b/i,
    label: 'IBAN',
    normalise: stripSeparators,
  },
  {
    type: 'UK_BANK_ACCOUNT',
    pattern: /\b(\d{2}-\d{2}-\d{2}|\d{2} \d{2} \d{2}|\d{6})\b[^\d\n]{1,40}?\b(\d{8})\b/g,
    needsContext: true,
    context: /\b(sort ?code|account|bank|bacs)\b/i,
    base: 0.5,
    withContext: 0.85,
    label: 'Account',
    normalise: (v) => v.replace(/\D/g, ''),
    mask: (v) => `••-••-•• ${maskKeepingLast(v.replace(/\D/g, '').slice(6))}`,
  },
  {
    type: 'UK_UTR',
    pattern: /(?<![\d-])\d{5}\s?\d{5}(?![\d-])/g,
    check: utrValid,
    needsContext: true,
    context: /\b(utr|unique taxpayer|tax reference|self[- ]assessment|hmrc)\b/i,
    base: 0.5,
    withContext: 0.9,
    label: 'UTR',
    normalise: stripSeparators,
  },
  {
    type: 'UK_PASSPORT',
    pattern: /\b(?:[A-Z]{2}\d{7}|\d{9})\b/g,
    needsContext: true,
    context: /\bpassport\b/i,
    base: 0.4,
    withContext: 0.85,
    label: 'Passport',
    normalise: stripSeparators,
  },
  {
    type: 'UK_DRIVING_LICENCE',
    pattern: /\b[A-Z9]{5}\d{6}[A-Z9]{2}\d[A-Z]{2}\b/g,
    check: drivingLicenceValid,
    base: 0.75,
    withContext: 0.95,
    context: /\b(driving licen[cs]e|dvla|licen[cs]e number|driver)\b/i,
    label: 'Licence',
    normalise: stripSeparators,
  },
  {
    type: 'UK_POSTCODE',
    pattern: /\b(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b/g,
    check: postcodeValid,
    base: 0.7,
    withContext: 0.9,
    context: /\b(postcode|post code|address|road|street|lane|avenue)\b/i,
    label: '',
    normalise: stripSeparators,
    mask: (v) => `${v.split(/\s+/)[0] ?? v.slice(0, -3)} •••`,
  },
  {
    type: 'DATE_OF_BIRTH',
    pattern:
      /\b(?:(?:0?[1-9]|[12]\d|3[01])[/.-](?:0?[1-9]|1[0-2])[/.-](?:19|20)\d{2}|(?:0?[1-9]|[12]\d|3[01]) (?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?) (?:19|20)\d{2}|(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))\b/g,
    needsContext: true,
    context: /\b(date of birth|d\.?o\.?b\.?|born( on)?|birth ?date|birthday)\b/i,
    base: 0.3,
    withContext: 0.9,
    label: 'DOB',
  },
  {
    type: 'IP_ADDRESS',
    pattern: /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])/g,
    check: ipv4Valid,
    base: 0.6,
    withContext: 0.85,
    context: /\b(ip|address|host|login|logged)\b/i,
    label: 'IP',
  },
];

const TITLED_NAME =
  /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.? ([A-Z][a-z]+(?:[-'][A-Z][a-z]+)?)(?: ([A-Z][a-z]+(?:[-'][A-Z][a-z]+)?))?/g;
const CAPITALISED_PAIR = /\b([A-Z][a-z]+) ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b/g;
const NAME_CONTEXT =
  /\b(dear|name|signed|from|to|client|tenant|resident|service user|pupil|child|mother|father|applicant)\b:?\s*$/i;
const ADDRESS = new RegExp(
  `\\b\\d{1,4}[A-Za-z]?,? (?:[A-Z][a-z]+ ){1,3}(?:${STREET_WORDS})\\b[^\\n]{0,80}?$`,
);
/** Every special category phrase in one pattern (one pass, longest phrase first), each mapped to its category. */
const SPECIAL_TYPES = new Map(
  Object.entries(SPECIAL_CATEGORY_PHRASES).flatMap(([type, phrases]) =>
    phrases.map((p) => [p.toLowerCase(), type as PiiType] as const),
  ),
);
const SPECIAL = new RegExp(
  `\\b(?:${[...SPECIAL_TYPES.keys()]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})`,
  'gi',
);

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

/**
 * Finds personal data in text. Identifiers must pass their check; loose formats need a context word nearby; names
 * come from titles or the gazetteer with context; addresses are anchored on a real postcode; special categories are
 * phrases, scored by nearness to a person identifier. Overlapping identifiers keep the likelier one.
 */
export function detectPii(text: string, options: DetectOptions = {}): Finding[] {
  const max = options.maxFindings ?? 100_000;
  const found: Finding[] = [];
  const add = (f: Omit<Finding, 'masked' | 'normalised'> & { masked?: string; normalised?: string }) => {
    if (found.length < max)
      found.push({
        masked: f.masked ?? maskKeepingLast(f.value),
        normalised: f.normalised ?? f.value,
        ...f,
      } as Finding);
  };
  let ibanShapes: [number, number][] | undefined;
  const insideIban = (start: number, end: number) => {
    ibanShapes ??= [...text.matchAll(IBAN_SHAPE)].map((m) => [m.index, m.index + m[0].length]);
    return ibanShapes.some(([s, e]) => s <= start && end <= e && (s < start || e > end));
  };
  const hasDigit = /\d/.test(text);
  for (const d of DETECTORS) {
    if (!(d.requires ? contains(text, d.requires) : hasDigit)) continue;
    if (d.needsContext && !d.context!.test(text)) continue;
    for (const m of d.find ? d.find(text) : patternCandidates(d.pattern, text)) {
      const { value } = m;
      if (d.check && !d.check(value)) continue;
      if (NUMBER_TYPES.has(d.type)) {
        if (labelledAsAnother(text, m.index, d)) continue;
        if (insideIban(m.index, m.index + value.length)) continue;
      }
      const near = d.context
        ? hasContext(
            text,
            m.index,
            m.index + value.length,
            d.context,
            d.needsContext ? NEAR_CHARS : CONTEXT_CHARS,
          )
        : false;
      if (d.needsContext && !near) continue;
      const masked = d.mask ? d.mask(value) : maskKeepingLast(value);
      add({
        type: d.type,
        start: m.index,
        end: m.index + value.length,
        confidence: near ? d.withContext : d.base,
        value,
        masked: d.label ? `${d.label} ${masked}` : masked,
        normalised: d.normalise ? d.normalise(value) : value,
      });
    }
  }
  findNames(text, add);
  findAddresses(text, found, add);
  const kept = resolveOverlaps(found);
  findSpecialCategories(text, kept, (f) => kept.length < max && kept.push(f));
  return kept.sort((a, b) => a.start - b.start || a.type.localeCompare(b.type));
}

const NUMBER_DETECTORS = DETECTORS.filter((d) => NUMBER_TYPES.has(d.type) && d.context);

/** The label just before the value (same line) names another number type and not this one. */
function labelledAsAnother(text: string, start: number, detector: Detector): boolean {
  const from = Math.max(0, start - LABEL_CHARS, text.lastIndexOf('\n', start - 1) + 1);
  const label = text.slice(from, start);
  if (!/[A-Za-z]/.test(label) || detector.context?.test(label)) return false;
  return NUMBER_DETECTORS.some((other) => other !== detector && other.context!.test(label));
}

const contains = (text: string, needle: string) => text.includes(needle);

function* patternCandidates(pattern: RegExp, text: string): Generator<Candidate> {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) yield { index: m.index, value: m[0] };
}

const EMAIL_DOMAIN = /(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}\b/y;
const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isWordChar = (c: number) => isAlnum(c) || c === 95; // NaN (before the start) is not
const isLocal = (c: number) => isAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45; // . _ % + -

/**
 * E-mail addresses found from their '@' outwards — the matches of the EMAIL pattern without trying that pattern at
 * every word of the text: back over up to 64 characters of local part (from a letter or digit at a word boundary),
 * then forward over the domain.
 */
export function* emailCandidates(text: string): Generator<Candidate> {
  let searchedTo = 0; // matches never overlap: the pattern resumes after the last one
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > searchedTo && at - start < 64 && isLocal(text.charCodeAt(start - 1))) start -= 1;
    // The first letter or digit that starts a word.
    while (start < at && !(isAlnum(text.charCodeAt(start)) && !isWordChar(text.charCodeAt(start - 1))))
      start += 1;
    if (start === at) continue;
    EMAIL_DOMAIN.lastIndex = at + 1;
    if (!EMAIL_DOMAIN.test(text)) continue;
    searchedTo = EMAIL_DOMAIN.lastIndex;
    yield { index: start, value: text.slice(start, searchedTo) };
    at = searchedTo - 1;
  }
}

function hasContext(text: string, start: number, end: number, context: RegExp, window: number): boolean {
  return (
    context.test(text.slice(Math.max(0, start - window), start)) ||
    context.test(text.slice(end, end + Math.min(window, 60)))
  );
}

function findNames(
  text: string,
  add: (f: Omit<Finding, 'masked' | 'normalised'> & { masked?: string; normalised?: string }) => void,
) {
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

function findAddresses(
  text: string,
  found: Finding[],
  add: (f: Omit<Finding, 'masked' | 'normalised'> & { masked?: string; normalised?: string }) => void,
) {
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
    cluster.sort((a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start));
    const chosen: Finding[] = [];
    for (const f of cluster) if (!chosen.some((k) => k.start < f.end && f.start < k.end)) chosen.push(f);
    kept.push(...chosen);
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
      type: SPECIAL_TYPES.get(phrase)!,
      start,
      end: start + phrase.length,
      confidence: nearPerson(start) ? 0.75 : 0.35,
      value: m[0],
      masked: phrase,
      normalised: phrase,
    });
  }
}
