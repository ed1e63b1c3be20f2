import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../../../test/support/databases.ts';
import { FixedClock } from '../../platform/clock.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { walk } from '../walk/walk.ts';
import { runScan } from '../scan.ts';
import { generateCorpus, readManifest } from './generate.ts';
import { CHECKSUMMED_TYPES, EVALUATED_TYPES, evaluateScan } from './evaluate.ts';

const now = new Date('2026-11-25T12:00:00Z');

async function fingerprint(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const files: string[] = [];
  for await (const e of walk([dir])) if (e.kind === 'file') files.push(e.path);
  for (const f of files.sort()) hash.update(path.relative(dir, f)).update(fs.readFileSync(f));
  return hash.digest('hex');
}

describe('the generated council corpus', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodian-corpus-'));
    dirs.push(dir);
    return dir;
  };
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('is the same for the same seed, different for another, and agrees with its manifest', async () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    const summary = await generateCorpus({ out: a, files: 150, seed: 11, now });
    await generateCorpus({ out: b, files: 150, seed: 11, now });
    await generateCorpus({ out: c, files: 150, seed: 12, now });
    assert.equal(await fingerprint(a), await fingerprint(b));
    assert.notEqual(await fingerprint(a), await fingerprint(c));
    assert.equal(
      fs.readFileSync(path.join(a, 'manifest.jsonl'), 'utf8'),
      fs.readFileSync(path.join(b, 'manifest.jsonl'), 'utf8'),
    );

    const entries = [];
    for await (const e of readManifest(a)) entries.push(e);
    assert.equal(entries.length, summary.files);
    for (const e of entries) assert.ok(fs.existsSync(path.join(a, 'files', e.path)), e.path);
    for (const e of entries.filter((x) => x.duplicateOf))
      assert.deepEqual(
        fs.readFileSync(path.join(a, 'files', e.path)),
        fs.readFileSync(path.join(a, 'files', e.duplicateOf!)),
      );
    const formats = new Set(entries.map((e) => e.format));
    for (const f of ['txt', 'csv', 'html', 'pdf', 'docx', 'xlsx', 'eml', 'msg', 'rtf'])
      assert.ok(formats.has(f as never), f);
    assert.ok(summary.decoys > 0 && summary.duplicates > 0 && summary.nearDuplicates > 0);
    assert.ok(entries.some((e) => e.rot.includes('stale')) && entries.some((e) => e.rot.includes('empty')));
  });

  for (const kind of DATABASE_KINDS) {
    describe(`scanned into the inventory on ${kind}`, () => {
      let database: TestDatabase;
      let out: string;
      const findingKey = Buffer.alloc(32, 4);
      before(async () => {
        database = await createTestDatabase(kind);
        out = tempDir();
        // A few scanned letters among the rest, so OCR is part of the run.
        await generateCorpus({ out, files: 250, seed: 5, now, scans: 0.02 });
        await runScan({ db: database.db, clock: new FixedClock(now) }, systemActor('Test'), {
          source: 'corpus',
          root: path.join(out, 'files'),
          findingKey,
          // Looser than the default of 3: a revised letter of a few hundred words often lies 4–6 bits away.
          nearThreshold: 6,
        });
      });
      after(() => database.close());

      it('finds the planted identifiers and not the decoys, the copies and the ROT the manifest records', async () => {
        const result = await evaluateScan(database.db, { corpus: out, source: 'corpus', findingKey });
        for (const type of CHECKSUMMED_TYPES) {
          const s = result.byType[type]!;
          assert.ok(s.truePositives > 0, `${type}: some planted`);
          assert.ok(s.precision >= 0.95 && s.recall >= 0.95, `${type}: ${JSON.stringify(s)}`);
        }
        for (const type of EVALUATED_TYPES) assert.ok(result.byType[type]!.recall >= 0.9, `${type} recall`);
        assert.equal(result.duplicateSets.identical, result.duplicateSets.expected);
        assert.equal(result.duplicateSets.found, result.duplicateSets.expected);
        assert.ok(
          result.nearCopies.found >= 0.75 * result.nearCopies.expected,
          JSON.stringify(result.nearCopies),
        );
        assert.equal(result.nearCopies.unexpected, 0, JSON.stringify(result.nearCopies));
        for (const [reason, score] of Object.entries(result.rot))
          assert.equal(score.found, score.expected, reason);
      });
    });
  }
});
