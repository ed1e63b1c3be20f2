import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { decodeText, htmlToText } from './text.ts';
import { officeText, type OfficeKind } from './office.ts';
import { pdfPages } from './pdf.ts';
import { parseEmail } from './email.ts';
import { readZip, ZipLimitError } from './zip.ts';
import { rtfText } from './rtf.ts';
import { parseOutlookMessage } from './msg.ts';
import { ocrImage, type OcrEngine } from './ocr.ts';

/**
 * What could be read from a file: its type, its text (one string a page; one page for unpaged formats), or why not,
 * and for containers (zip, e-mail) what was read from each thing inside them.
 */
export interface Extraction {
  mime: string;
  pages: string[];
  error?: string;
  children?: { name: string; extraction: Extraction }[];
}

/** Containers nest at most this deep (a zip in an e-mail in a zip…). */
export const MAX_DEPTH = 3;

export interface ExtractOptions {
  /** How images are read (see ocr.ts). */
  ocr?: OcrEngine;
  /** How deep inside containers this file is. */
  depth?: number;
}

const IMAGES = new Set(['image/png', 'image/jpeg', 'image/tiff', 'image/bmp', 'image/webp', 'image/gif']);

const TEXT_TYPES: Record<string, string> = {
  '.txt': 'text/plain',
  '.text': 'text/plain',
  '.log': 'text/plain',
  '.md': 'text/markdown',
  '.csv': 'text/csv',
  '.tsv': 'text/tab-separated-values',
  '.htm': 'text/html',
  '.html': 'text/html',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.eml': 'message/rfc822',
};

const OFFICE: Record<string, OfficeKind> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.oasis.opendocument.text': 'odf',
  'application/vnd.oasis.opendocument.spreadsheet': 'odf',
  'application/vnd.oasis.opendocument.presentation': 'odf',
};

/**
 * Reads a file's text by its sniffed type (file-type), falling back to the name only for text, which has no magic
 * bytes. Damaged, encrypted or hostile files come back with an `error`, never an exception.
 */
export async function extractText(
  bytes: Buffer,
  filename: string,
  options: ExtractOptions = {},
): Promise<Extraction> {
  const extension = path.extname(filename).toLowerCase();
  // A file named as text whose bytes read as text is text (a UTF-16 byte-order mark reads as an MP3 frame).
  const namedText = Object.hasOwn(TEXT_TYPES, extension) && looksLikeText(bytes);
  const sniffed = namedText ? undefined : await fileTypeFromBuffer(bytes).catch(() => undefined);
  const mime =
    sniffed?.mime ??
    (namedText
      ? TEXT_TYPES[extension]!
      : bytes.length === 0
        ? 'application/x-empty'
        : looksLikeText(bytes)
          ? 'text/plain'
          : 'application/octet-stream');
  try {
    if (OFFICE[mime]) return { mime, pages: [await officeText(bytes, OFFICE[mime]!)] };
    if (mime === 'application/pdf') return { mime, pages: await pdfPages(bytes) };
    if (mime === 'application/zip') return await zipContents(bytes, options);
    if (mime === 'message/rfc822' || (mime === 'text/plain' && looksLikeEmail(bytes)))
      return await emailContents(bytes, options);
    if (mime === 'application/rtf') return { mime, pages: [await rtfText(bytes)] };
    if (mime === 'application/x-cfb') return await compoundContents(bytes, options);
    if (IMAGES.has(mime)) return { mime, pages: [await ocrImage(bytes, options.ocr)] };
    if (mime === 'application/x-empty') return { mime, pages: [''] };
    if (mime.startsWith('text/') || mime === 'application/json' || mime === 'application/xml') {
      const { text } = decodeText(bytes);
      return { mime, pages: [mime === 'text/html' ? htmlToText(text) : text] };
    }
    if (mime === 'application/octet-stream')
      return { mime, pages: [], error: 'binary content of an unknown type' };
    return { mime, pages: [], error: `extracting text from ${mime} is not supported yet` };
  } catch (error) {
    const reason =
      error instanceof ZipLimitError
        ? `refused: ${error.message}`
        : (error as Error).message || String(error);
    return { mime, pages: [], error: reason };
  }
}

/** Files inside a container, read one level deeper. */
async function childExtractions(
  files: { name: string; content: Buffer }[],
  options: ExtractOptions,
): Promise<Extraction['children']> {
  const children = [];
  const inner = { ...options, depth: (options.depth ?? 0) + 1 };
  for (const f of files)
    children.push({ name: f.name, extraction: await extractText(f.content, f.name, inner) });
  return children;
}

async function zipContents(bytes: Buffer, options: ExtractOptions): Promise<Extraction> {
  if ((options.depth ?? 0) >= MAX_DEPTH)
    return { mime: 'application/zip', pages: [], error: `nested more than ${MAX_DEPTH} deep` };
  const entries = await readZip(bytes, () => true);
  return { mime: 'application/zip', pages: [], children: await childExtractions(entries, options) };
}

async function emailContents(bytes: Buffer, options: ExtractOptions): Promise<Extraction> {
  const email = await parseEmail(bytes, htmlToText);
  return {
    mime: 'message/rfc822',
    pages: [email.text],
    children: await attachments(email.attachments, options),
  };
}

/** An Outlook message is a compound file; so are legacy Word and Excel files, which are not read yet. */
async function compoundContents(bytes: Buffer, options: ExtractOptions): Promise<Extraction> {
  const message = parseOutlookMessage(bytes);
  if (!message)
    return { mime: 'application/x-cfb', pages: [], error: 'legacy Office (compound) files are not read yet' };
  const mime = 'application/vnd.ms-outlook';
  return { mime, pages: [message.text], children: await attachments(message.attachments, options) };
}

function attachments(files: { filename: string; content: Buffer }[], options: ExtractOptions) {
  // Attachments too deep to open are listed as not read, never dropped without a word.
  if ((options.depth ?? 0) >= MAX_DEPTH)
    return Promise.resolve(
      files.map((f) => ({
        name: f.filename,
        extraction: {
          mime: 'application/octet-stream',
          pages: [],
          error: `nested more than ${MAX_DEPTH} deep`,
        },
      })),
    );
  return childExtractions(
    files.map((f) => ({ name: f.filename, content: f.content })),
    options,
  );
}

function looksLikeEmail(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 2048).toString('latin1');
  return (
    /^(Received|Return-Path|From|Message-ID|MIME-Version|Date|Subject):/im.test(head) &&
    /^Subject:/im.test(head) &&
    /^From:/im.test(head)
  );
}

/** Text has no NUL bytes (UTF-16 aside) and few control characters. */
function looksLikeText(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.length === 0) return true;
  const utf16 =
    sample.length >= 2 &&
    ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff));
  let zero = 0;
  let control = 0;
  for (const b of sample) {
    if (b === 0) zero += 1;
    else if (b < 9 || (b > 13 && b < 32)) control += 1;
  }
  if (utf16) return control / sample.length < 0.1;
  if (zero > 0) return zero / sample.length > 0.3 && control / sample.length < 0.1; // UTF-16 without a byte-order mark
  return control / sample.length < 0.05;
}

/**
 * The first thing inside a container that could not be read, as "inner/path: reason" (files inside archives and
 * e-mails are read as part of their container, so their failures are the container's to report).
 */
export function firstInnerError(e: Extraction, prefix = ''): string | undefined {
  for (const child of e.children ?? []) {
    const at = `${prefix}${child.name}`;
    if (child.extraction.error) return `${at}: ${child.extraction.error}`;
    const deeper = firstInnerError(child.extraction, `${at}/`);
    if (deeper) return deeper;
  }
  return undefined;
}
