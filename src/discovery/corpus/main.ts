import { Command, InvalidArgumentError } from 'commander';
import { generateCorpus } from './generate.ts';

// `npm run corpus -- --out DIR --files N --seed S`: a generated council file share with its ground truth.
const positive = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number, 1 or more');
  return n;
};

const program = new Command('corpus')
  .description(
    'write a generated council file share (files/) with its ground truth (manifest.jsonl, summary.json)',
  )
  .requiredOption('--out <dir>', 'where to write it')
  .option('--files <n>', 'how many files', positive, 1000)
  .option('--seed <n>', 'the same seed gives the same corpus', (v) => Number.parseInt(v, 10), 1)
  .option('--scans <fraction>', 'share of scanned page images', Number.parseFloat, 0.005)
  .action(async (opts: { out: string; files: number; seed: number; scans: number }) => {
    const started = performance.now();
    const summary = await generateCorpus(opts);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `Wrote ${summary.files} files (${(summary.bytes / 1e6).toFixed(1)} MB) to ${opts.out}/files in ${seconds} s: ` +
        `${Object.values(summary.planted).reduce((a, b) => a + b, 0)} identifiers planted, ${summary.decoys} decoys, ` +
        `${summary.duplicates} exact and ${summary.nearDuplicates} near copies. Ground truth: ${opts.out}/manifest.jsonl\n`,
    );
  });

await program.parseAsync(process.argv);
