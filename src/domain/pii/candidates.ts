/**
 * Finding identifier-shaped values fast. Each identifier type is defined by a pattern (detect.ts); run one after
 * another, a dozen patterns read every character of the text a dozen times. Every identifier but the e-mail address
 * holds digits, so instead the text is read once for runs of digits, and each type's pattern is tried (anchored,
 * with the sticky flag) only where its match could start around a run whose shape fits it: a ten-digit run or a
 * three-digit one followed by a separator for an NHS number, two capital letters before the run for an IBAN, and so
 * on. The shape tests are necessary conditions of the patterns, so the matches are exactly those the patterns find
 * scanning the whole text (property-tested against them): leftmost first, never overlapping one another.
 */

export interface Candidate {
  index: number;
  value: string;
}

/**
 * Where, around the run of digits text[run, end), a match could start: only runs of the listed lengths with at least
 * one of the facts in `when` (see FACT), and then `at` writes each possible start into `starts`, in order, and returns
 * how many. Most runs of digits in a text (dates, amounts) fail every rule on their facts alone, without a call.
 */
export interface StartRule {
  lengths: number;
  when: number;
  at: (text: string, run: number, end: number, starts: Int32Array) => number;
}

/** Facts about a run of digits and the characters around it, worked out once a run. */
export const FACT = {
  firstZero: 1 << 0,
  afterPlus: 1 << 1,
  afterCapital: 1 << 2,
  afterLetter: 1 << 3,
  /** A letter, then one whitespace character, then the run. */
  afterLetterSpace: 1 << 4,
  /** A space or hyphen, then a digit, after the run. */
  sepDigit: 1 << 5,
  /** One whitespace character, then a digit, after the run. */
  spaceDigit: 1 << 6,
  /** A dot, then a digit, after the run. */
  dotDigit: 1 << 7,
  /** A / . - or space after the run. */
  dateSeparator: 1 << 8,
  six: 1 << 9,
  nine: 1 << 10,
  ten: 1 << 11,
  twelveOrMore: 1 << 12,
  /** Eleven digits or more at the start of a word (a licence whose surname is all 9s). */
  wordStartElevenOrMore: 1 << 13,
};

function factsOf(text: string, run: number, end: number): number {
  const length = end - run;
  const before = text.charCodeAt(run - 1);
  const next = text.charCodeAt(end);
  const nextDigit = isDigit(text.charCodeAt(end + 1));
  let facts = 0;
  if (text.charCodeAt(run) === 48) facts |= FACT.firstZero;
  if (before === 43) facts |= FACT.afterPlus;
  if (isUpper(before)) facts |= FACT.afterCapital;
  if (isLetter(before)) facts |= FACT.afterLetter;
  else if (isSpaceCode(before) && isLetter(text.charCodeAt(run - 2))) facts |= FACT.afterLetterSpace;
  if (nextDigit) {
    if (next === 32 || next === HYPHEN) facts |= FACT.sepDigit;
    if (isSpaceCode(next)) facts |= FACT.spaceDigit;
    if (next === 46) facts |= FACT.dotDigit;
  }
  if (next === 47 || next === 46 || next === HYPHEN || next === 32) facts |= FACT.dateSeparator;
  if (length === 6) facts |= FACT.six;
  else if (length === 9) facts |= FACT.nine;
  else if (length === 10) facts |= FACT.ten;
  if (length >= 12) facts |= FACT.twelveOrMore;
  if (length >= 11 && !isWord(before)) facts |= FACT.wordStartElevenOrMore;
  return facts;
}

/** Run lengths a rule can start a match from, as a mask (bit 31 stands for 31 digits or more). */
const lengths = (...allowed: number[]) => allowed.reduce((mask, n) => mask | (1 << n), 0);
const ANY_LENGTH = -1;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isUpper = (c: number) => c >= 65 && c <= 90;
const isLetter = (c: number) => isUpper(c) || (c >= 97 && c <= 122);
/** A word character as \b sees it; NaN (before the start or after the end) is not one. */
const isWord = (c: number) => isLetter(c) || isDigit(c) || c === 95;
const SPACE = /\s/;
/** What \s matches: ASCII white space at once, the rest of Unicode's by the pattern itself. */
const isSpaceCode = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || (c >= 160 && SPACE.test(String.fromCharCode(c)));
const isSpace = (text: string, i: number) => isSpaceCode(text.charCodeAt(i));
const SPACE_OR_HYPHEN = (c: number) => c === 32 || c === 45;
const HYPHEN = 45;

/** The start rules of the patterns in detect.ts, each a necessary condition of its pattern's match. */
export const START_RULES = {
  /** (?<![\d+])(?:\+44\s?\(?0?\)?\s?|\(?0)\d…: at "+" before a run starting 44, or at a run's leading 0 (or its "("). */
  phone: {
    lengths: ANY_LENGTH,
    when: FACT.firstZero | FACT.afterPlus,
    at: (text, run, _end, starts) => {
      let n = 0;
      const first = text.charCodeAt(run);
      const before = text.charCodeAt(run - 1);
      if (before === 43 && first === 52 && text.charCodeAt(run + 1) === 52) starts[n++] = run - 1;
      else if (first === 48) {
        if (before === 40) starts[n++] = run - 1;
        starts[n++] = run;
      }
      return n;
    },
  },
  /** \d{3}([ -]?)\d{3}\1\d{4}: ten digits, or three and a separator before more digits. */
  nhs: {
    lengths: lengths(3, 10),
    when: FACT.ten | FACT.sepDigit,
    at: (text, run, end, starts) => {
      let n = 0;
      if (end - run === 10 || (SPACE_OR_HYPHEN(text.charCodeAt(end)) && isDigit(text.charCodeAt(end + 1))))
        starts[n++] = run;
      return n;
    },
  },
  /** \d(?:[ -]?\d){11,18}: twelve digits or more together, or a separator with digits after. */
  card: {
    lengths: ANY_LENGTH,
    when: FACT.twelveOrMore | FACT.sepDigit,
    at: (text, run, end, starts) => {
      let n = 0;
      if (end - run >= 12 || (SPACE_OR_HYPHEN(text.charCodeAt(end)) && isDigit(text.charCodeAt(end + 1))))
        starts[n++] = run;
      return n;
    },
  },
  /** \d{5}\s?\d{5}: ten digits, or five and a space before more digits. */
  utr: {
    lengths: lengths(5, 10),
    when: FACT.ten | FACT.spaceDigit,
    at: (text, run, end, starts) => {
      let n = 0;
      if (end - run === 10 || (isSpace(text, end) && isDigit(text.charCodeAt(end + 1)))) starts[n++] = run;
      return n;
    },
  },
  /** [A-Za-z]{2}\d{7}|\d{9}: nine digits, or seven after two letters. */
  passport: {
    lengths: lengths(7, 9),
    when: FACT.nine | FACT.afterLetter,
    at: (text, run, end, starts) => {
      let n = 0;
      if (end - run === 9) starts[n++] = run;
      else if (isLetter(text.charCodeAt(run - 1)) && isLetter(text.charCodeAt(run - 2)))
        starts[n++] = run - 2;
      return n;
    },
  },
  /** (\d{2}-\d{2}-\d{2}|\d{2} \d{2} \d{2}|\d{6})…: six digits, or two and a separator before more digits. */
  sortCode: {
    lengths: lengths(2, 6),
    when: FACT.six | FACT.sepDigit,
    at: (text, run, end, starts) => {
      let n = 0;
      if (end - run === 6 || (SPACE_OR_HYPHEN(text.charCodeAt(end)) && isDigit(text.charCodeAt(end + 1))))
        starts[n++] = run;
      return n;
    },
  },
  /** A day of one or two digits before / . - or a space, or a year before a hyphen. */
  date: {
    lengths: lengths(1, 2, 4),
    when: FACT.dateSeparator,
    at: (text, run, end, starts) => {
      let n = 0;
      const next = text.charCodeAt(end);
      if (end - run === 4 ? next === HYPHEN : next === 47 || next === 46 || next === HYPHEN || next === 32)
        starts[n++] = run;
      return n;
    },
  },
  /** (?:\d{1,3}\.){3}\d{1,3}: up to three digits before a dot and a digit. */
  ipv4: {
    lengths: lengths(1, 2, 3),
    when: FACT.dotDigit,
    at: (text, run, end, starts) => {
      let n = 0;
      if (text.charCodeAt(end) === 46 && isDigit(text.charCodeAt(end + 1))) starts[n++] = run;
      return n;
    },
  },
  /** [A-Za-z]{2}\s?\d{2}\s?\d{2}\s?\d{2}…: two letters right before the run, or before one space before it. */
  nino: {
    lengths: lengths(2, 4, 6),
    when: FACT.afterLetter | FACT.afterLetterSpace,
    at: (text, run, _end, starts) => {
      let n = 0;
      if (isLetter(text.charCodeAt(run - 1)) && isLetter(text.charCodeAt(run - 2))) starts[n++] = run - 2;
      else if (
        isSpace(text, run - 1) &&
        isLetter(text.charCodeAt(run - 2)) &&
        isLetter(text.charCodeAt(run - 3))
      )
        starts[n++] = run - 3;
      return n;
    },
  },
  /** [A-Z]{2}\d{2}…: two capitals right before a run of two digits or more. */
  iban: {
    lengths: ~lengths(0, 1),
    when: FACT.afterCapital,
    at: (text, run, _end, starts) => {
      let n = 0;
      if (isUpper(text.charCodeAt(run - 1)) && isUpper(text.charCodeAt(run - 2))) starts[n++] = run - 2;
      return n;
    },
  },
  /** GIR ?0AA, or one or two capitals right before a run of up to three digits. */
  postcode: {
    lengths: lengths(1, 2, 3),
    when: FACT.afterCapital | FACT.firstZero,
    at: (text, run, _end, starts) => {
      let n = 0;
      if (text.charCodeAt(run) === 48) {
        if (text.startsWith('GIR ', run - 4)) starts[n++] = run - 4;
        else if (text.startsWith('GIR', run - 3)) starts[n++] = run - 3;
      }
      if (!isUpper(text.charCodeAt(run - 1))) return n;
      if (isUpper(text.charCodeAt(run - 2))) starts[n++] = run - 2;
      starts[n++] = run - 1;
      return n;
    },
  },
  /** [A-Za-z9]{5}\d{6}…: the start of a word whose first digit comes after at most five letters. */
  licence: {
    lengths: ANY_LENGTH,
    when: FACT.afterLetter | FACT.wordStartElevenOrMore,
    at: (text, run, _end, starts) => {
      let n = 0;
      let start = run;
      while (start > run - 5 && isLetter(text.charCodeAt(start - 1))) start -= 1;
      // Five characters of surname, then six digits.
      if (
        !isWord(text.charCodeAt(start - 1)) &&
        isDigit(text.charCodeAt(start + 5)) &&
        isDigit(text.charCodeAt(start + 10))
      )
        starts[n++] = start;
      return n;
    },
  },
} satisfies Record<string, StartRule>;

const DIGIT = /\d/g;

/**
 * Searches for several patterns from the runs of digits. `run(text)[i]` lists what `patterns[i]` would match
 * scanning the whole text, given that its matches can only start where `rules[i]` says.
 */
export class DigitAnchoredSearch {
  private readonly sticky: RegExp[];
  private readonly rules: StartRule[];
  /** For each run length (31 for longer), the searches whose rules accept it. */
  private readonly byLength: number[][];
  private readonly starts = new Int32Array(4);

  constructor(searches: { pattern: RegExp; rule: StartRule }[]) {
    this.sticky = searches.map(
      ({ pattern }) => new RegExp(pattern.source, pattern.flags.replace('g', '') + 'y'),
    );
    this.rules = searches.map((s) => s.rule);
    this.byLength = Array.from({ length: 32 }, (_, length) =>
      this.rules.flatMap((rule, i) => (rule.lengths & (1 << length) ? [i] : [])),
    );
  }

  /** The matches of each search in `text`; a search whose `active` entry is false finds nothing. */
  run(text: string, active: boolean[]): Candidate[][] {
    const count = this.rules.length;
    const found: Candidate[][] = this.rules.map(() => []);
    // The active searches for each run length, and the facts that any of them needs: most runs fail at once.
    const searches = this.byLength.map((all) => all.filter((i) => active[i]));
    const needs = searches.map((all) => all.reduce((mask, i) => mask | this.rules[i]!.when, 0));
    // Per pattern: matches never overlap (the next may start where the last ended), and each start is tried once.
    const from = new Int32Array(count);
    const tried = new Int32Array(count).fill(-1);
    DIGIT.lastIndex = 0;
    while (DIGIT.test(text)) {
      const run = DIGIT.lastIndex - 1;
      let end = run + 1;
      while (end < text.length && isDigit(text.charCodeAt(end))) end += 1;
      DIGIT.lastIndex = end;
      const length = Math.min(end - run, 31);
      const facts = factsOf(text, run, end);
      if ((needs[length]! & facts) === 0) continue;
      const candidates = searches[length]!;
      for (let c = 0; c < candidates.length; c++) {
        const i = candidates[c]!;
        const rule = this.rules[i]!;
        if ((rule.when & facts) === 0) continue;
        const n = rule.at(text, run, end, this.starts);
        for (let k = 0; k < n; k++) {
          const start = this.starts[k]!;
          if (start < from[i]! || start <= tried[i]!) continue;
          tried[i] = start;
          const sticky = this.sticky[i]!;
          sticky.lastIndex = start;
          if (!sticky.test(text)) continue; // test, not exec: no match array to make and collect
          found[i]!.push({ index: start, value: text.slice(start, sticky.lastIndex) });
          from[i] = sticky.lastIndex;
        }
      }
    }
    return found;
  }
}

/** Every match of a global pattern, scanning the whole text (the definition the fast search must agree with). */
export function* patternCandidates(pattern: RegExp, text: string): Generator<Candidate> {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) yield { index: m.index, value: m[0] };
}

const EMAIL_DOMAIN =
  /(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:[Xx][Nn]--[A-Za-z0-9-]{1,59}[A-Za-z0-9]|[A-Za-z]{2,24})\b/y;
const isAlnum = (c: number) => isLetter(c) || isDigit(c);
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
    while (start < at && !(isAlnum(text.charCodeAt(start)) && !isWord(text.charCodeAt(start - 1))))
      start += 1;
    if (start === at) continue;
    EMAIL_DOMAIN.lastIndex = at + 1;
    if (!EMAIL_DOMAIN.test(text)) continue;
    searchedTo = EMAIL_DOMAIN.lastIndex;
    yield { index: start, value: text.slice(start, searchedTo) };
    at = searchedTo - 1;
  }
}

/**
 * What an IPv6 address looks like in text: a run of hex digits, colons and dots holding at least two colons, starting
 * with a hex digit or colon where no word, colon or dot comes before, and ending with one where (after any full stops
 * ending the sentence) no word, colon or dot follows. `ipv6Candidates` finds exactly these matches, faster.
 */
export const IPV6_PATTERN =
  /(?<![\w:.])(?=[0-9A-Fa-f.]*:[0-9A-Fa-f.]*:)[0-9A-Fa-f:](?:[0-9A-Fa-f:.]*[0-9A-Fa-f:])?(?=\.*(?![\w:.]))/g;

const isHex = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const isV6 = (c: number) => isHex(c) || c === 58 || c === 46; // hex, ':' and '.'

/** IPv6-shaped runs found from their colons: the matches of IPV6_PATTERN without trying it at every character. */
export function* ipv6Candidates(text: string): Generator<Candidate> {
  // Each run is looked at once: the next colon looked for is the first after the run.
  let at = text.indexOf(':');
  while (at !== -1) {
    let start = at;
    while (start > 0 && isV6(text.charCodeAt(start - 1))) start -= 1;
    let end = at + 1;
    while (end < text.length && isV6(text.charCodeAt(end))) end += 1;
    at = text.indexOf(':', end);
    // The whole run must stand alone: a word character on either side makes it part of something else.
    if (isWord(text.charCodeAt(start - 1)) || isWord(text.charCodeAt(end))) continue;
    if (text.charCodeAt(start) === 46) continue;
    let valueEnd = end;
    while (text.charCodeAt(valueEnd - 1) === 46) valueEnd -= 1;
    let colons = 0;
    for (let i = start; i < valueEnd && colons < 2; i++) if (text.charCodeAt(i) === 58) colons += 1;
    if (colons < 2) continue;
    yield { index: start, value: text.slice(start, valueEnd) };
  }
}
