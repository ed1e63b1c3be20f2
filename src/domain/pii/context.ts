/**
 * Context words ("NHS number", "sort code", "date of birth") for every detector, found in one pass over the text and
 * kept as positions, so that "is there a word for this type near this value?" is a binary search rather than a fresh
 * regular expression over the 300 characters around every value (Purview's window, research/discovery.md §1.2).
 */
const isWordChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

export class ContextIndex {
  private starts: number[] = [];
  private ends: number[] = [];
  private masks: number[] = [];
  private everything = 0;

  /**
   * Finds the words in the text, or only within `windows` (sorted [start, end) pairs, merged): context is only asked
   * for near values, and in prose most of the text is far from any.
   */
  constructor(text: string, words: ContextWords, windows?: number[]) {
    if (!windows) this.scan(text, words, 0);
    else
      for (let i = 0; i < windows.length; i += 2) {
        // Widened to whole words, so that \b at the edges of the piece behaves as it does in the whole text.
        let from = windows[i]!;
        let to = Math.min(text.length, windows[i + 1]!);
        while (from > 0 && isWordChar(text.charCodeAt(from - 1))) from -= 1;
        while (to < text.length && isWordChar(text.charCodeAt(to))) to += 1;
        this.scan(text.slice(from, to), words, from);
      }
  }

  private scan(text: string, words: ContextWords, offset: number) {
    const pattern = words.pattern;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const mask = words.maskOf(m[0]);
      this.starts.push(offset + m.index);
      this.ends.push(offset + m.index + m[0].length);
      this.masks.push(mask);
      this.everything |= mask;
    }
  }

  /** Whether the text holds any context word of the detectors in `mask`. */
  mentions(mask: number): boolean {
    return (this.everything & mask) !== 0;
  }

  /** The detectors with a context word lying wholly within [from, to). */
  within(from: number, to: number): number {
    let mask = 0;
    for (let i = this.firstStartingAtOrAfter(from); i < this.starts.length && this.starts[i]! < to; i++)
      if (this.ends[i]! <= to) mask |= this.masks[i]!;
    return mask;
  }

  /** A context word of the detectors in `mask` in the `before` characters before [start, end) or `after` after. */
  near(start: number, end: number, mask: number, before: number, after: number): boolean {
    const from = Math.max(0, start - before);
    for (let i = this.firstStartingAtOrAfter(from); i < this.starts.length; i++) {
      const at = this.starts[i]!;
      if (at >= end + after) return false;
      if ((this.masks[i]! & mask) === 0) continue;
      const to = this.ends[i]!;
      if ((at < start && to <= start) || (at >= end && to <= end + after)) return true;
    }
    return false;
  }

  private firstStartingAtOrAfter(position: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * Every detector's context words as one case-insensitive pattern (longest alternatives first, so that where two
 * start at the same place the longer is found), and which detectors each word found speaks for.
 */
export class ContextWords {
  readonly pattern: RegExp;
  private readonly own: RegExp[];
  private readonly known = new Map<string, number>();

  /** `fragments[i]` holds detector i's words, as regular-expression fragments. */
  constructor(fragments: string[][]) {
    if (fragments.length > 31) throw new Error('a context mask holds at most 31 detectors');
    const all = [...new Set(fragments.flat())].sort((a, b) => b.length - a.length);
    this.pattern = new RegExp(`\\b(?:${all.join('|')})\\b`, 'gi');
    this.own = fragments.map((words) => new RegExp(`^(?:${words.join('|')})$`, 'i'));
  }

  /** The detectors whose own words match this text in full (remembered: the same few words recur). */
  maskOf(word: string): number {
    let mask = this.known.get(word);
    if (mask === undefined) {
      mask = 0;
      for (let i = 0; i < this.own.length; i++) if (this.own[i]!.test(word)) mask |= 1 << i;
      if (this.known.size < 10_000) this.known.set(word, mask);
    }
    return mask;
  }
}
