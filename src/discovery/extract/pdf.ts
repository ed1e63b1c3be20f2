import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;
const require = createRequire(import.meta.url);

function load(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((m) => {
    // In Node the worker runs in-process; point pdf.js at its worker module and standard fonts in the package.
    m.GlobalWorkerOptions.workerSrc = pathToFileURL(
      require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'),
    ).href;
    return m;
  });
  return pdfjs;
}

export class PdfProtectedError extends Error {}

/** The text of each page of a PDF, up to `maxPages`. A password-protected PDF is reported, not cracked. */
export async function pdfPages(bytes: Buffer, maxPages = 2000): Promise<string[]> {
  const { getDocument } = await load();
  const fontDir =
    path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + path.sep;
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    standardFontDataUrl: fontDir,
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
