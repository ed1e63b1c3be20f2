/**
 * SimHash (Charikar) over word shingles, for near-duplicate text: documents that differ in a few words have hashes a
 * few bits apart. 64 bits, kept as two unsigned 32-bit halves so no BigInt is needed on the hot path.
 */
export interface SimHash {
  hi: number;
  lo: number;
}

const SHINGLE = 3;

/** Lower-case words, punctuation and spacing ignored: layout changes are not changes. */
export function normaliseWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function simhash(text: string): SimHash | undefined {
  const words = normaliseWords(text);
  if (words.length < SHINGLE) return undefined;
  const weights = new Int32Array(64);
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    const shingle = words.slice(i, i + SHINGLE).join(' ');
    const lo = fnv1a(shingle, 0x811c9dc5);
    const hi = fnv1a(shingle, 0x9747b28c);
    for (let b = 0; b < 32; b++) {
      weights[b]! += (lo >>> b) & 1 ? 1 : -1;
      weights[b + 32]! += (hi >>> b) & 1 ? 1 : -1;
    }
  }
  let lo = 0;
  let hi = 0;
  for (let b = 0; b < 32; b++) {
    if (weights[b]! > 0) lo |= 1 << b;
    if (weights[b + 32]! > 0) hi |= 1 << b;
  }
  return { hi: hi >>> 0, lo: lo >>> 0 };
}

function popcount(n: number): number {
  n -= (n >>> 1) & 0x55555555;
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function hammingDistance(a: SimHash, b: SimHash): number {
  return popcount((a.hi ^ b.hi) >>> 0) + popcount((a.lo ^ b.lo) >>> 0);
}

/** As 16 hex digits, for storage. */
export function simhashHex(h: SimHash): string {
  return h.hi.toString(16).padStart(8, '0') + h.lo.toString(16).padStart(8, '0');
}

export function parseSimhash(hex: string): SimHash {
  return { hi: parseInt(hex.slice(0, 8), 16) >>> 0, lo: parseInt(hex.slice(8, 16), 16) >>> 0 };
}

/**
 * Groups near-identical texts (Hamming distance ≤ threshold, DOMAIN.md suggests 3). Bands the 64 bits into
 * threshold + 1 blocks: two hashes within the threshold agree exactly on at least one block (pigeonhole), so only
 * candidates sharing a block are compared. Returns a group id per item (undefined for items with no near copy).
 */
export function nearDuplicateGroups(hashes: (SimHash | undefined)[], threshold = 3): (number | undefined)[] {
  const parent = hashes.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const blocks = threshold + 1;
  const width = Math.ceil(64 / blocks);
  const buckets = new Map<string, number[]>();
  hashes.forEach((h, i) => {
    if (!h) return;
    const bits = simhashHex(h);
    const binary = BigInt(`0x${bits}`).toString(2).padStart(64, '0');
    for (let b = 0; b < blocks; b++) {
      const key = `${b}:${binary.slice(b * width, (b + 1) * width)}`;
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    }
  });
  const linked = new Set<number>();
  for (const list of buckets.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = list[x]!;
        const b = list[y]!;
        if (find(a) !== find(b) && hammingDistance(hashes[a]!, hashes[b]!) <= threshold) {
          parent[find(a)] = find(b);
          linked.add(a);
          linked.add(b);
        }
      }
    }
  }
  return hashes.map((_, i) => (linked.has(i) ? find(i) : undefined));
}
