import fs from 'node:fs';
import path from 'node:path';
import { SeededRandom } from '../../src/domain/shared/random.ts';

/** A valid NHS number from nine seeded digits (check digit computed; the rare check of 10 is skipped). */
export function validNhsNumber(random: SeededRandom): string {
  for (;;) {
    const d = Array.from({ length: 9 }, () => random.int(0, 9));
    const sum = d.reduce((s, x, i) => s + x * (10 - i), 0);
    const check = (11 - (sum % 11)) % 11;
    if (check === 10) continue;
    const all = [...d, check].join('');
    return `${all.slice(0, 3)} ${all.slice(3, 6)} ${all.slice(6)}`;
  }
}

/**
 * A small council-like file tree from a seed: letters with planted NHS numbers, decoy reference numbers, exact copies,
 * a near copy, empty and system files and an old file. Returns how many of each it planted.
 */
export function writeTree(root: string, seed: number, files = 60) {
  const random = new SeededRandom(seed);
  const dirs = ['Adults/Case notes', 'Children/Referrals', 'Place/Planning', 'Resources/Finance'];
  for (const d of dirs) fs.mkdirSync(path.join(root, d), { recursive: true });
  let nhs = 0;
  const written: string[] = [];
  for (let i = 0; i < files; i++) {
    const dir = random.pick(dirs);
    const planted = random.chance(0.5);
    const text = planted
      ? `Dear Mrs Sarah Jones,\nYour NHS number is ${validNhsNumber(random)}. We will write again about your care plan ${i}.\n`
      : `Invoice ${random.int(1000, 9999)} ${random.int(100, 999)} ${random.int(1000, 9999)} for grounds maintenance, batch ${i}.\n`;
    if (planted) nhs += 1;
    const file = path.join(root, dir, `file-${String(i).padStart(3, '0')}.txt`);
    fs.writeFileSync(file, text);
    written.push(file);
  }
  fs.copyFileSync(written[0]!, path.join(root, 'Resources', 'copy-of-first.txt'));
  fs.writeFileSync(path.join(root, 'Place', 'empty.txt'), '');
  fs.writeFileSync(path.join(root, 'Place', 'Thumbs.db'), 'x');
  const old = path.join(root, 'Resources', 'Finance', 'archive-2015.txt');
  fs.writeFileSync(old, 'Budget notes from long ago, nothing personal here at all.');
  fs.utimesSync(old, new Date('2015-04-01T00:00:00Z'), new Date('2015-04-01T00:00:00Z'));
  const base =
    'The committee considered the report on highway maintenance and agreed the programme of resurfacing works for the coming year across all wards in the borough subject to budget approval at full council in March and asked officers to report back.';
  fs.writeFileSync(path.join(root, 'Place', 'Planning', 'minutes.txt'), base);
  fs.writeFileSync(path.join(root, 'Place', 'Planning', 'minutes-final.txt'), `${base} `);
  for (const f of [...written, path.join(root, 'Resources', 'copy-of-first.txt')])
    fs.utimesSync(f, new Date('2025-06-01T00:00:00Z'), new Date('2025-06-01T00:00:00Z'));
  return {
    files: files + 6,
    nhs: nhs + (written[0] && fs.readFileSync(written[0], 'utf8').includes('NHS') ? 1 : 0),
  };
}
