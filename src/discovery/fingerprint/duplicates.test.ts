import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findExactDuplicates } from './duplicates.ts';
import { runCli } from '../../../test/support/cli.ts';

describe('exact duplicates, cheap-first', () => {
  let root: string;
  const at = (name: string) => path.join(root, name);
  const write = (name: string, content: string | Buffer) => {
    fs.mkdirSync(path.dirname(at(name)), { recursive: true });
    fs.writeFileSync(at(name), content);
  };

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'custodian-dups-'));
    write('a/letter.txt', 'Dear Mrs Jones');
    write('b/letter copy.txt', 'Dear Mrs Jones');
    write('c/letter again.txt', 'Dear Mrs Jones');
    write('a/other.txt', 'Dear Mrs Smith'); // the same size, other bytes
    const big = Buffer.alloc(50_000, 'x');
    write('a/big.bin', big);
    write('b/big-copy.bin', big);
    const middle = Buffer.from(big);
    middle[25_000] = 0x79; // same size, same first and last 4 KiB, different middle
    write('b/big-changed.bin', middle);
    write('a/empty-1.txt', '');
    write('b/empty-2.txt', '');
    fs.linkSync(at('a/other.txt'), at('b/hard-link.txt'));
    fs.symlinkSync(at('a'), at('c/link-to-a'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('finds the sets jdupes would: empty files, hard links and symbolic links are not copies', async () => {
    const report = await findExactDuplicates([root]);
    assert.deepEqual(
      report.sets.map((s) => s.paths.map((p) => path.relative(root, p))),
      [
        ['a/big.bin', 'b/big-copy.bin'],
        ['a/letter.txt', 'b/letter copy.txt', 'c/letter again.txt'],
      ],
      'largest waste first',
    );
    assert.equal(report.files, 10);
    assert.match(report.sets[0]!.sha256, /^[0-9a-f]{64}$/);
    assert.ok(
      report.bytesRead < 4 * 50_000,
      'the big file that differs is read whole only because its ends agree',
    );
  });

  it('prints the sets from the command line, as text or JSON lines', async () => {
    const json = await runCli(['duplicates', '--json', root], {});
    assert.equal(json.code, 0, json.stderr);
    const sets = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(sets.length, 2);
    assert.match(json.stderr, /10 files, 2 sets of copies/);
    const missing = await runCli(['duplicates', path.join(root, 'nowhere')], {});
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /custodian: .*nowhere does not exist/);
  });
});
