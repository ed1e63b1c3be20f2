import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { decodeText, htmlToText } from './text.ts';

export type Extraction = { mime: string; text: string; encoding?: string } | { mime: string; error: string };

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
};

/**
 * The type of a file from its bytes (file-type), falling back to its extension only for text, which has no magic
 * bytes; and its text where Custodian can read that type today. Other types are reported by name, not guessed at.
 */
export async function extractText(bytes: Buffer, filename: string): Promise<Extraction> {
  const extension = path.extname(filename).toLowerCase();
  // Text has no magic bytes, and some text looks like a signature (a UTF-16 byte-order mark reads as an MP3 frame), so
  // a file named as text whose bytes read as text is text.
  const namedText = Object.hasOwn(TEXT_TYPES, extension) && looksLikeText(bytes);
  const sniffed = namedText ? undefined : await fileTypeFromBuffer(bytes);
  if (sniffed && sniffed.mime !== 'application/xml') {
    return { mime: sniffed.mime, error: `extracting text from ${sniffed.mime} is not supported yet` };
  }
  if (bytes.length === 0) return { mime: TEXT_TYPES[extension] ?? 'application/x-empty', text: '' };
  if (!looksLikeText(bytes))
    return { mime: 'application/octet-stream', error: 'binary content of an unknown type' };
  const { text, encoding } = decodeText(bytes);
  const mime =
    TEXT_TYPES[extension] ?? (/^\s*<(!doctype html|html)/i.test(text) ? 'text/html' : 'text/plain');
  return { mime, text: mime === 'text/html' ? htmlToText(text) : text, encoding };
}

/** Text has no NUL bytes (UTF-16 aside) and few control characters. */
function looksLikeText(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
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
  if (zero > 0) return zero / sample.length > 0.3 && control / sample.length < 0.1; // UTF-16 without a BOM
  return control / sample.length < 0.05;
}
