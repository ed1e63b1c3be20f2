// The detectors' rate over a folder of text files, in a process of its own (as the peer runs in its own, and as a
// scan's threads run them: not in a heap full of the bench's generated shares). Prints one JSON line:
// {"perSecond": MB/s, "found": findings a pass}.
import fs from 'node:fs';
import path from 'node:path';
import { detectIdentifiers, detectPii } from '../src/domain/pii/detect.ts';
import { median } from './processes.ts';

const [folder, which, runs] = process.argv.slice(2);
const detect = which === 'everything' ? detectPii : detectIdentifiers;
const texts = fs.readdirSync(folder!).map((name) => fs.readFileSync(path.join(folder!, name), 'utf8'));
const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
// Two passes untimed first: the first compiles the detectors, the next settles them, which a scan of a share does once.
for (let pass = 0; pass < 2; pass++) for (const t of texts) detect(t);
let found = 0;
const ms = await median(Number(runs ?? 3), async () => {
  const started = performance.now();
  found = 0;
  for (const t of texts) found += detect(t).length;
  return performance.now() - started;
});
console.log(JSON.stringify({ perSecond: bytes / 1e6 / (ms / 1000), found }));
