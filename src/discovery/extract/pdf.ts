type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

/**
 * The legacy build of pdf.js (the one that runs on Node 20) brings core-js, which replaces built-ins Node already has
 * when it finds them imperfect at the edges: Array.prototype.push (arrays longer than 2^32) and JSON.parse and
 * JSON.stringify (newer proposals). The replacements are several times slower (push eight times) and apply to the
 * whole thread, every detector included, so the originals are put back once pdf.js has loaded; the polyfills for what
 * Node lacks stay.
 */
const NATIVES: [owner: object, name: string][] = [
  [Array.prototype, 'push'],
  [JSON, 'parse'],
  [JSON, 'stringify'],
];
const WORKER_MODULE = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

function load(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const natives = NATIVES.map(([owner, name]) => [owner, name, Reflect.get(owner, name)] as const);
    // pdf.js ships source maps of several megabytes; with source maps on (the TypeScript loader turns them on), Node
    // would parse and keep them, some 400 MB a thread. Errors inside pdf.js need no mapping.
    const mapping = process.sourceMapsEnabled;
    process.setSourceMapsEnabled(false);
    try {
      const m = await import('pdfjs-dist/legacy/build/pdf.mjs');
      // In Node pdf.js runs its worker in this thread; loaded here (not on the first document) so that its own copy
      // of core-js is in place before the built-ins are put back.
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import(WORKER_MODULE);
      return m;
    } finally {
      process.setSourceMapsEnabled(mapping);
      for (const [owner, name, original] of natives)
        Object.defineProperty(owner, name, { value: original, writable: true, configurable: true });
    }
  })();
  return pdfjs;
}

export class PdfProtectedError extends Error {}

/** The text of each page of a PDF, up to `maxPages`. A password-protected PDF is reported, not cracked. */
export async function pdfPages(bytes: Buffer, maxPages = 2000): Promise<string[]> {
  const { getDocument } = await load();
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    // No standard font data: text needs only the fonts' encodings and widths, which pdf.js has built in, and loading
    // and parsing a font program for every document doubled the time a small PDF took.
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    const pages: string[] = [];
    for (let n = 1; n <= Math.min(doc.numPages, maxPages); n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : '') : '')).join(''));
      page.cleanup();
    }
    await doc.destroy();
    return pages;
  } catch (error) {
    if ((error as Error).name === 'PasswordException')
      throw new PdfProtectedError('password-protected PDF', { cause: error });
    throw new Error(`damaged PDF: ${(error as Error).message}`, { cause: error });
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
