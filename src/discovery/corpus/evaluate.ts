import { createHmac } from 'node:crypto';
import path from 'node:path';
import type { Database } from '../../platform/db/database.ts';
import type { PiiType } from '../../domain/pii/types.ts';
import type { RotReason } from '../../domain/discovery/rot.ts';
import { readManifest } from './generate.ts';

/** The finding types whose values are planted and recorded in the ground truth. */
export const EVALUATED_TYPES: PiiType[] = [
  'NHS_NUMBER',
  'UK_NINO',
  'PAYMENT_CARD',
  'IBAN',
  'UK_UTR',
  'UK_DRIVING_LICENCE',
  'UK_POSTCODE',
  'UK_PHONE',
  'EMAIL',
];

/** The types with a check digit or issuing rule, held to precision and recall of 0.95 or better. */
export const CHECKSUMMED_TYPES: PiiType[] = ['NHS_NUMBER', 'UK_NINO', 'PAYMENT_CARD', 'IBAN', 'UK_UTR'];

export interface TypeScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface Evaluation {
  byType: Record<string, TypeScore>;
  /** Exact duplicate sets: how many the manifest has, how many the inventory has, and how many agree exactly. */
  duplicateSets: { expected: number; found: number; identical: number };
  /** Near copies the inventory groups with their original (or finds to be exact copies), and files it calls near
   * copies that are not. */
  nearCopies: { expected: number; found: number; unexpected: number };
  /** Per ROT reason planted by the generator: planted and recorded. */
  rot: Record<string, { expected: number; found: number }>;
}

/**
 * Scores a scan of a generated corpus against its ground truth. Findings are matched by file, type and the keyed hash
 * of the normalised value — the inventory never holds the values, and the manifest's values hash the same way.
 */
export async function evaluateScan(
  db: Database,
  options: { corpus: string; source: string; findingKey: Buffer },
): Promise<Evaluation> {
  const [src] = await db.query<{ id: number; root_path: string }>(
    'select id, root_path from discovery_sources where name = $1',
    [options.source],
  );
  if (!src) throw new Error(`no source named ${options.source}`);
  const root = src.root_path;
  const relative = (p: string) => path.relative(root, p).split(path.sep).join('/');
  const found = new Set<string>();
  for (const f of await db.query<{ path: string; type: string; value_hmac: string }>(
    'select path, type, value_hmac from inventory_findings where source_id = $1 and type = any($2)',
    [src.id, EVALUATED_TYPES],
  ))
    found.add(`${relative(f.path)}\t${f.type}\t${f.value_hmac}`);
  const files = new Map(
    (
      await db.query<{
        path: string;
        sha256: string | null;
        near_duplicate_group: number | null;
        rot: RotReason[];
      }>(
        'select path, sha256, near_duplicate_group, rot from inventory_files where source_id = $1 and not gone',
        [src.id],
      )
    ).map((f) => [relative(f.path), f]),
  );

  const byType: Record<string, TypeScore> = {};
  for (const t of EVALUATED_TYPES)
    byType[t] = { truePositives: 0, falsePositives: 0, falseNegatives: 0, precision: 1, recall: 1 };
  const expectedSets = new Map<string, string[]>();
  const nearCopies = { expected: 0, found: 0, unexpected: 0 };
  const rot: Evaluation['rot'] = {};
  const truth = new Set<string>();
  const family = new UnionFind();
  for await (const entry of readManifest(options.corpus)) {
    for (const p of entry.planted) {
      const hmac = createHmac('sha256', options.findingKey).update(`${p.type}:${p.normalised}`).digest('hex');
      truth.add(`${entry.path}\t${p.type}\t${hmac}`);
    }
    if (entry.duplicateOf) {
      const set = expectedSets.get(entry.duplicateOf) ?? [entry.duplicateOf];
      expectedSets.set(entry.duplicateOf, [...set, entry.path]);
    }
    const inventory = files.get(entry.path);
    if (entry.nearDuplicateOf) {
      nearCopies.expected += 1;
      const original = files.get(entry.nearDuplicateOf);
      if (
        inventory &&
        original &&
        ((inventory.near_duplicate_group !== null &&
          inventory.near_duplicate_group === original.near_duplicate_group) ||
          inventory.sha256 === original.sha256)
      )
        nearCopies.found += 1;
    }
    family.join(entry.path, entry.nearDuplicateOf ?? entry.duplicateOf ?? entry.path);
    for (const reason of entry.rot.filter((r) => r !== 'duplicate' && r !== 'near-duplicate')) {
      const score = (rot[reason] ??= { expected: 0, found: 0 });
      score.expected += 1;
      if (inventory?.rot.includes(reason)) score.found += 1;
    }
  }
  for (const key of truth) {
    const type = key.split('\t')[1]!;
    if (found.has(key)) byType[type]!.truePositives += 1;
    else byType[type]!.falseNegatives += 1;
  }
  for (const key of found) if (!truth.has(key)) byType[key.split('\t')[1]!]!.falsePositives += 1;
  for (const s of Object.values(byType)) {
    s.precision =
      s.truePositives + s.falsePositives ? s.truePositives / (s.truePositives + s.falsePositives) : 1;
    s.recall =
      s.truePositives + s.falseNegatives ? s.truePositives / (s.truePositives + s.falseNegatives) : 1;
  }
  // A file grouped as a near copy with none of its own family (its original, copies and revisions) is a false one.
  const groups = new Map<number, string[]>();
  for (const [p, f] of files)
    if (f.near_duplicate_group !== null)
      groups.set(f.near_duplicate_group, [...(groups.get(f.near_duplicate_group) ?? []), p]);
  for (const members of groups.values())
    for (const p of members)
      if (!members.some((q) => q !== p && family.find(q) === family.find(p))) nearCopies.unexpected += 1;
  return { byType, duplicateSets: compareSets(expectedSets, files), nearCopies, rot };
}

/** Duplicate sets in the inventory (same digest, not empty) against the manifest's, as sorted lists of paths. */
function compareSets(
  expected: Map<string, string[]>,
  files: Map<string, { sha256: string | null }>,
): Evaluation['duplicateSets'] {
  const bySha = new Map<string, string[]>();
  for (const [p, f] of files)
    if (f.sha256 && f.sha256 !== EMPTY_SHA256) bySha.set(f.sha256, [...(bySha.get(f.sha256) ?? []), p]);
  const found = new Set([...bySha.values()].filter((s) => s.length > 1).map((s) => s.sort().join('\n')));
  const wanted = [...expected.values()].map((s) => s.sort().join('\n'));
  return { expected: wanted.length, found: found.size, identical: wanted.filter((s) => found.has(s)).length };
}

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    const p = this.parent.get(x) ?? x;
    if (p === x) return x;
    const root = this.find(p);
    this.parent.set(x, root);
    return root;
  }
  join(a: string, b: string) {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent.set(ra, rb);
  }
}
