import { execFile, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { createWorker, OEM, type Worker } from 'tesseract.js';

const require = createRequire(import.meta.url);

/**
 * Which OCR engine reads images: `native` is the `tesseract` program, `wasm` is tesseract.js with the English data
 * shipped in @tesseract.js-data/eng (no install, nothing downloaded), `off` records images without reading them, and
 * `auto` takes native when it is installed. Measured here: an A4 page at 300 dpi takes 3.7 s native against 4.3 s in
 * tesseract.js; a scanned letter of 1240×780 pixels about 0.7 s either way one at a time, but 0.41 s a page with two
 * native processes at once, since each tesseract.js worker reads one page at a time.
 */
export type OcrEngine = 'auto' | 'native' | 'wasm' | 'off';

export class OcrUnavailableError extends Error {}

let nativeInstalled: boolean | undefined;

/** Whether the `tesseract` program can be run (looked up once). */
export function nativeTesseractInstalled(): boolean {
  if (nativeInstalled === undefined) {
    try {
      execFileSync('tesseract', ['--version'], { stdio: 'ignore', timeout: 10_000 });
      nativeInstalled = true;
    } catch {
      nativeInstalled = false;
    }
  }
  return nativeInstalled;
}

export function resolveOcrEngine(engine: OcrEngine): Exclude<OcrEngine, 'auto'> {
  if (engine !== 'auto') return engine;
  return nativeTesseractInstalled() ? 'native' : 'wasm';
}

/** The text of an image of a page (png, jpeg, tiff, bmp), read by the chosen engine. */
export async function ocrImage(bytes: Buffer, engine: OcrEngine = 'auto'): Promise<string> {
  const chosen = resolveOcrEngine(engine);
  if (chosen === 'off') throw new OcrUnavailableError('image not read: OCR is turned off');
  if (chosen === 'native') return nativeOcr(bytes);
  const worker = await wasmWorker();
  const { data } = await worker.recognize(bytes);
  return data.text;
}

function nativeOcr(bytes: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    // One thread each: the pipeline already reads several files at once, and OpenMP threads would only contend.
    const child = execFile(
      'tesseract',
      ['stdin', 'stdout', '-l', 'eng'],
      { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`OCR failed: ${firstLine(stderr) || error.message}`));
        else resolve(stdout);
      },
    );
    child.stdin?.on('error', () => undefined); // tesseract may exit before reading everything from a damaged image
    child.stdin?.end(bytes);
  });
}

const firstLine = (s: string) =>
  s.split('\n').find((l) => l.trim() && !/^(Tesseract|Estimating|Warning)/.test(l)) ?? '';

let worker: Promise<Worker> | undefined;

/** One tesseract.js worker per thread, kept warm: starting one costs about 0.8 s, a small page 0.2 s. */
function wasmWorker(): Promise<Worker> {
  const data = require('@tesseract.js-data/eng') as { langPath: string; gzip: boolean };
  worker ??= createWorker('eng', OEM.LSTM_ONLY, {
    langPath: data.langPath,
    gzip: data.gzip,
    cacheMethod: 'none', // read the shipped data from the package each start; write nothing
    // Without a handler tesseract.js also throws a damaged image's error outside the promise, killing the process.
    errorHandler: () => undefined,
  });
  return worker;
}

/** Stops the warm tesseract.js worker (at the end of a command, so the process can exit). */
export async function stopOcr(): Promise<void> {
  const running = worker;
  worker = undefined;
  if (running) await (await running).terminate();
}
