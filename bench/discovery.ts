// Discovery benchmarks: the pipeline and its parts beside the tools that do each part, on the same generated
// council file share, in the same run.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { generateCorpus } from '../src/discovery/corpus/generate.ts';
import { evaluateScan, CHECKSUMMED_TYPES } from '../src/discovery/corpus/evaluate.ts';
import { pdf, scannedPage } from '../src/discovery/corpus/formats.ts';
import { extractText, type Extraction } from '../src/discovery/extract/index.ts';
import { pdfPages } from '../src/discovery/extract/pdf.ts';
import { ocrImage, stopOcr } from '../src/discovery/extract/ocr.ts';
import { IDENTIFIER_PATTERNS } from '../src/domain/pii/detect.ts';
import { SeededRandom } from '../src/domain/shared/random.ts';
import { openPglite } from '../src/platform/db/database.ts';
import { walk } from '../src/discovery/walk/walk.ts';
import { testDatabaseUrl } from '../test/support/databases.ts';
import { custodianBin, printTable, ratio, root, start, stop, type Row } from './support.ts';
import { ensurePeers, median, timedRun } from './processes.ts';

/** Files in the share the duplicate finders compare (the issue asks for at least 50,000). */
const DUPLICATE_FILES = Number(process.env.BENCH_DUPLICATE_FILES ?? 50_000);
/** Files in the mixed share the whole pipeline scans. */
const PIPELINE_FILES = Number(process.env.BENCH_FILES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const PEERS = {
  jdupes: 'jdupes',
  rdfind: 'rdfind',
  rg: 'ripgrep',
  pdftotext: 'poppler-utils',
  tesseract: 'tesseract-ocr tesseract-ocr-eng',
  find: 'findutils',
};

const n = (v: number, digits = 0) =>
  v.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const seconds = (ms: number) => `${n(ms / 1000, 2)} s`;
const perSecond = (count: number, ms: number) => (count / ms) * 1000;

export async function discoveryBench(): Promise<void> {
  const missing = ensurePeers(PEERS);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'custodian-bench-'));
  try {
    console.log(
      `\nGenerating the shares (seeded): ${n(DUPLICATE_FILES)} files for the duplicate finders, ${n(PIPELINE_FILES)} mixed files for the pipeline…`,
    );
    const share = path.join(work, 'share');
    await generateCorpus({ out: share, files: DUPLICATE_FILES, seed: 1, scans: 0 });
    const mixed = path.join(work, 'mixed');
    await generateCorpus({ out: mixed, files: PIPELINE_FILES, seed: 2 });
    const skip = (peer: keyof typeof PEERS, measure: string): Row => ({
      measure,
      ours: '–',
      peerName: peer,
      peer: `skipped: ${missing.get(peer)}`,
      ratio: '–',
    });
    printTable('discovery — exact duplicates', await duplicateRows(path.join(share, 'files'), missing, skip));
    const texts = await extractedTexts(path.join(mixed, 'files'));
    printTable(
      'discovery — identifier scan of extracted text (one core)',
      await identifierRows(texts, work, missing, skip),
    );
    printTable('discovery — PDF text and OCR', await pdfAndOcrRows(texts, work, missing, skip));
    printTable(
      'discovery — whole pipeline on the mixed share',
      await pipelineRows(mixed, share, work, missing, skip),
    );
  } finally {
    await stopOcr();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Our duplicate sets and a peer's, each as sorted lists of sorted paths, compared. */
function sameSets(ours: string[][], theirs: string[][]): string {
  const key = (sets: string[][]) =>
    sets
      .map((s) => [...s].sort().join('\n'))
      .sort()
      .join('\n\n');
  return key(ours) === key(theirs)
    ? `same ${n(ours.length)} sets`
    : `DIFFERENT (${ours.length} vs ${theirs.length})`;
}

async function duplicateRows(
  dir: string,
  missing: Map<string, string>,
  skip: (peer: keyof typeof PEERS, measure: string) => Row,
): Promise<Row[]> {
  const files = (await timedRun('find', [dir, '-type', 'f'])).stdout.split('\n').filter(Boolean).length;
  const measure = `exact duplicates, ${n(files)} files (median of ${RUNS}, warm cache)`;
  let oursSets: string[][] = [];
  const ours = await median(RUNS, async () => {
    const run = await timedRun(process.execPath, [custodianBin, 'duplicates', '--json', dir]);
    oursSets = run.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { paths: string[] }).paths);
    return run.ms;
  });
  const rows: Row[] = [];
  if (missing.has('jdupes')) rows.push(skip('jdupes', measure));
  else {
    let sets: string[][] = [];
    const peer = await median(RUNS, async () => {
      const run = await timedRun('jdupes', ['-r', '-q', dir]);
      sets = run.stdout
        .split('\n\n')
        .map((b) => b.split('\n').filter(Boolean))
        .filter((s) => s.length > 1);
      return run.ms;
    });
    rows.push({
      measure: `${measure}; ${sameSets(oursSets, sets)}`,
      ours: seconds(ours),
      peerName: 'jdupes -r',
      peer: seconds(peer),
      ratio: ratio(ours, peer),
    });
  }
  if (missing.has('rdfind')) rows.push(skip('rdfind', measure));
  else {
    let sets: string[][] = [];
    const results = path.join(os.tmpdir(), `rdfind-${process.pid}.txt`);
    const peer = await median(RUNS, async () => {
      const run = await timedRun('rdfind', ['-dryrun', 'true', '-outputname', results, dir]);
      sets = rdfindSets(fs.readFileSync(results, 'utf8'));
      return run.ms;
    });
    fs.rmSync(results, { force: true });
    rows.push({
      measure: `${measure}; ${sameSets(oursSets, sets)}`,
      ours: seconds(ours),
      peerName: 'rdfind -dryrun true',
      peer: seconds(peer),
      ratio: ratio(ours, peer),
    });
  }
  return rows;
}

/** rdfind's results file: one line a file, `duptype id depth size device inode priority name`, sets by id. */
function rdfindSets(text: string): string[][] {
  const sets = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const fields = line.split(' ');
    const id = fields[1]!.replace('-', '');
    const name = fields.slice(7).join(' ');
    sets.set(id, [...(sets.get(id) ?? []), name]);
  }
  return [...sets.values()].filter((s) => s.length > 1);
}

/** The text of every file in a share, one string a document (pages and attachments as the pipeline sees them). */
async function extractedTexts(dir: string): Promise<string[]> {
  const texts: string[] = [];
  const collect = (e: Extraction) => {
    texts.push(...e.pages.filter(Boolean));
    for (const c of e.children ?? []) collect(c.extraction);
  };
  for await (const entry of walk([dir])) {
    if (entry.kind !== 'file' || /\.(png|jpe?g)$/i.test(entry.path)) continue;
    collect(await extractText(fs.readFileSync(entry.path), entry.path, { ocr: 'off' }));
  }
  return texts;
}

async function identifierRows(
  texts: string[],
  work: string,
  missing: Map<string, string>,
  skip: (peer: keyof typeof PEERS, measure: string) => Row,
): Promise<Row[]> {
  // Four copies of the share's text, in files of about 64 KB (the documents joined, as longer documents are), so
  // both sides spend their time matching rather than opening files, and run long enough to time.
  const folder = path.join(work, 'text');
  fs.mkdirSync(folder);
  const chunks: string[] = [];
  let chunk = '';
  for (let c = 0; c < 4; c++)
    for (const t of texts) {
      chunk += `${t}\n\n`;
      if (chunk.length >= 64 * 1024) {
        chunks.push(chunk);
        chunk = '';
      }
    }
  if (chunk) chunks.push(chunk);
  chunks.forEach((t, i) => fs.writeFileSync(path.join(folder, `${i}.txt`), t));
  const bytes = chunks.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
  const measure = `identifiers in ${n(bytes / 1e6, 1)} MB of the share's extracted text, ${n(chunks.length)} files of 64 KB`;
  const rate = async (which: 'identifiers' | 'everything') => {
    const run = await timedRun(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'bench', 'identifier-rate.ts'), folder, which, String(RUNS)],
      { cwd: root },
    );
    return JSON.parse(run.stdout) as { perSecond: number; found: number };
  };
  const identifiers = await rate('identifiers');
  const everything = await rate('everything');
  const mbs = (v: number) => `${n(v, 1)} MB/s`;
  const row = (peerName: string, peerMs: number): Row[] => [
    {
      measure: `${measure}: identifiers with their checks and context, ${n(identifiers.found)} found (target ≥ 100 MB/s)`,
      ours: mbs(identifiers.perSecond),
      peerName,
      peer: mbs(bytes / 1e6 / (peerMs / 1000)),
      ratio: ratio(identifiers.perSecond, bytes / 1e6 / (peerMs / 1000)),
    },
    {
      measure: `the same text, everything the pipeline looks for (identifiers, names, addresses, special categories), ${n(everything.found)} found`,
      ours: mbs(everything.perSecond),
      peerName,
      peer: mbs(bytes / 1e6 / (peerMs / 1000)),
      ratio: ratio(everything.perSecond, bytes / 1e6 / (peerMs / 1000)),
    },
  ];
  if (missing.has('rg')) return [skip('rg', measure)];
  const args = [
    '-P',
    '-j1',
    '--no-ignore',
    '-c',
    ...IDENTIFIER_PATTERNS.flatMap((p) => ['-e', p.pattern.source]),
    folder,
  ];
  const peerMs = await median(RUNS, async () => (await timedRun('rg', args)).ms);
  return row(`ripgrep -P -j1, the ${IDENTIFIER_PATTERNS.length} identifier patterns, no checks`, peerMs);
}

async function pdfAndOcrRows(
  texts: string[],
  work: string,
  missing: Map<string, string>,
  skip: (peer: keyof typeof PEERS, measure: string) => Row,
): Promise<Row[]> {
  const rows: Row[] = [];
  // Committee papers: 20 documents of 30 pages, each page 40 lines of the share's own text.
  const lines = texts
    .flatMap((t) => t.split('\n'))
    .filter((l) => l.trim().length > 20)
    .map((l) => l.slice(0, 90));
  const random = new SeededRandom(3);
  const files: string[] = [];
  for (let d = 0; d < 20; d++) {
    const file = path.join(work, `paper-${d}.pdf`);
    fs.writeFileSync(
      file,
      pdf(Array.from({ length: 30 }, () => Array.from({ length: 40 }, () => random.pick(lines)))),
    );
    files.push(file);
  }
  const pages = 20 * 30;
  const measure = `PDF text, ${pages} pages in 20 documents (ms a page, one core)`;
  const ours = await median(RUNS, async () => {
    const started = performance.now();
    for (const f of files) await pdfPages(fs.readFileSync(f));
    return performance.now() - started;
  });
  if (missing.has('pdftotext')) rows.push(skip('pdftotext', measure));
  else {
    const peer = await median(RUNS, async () => {
      const started = performance.now();
      for (const f of files) execFileSync('pdftotext', [f, '-'], { stdio: ['ignore', 'pipe', 'ignore'] });
      return performance.now() - started;
    });
    rows.push({
      measure,
      ours: `${n(ours / pages, 2)} ms`,
      peerName: 'pdftotext (poppler)',
      peer: `${n(peer / pages, 2)} ms`,
      ratio: ratio(ours, peer),
    });
  }
  // Scanned letters, 14 typed lines each, as a council scanner makes them.
  const scans = Array.from({ length: 6 }, () => {
    const page = Array.from({ length: 14 }, () => random.pick(lines));
    return { lines: page, image: scannedPage(page, { skew: (random.next() - 0.5) * 0.01 }) };
  });
  const ocrMeasure = `OCR, ${scans.length} scanned letters (s a page, one at a time)`;
  if (missing.has('tesseract')) return [...rows, skip('tesseract', ocrMeasure)];
  await ocrImage(scans[0]!.image, 'wasm'); // the tesseract.js worker starts once per thread
  const read = async (engine: 'wasm' | 'native') => {
    const out: string[] = [];
    const started = performance.now();
    for (const s of scans) out.push(await ocrImage(s.image, engine));
    return { ms: performance.now() - started, out };
  };
  const wasm = await read('wasm');
  const native = await read('native');
  const words = (t: string) => t.toLowerCase().match(/[a-z0-9@.£-]+/g) ?? [];
  const truth = scans.map((s) => words(s.lines.join('\n')));
  const difference = wordDifference(wasm.out.map(words), native.out.map(words));
  rows.push({
    measure: `${ocrMeasure}; words differing from native tesseract: ${n(difference * 100, 2)} %; words right: tesseract.js ${n(recall(wasm.out.map(words), truth) * 100, 1)} %, native ${n(recall(native.out.map(words), truth) * 100, 1)} %`,
    ours: `${n(wasm.ms / scans.length / 1000, 2)} s (tesseract.js)`,
    peerName: 'tesseract 5 (native)',
    peer: `${n(native.ms / scans.length / 1000, 2)} s`,
    ratio: ratio(wasm.ms, native.ms),
  });
  return rows;
}

/** Share of words (as multisets, page by page) in which two readings differ. */
function wordDifference(a: string[][], b: string[][]): number {
  let differing = 0;
  let total = 0;
  a.forEach((page, i) => {
    const counts = new Map<string, number>();
    for (const w of b[i]!) counts.set(w, (counts.get(w) ?? 0) + 1);
    let common = 0;
    for (const w of page) {
      const left = counts.get(w) ?? 0;
      if (left === 0) continue;
      counts.set(w, left - 1);
      common += 1;
    }
    total += Math.max(page.length, b[i]!.length);
    differing += Math.max(page.length, b[i]!.length) - common;
  });
  return total ? differing / total : 0;
}

function recall(read: string[][], truth: string[][]): number {
  return 1 - wordDifference(read, truth);
}

/** How many files the generator wrote into a share (its summary). */
function fileCount(share: string): number {
  return Number(JSON.parse(fs.readFileSync(path.join(share, 'summary.json'), 'utf8')).files);
}

/** Runs `use` with the URL of a new database on the server, dropped afterwards whatever happens. */
async function withScratchDatabase(admin: string, suffix: string, use: (url: string) => Promise<void>) {
  const name = `custodian_bench_${process.pid}_${suffix}`;
  await adminQuery(admin, `create database ${name}`);
  try {
    const url = new URL(admin);
    url.pathname = `/${name}`;
    await use(url.toString());
  } finally {
    await adminQuery(admin, `drop database if exists ${name} with (force)`);
  }
}

async function pipelineRows(
  corpus: string,
  bigShare: string,
  work: string,
  missing: Map<string, string>,
  skip: (peer: keyof typeof PEERS, measure: string) => Row,
): Promise<Row[]> {
  const files = path.join(corpus, 'files');
  const key = randomBytes(32).toString('hex');
  const env = { CUSTODIAN_FINDING_KEY: key, LOG_LEVEL: 'silent' };
  const count = fileCount(corpus);
  /** A scan by the command; `scanMs` is the scan's own time as it reports it (after opening the database). */
  const scan = async (extra: NodeJS.ProcessEnv, args: string[] = [], folder = files) => {
    const run = await timedRun(
      process.execPath,
      [custodianBin, 'scan', folder, '--source', 'share', ...args],
      {
        env: { ...env, ...extra },
        cwd: root,
      },
    );
    const reported = / in ([\d.]+) s$/m.exec(run.stdout);
    if (!reported) throw new Error(`no time in the scan's summary: ${run.stdout}`);
    return { ...run, scanMs: Number(reported[1]) * 1000 };
  };
  const rows: Row[] = [];
  const target = (value: string) => ({ peerName: 'target (issue 5)', peer: value, ratio: '–' });

  // The embedded database: created once (initdb and the migrations, as `npm run demo` does before any scan), then a
  // first scan and rescans of the unchanged share.
  const dataDir = path.join(work, 'data');
  const created = await timedRun(process.execPath, [custodianBin, 'migrate'], {
    env: { ...env, CUSTODIAN_DATA_DIR: dataDir },
    cwd: root,
  });
  const first = await scan({ CUSTODIAN_DATA_DIR: dataDir });
  rows.push({
    measure: `first scan, embedded PostgreSQL, ${n(count)} mixed files (every format, 0.5 % scanned letters OCR'd), in-process threads; the whole command ${seconds(first.ms)}`,
    ours: `${n(perSecond(count, first.scanMs))} files/s`,
    ...target('≥ 200 files/s'),
  });
  rows.push({
    measure: 'peak memory of the scan (process, threads and OCR processes together)',
    ours: `${n(first.peakRssMb)} MB`,
    ...target('< 1,024 MB'),
  });
  rows.push({
    measure: `creating the embedded data directory, once before any scan (initdb runs in a child process that then exits; ${seconds(created.ms)})`,
    ours: `${n(created.peakRssMb)} MB`,
    peerName: 'peak memory',
    peer: '–',
    ratio: '–',
  });
  let command = 0;
  const rescan = await median(RUNS, async () => {
    const run = await scan({ CUSTODIAN_DATA_DIR: dataDir });
    command = run.ms;
    return run.scanMs;
  });
  if (missing.has('find')) rows.push(skip('find', 'unchanged rescan'));
  else {
    const floor = await median(
      RUNS,
      async () => (await timedRun('find', [files, '-type', 'f', '-printf', '%s %T@ %i\n'])).ms,
    );
    rows.push({
      measure: `unchanged rescan, embedded PostgreSQL (the whole command ${seconds(command)}, most of it opening the database); peer: stat every file, the floor of any rescan`,
      ours: `${n(perSecond(count, rescan))} files/s`,
      peerName: 'find -printf "%s %T@ %i"',
      peer: `${n(perSecond(count, floor))} files/s`,
      ratio: ratio(perSecond(count, rescan), perSecond(count, floor)),
    });
  }
  // The usual way to use the embedded database: the application runs (`custodian serve` holds the directory and
  // serves it on a local socket) and a scan is started beside it, so the database's code is already warm.
  const server = await start(
    process.execPath,
    [custodianBin, 'serve'],
    { ...env, CUSTODIAN_DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '' },
    /running at http/,
  );
  try {
    const served = await median(RUNS, async () => (await scan({ CUSTODIAN_DATA_DIR: dataDir })).scanMs);
    rows.push({
      measure:
        'unchanged rescan, embedded PostgreSQL served by a running `custodian serve` (the scan through its socket)',
      ours: `${n(perSecond(count, served))} files/s`,
      ...target('≥ 20,000 files/s'),
    });
  } finally {
    await stop(server.child);
  }
  const db = await openPglite(dataDir);
  try {
    rows.push(
      ...accuracyRows(
        await evaluateScan(db, { corpus, source: 'share', findingKey: Buffer.from(key, 'hex') }),
      ),
    );
  } finally {
    await db.close();
  }

  // A PostgreSQL server: the same scan read in this process's threads, then by 1 and 2 worker processes.
  const admin = testDatabaseUrl();
  try {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.end();
  } catch (error) {
    rows.push({
      measure: 'scans on a PostgreSQL server',
      ours: '–',
      peerName: '–',
      peer: `skipped: no server at ${admin} (${(error as Error).message})`,
      ratio: '–',
    });
    return rows;
  }
  for (const workers of [0, 1, 2])
    await withScratchDatabase(admin, String(workers), async (url) => {
      const run = await scan({ DATABASE_URL: url }, workers ? ['--workers', String(workers)] : []);
      rows.push({
        measure: `first scan, PostgreSQL server, ${workers ? `${workers} worker process${workers > 1 ? 'es' : ''} (jobs on pg-boss)` : 'in-process threads'}; the whole command ${seconds(run.ms)}`,
        ours: `${n(perSecond(count, run.scanMs))} files/s`,
        ...target('≥ 200 files/s'),
      });
      if (workers === 0) {
        const again = await median(RUNS, async () => (await scan({ DATABASE_URL: url })).scanMs);
        rows.push({
          measure: 'unchanged rescan, PostgreSQL server',
          ours: `${n(perSecond(count, again))} files/s`,
          ...target('≥ 20,000 files/s'),
        });
      }
    });
  // A rescan pays a fixed cost whatever the share's size (the end-of-scan statements, the first reads of the
  // inventory's pages); the larger share shows the rate that remains.
  await withScratchDatabase(admin, 'large', async (url) => {
    const large = path.join(bigShare, 'files');
    await scan({ DATABASE_URL: url }, [], large);
    const again = await median(RUNS, async () => (await scan({ DATABASE_URL: url }, [], large)).scanMs);
    rows.push({
      measure: `unchanged rescan, PostgreSQL server, the ${n(fileCount(bigShare))}-file share`,
      ours: `${n(perSecond(fileCount(bigShare), again))} files/s`,
      ...target('≥ 20,000 files/s'),
    });
  });
  return rows;
}

async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function accuracyRows(evaluation: Awaited<ReturnType<typeof evaluateScan>>): Row[] {
  const rows: Row[] = [];
  for (const [type, s] of Object.entries(evaluation.byType)) {
    const checked = CHECKSUMMED_TYPES.includes(type as never);
    rows.push({
      measure: `${type}: ${n(s.truePositives)} found, ${n(s.falsePositives)} wrongly, ${n(s.falseNegatives)} missed${checked ? ' (checksummed)' : ''}`,
      ours: `P ${s.precision.toFixed(3)} · R ${s.recall.toFixed(3)}`,
      peerName: 'target (issue 5)',
      peer: checked ? 'P, R ≥ 0.95' : '–',
      ratio: '–',
    });
  }
  const d = evaluation.duplicateSets;
  rows.push({
    measure: `exact duplicate sets: ${n(d.identical)} of ${n(d.expected)} planted found exactly (${n(d.found)} found)`,
    ours: `${n((d.identical / Math.max(1, d.expected)) * 100, 1)} %`,
    peerName: 'ground truth',
    peer: '100 %',
    ratio: '–',
  });
  const near = evaluation.nearCopies;
  rows.push({
    measure: `near copies: ${n(near.found)} of ${n(near.expected)} planted grouped with their original; ${n(near.unexpected)} grouped wrongly`,
    ours: `${n((near.found / Math.max(1, near.expected)) * 100, 1)} %`,
    peerName: 'ground truth',
    peer: '100 %',
    ratio: '–',
  });
  return rows;
}
