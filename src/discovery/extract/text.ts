import chardet from 'chardet';
import iconv from 'iconv-lite';
import { Parser } from 'htmlparser2';

export interface DecodedText {
  text: string;
  encoding: string;
}

/**
 * Bytes to text: a byte-order mark decides (UTF-8, UTF-16 LE/BE); otherwise valid UTF-8 is UTF-8; otherwise chardet
 * guesses among the single-byte encodings councils' older files use, defaulting to Windows-1252.
 */
export function decodeText(bytes: Buffer): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'UTF-8' };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: iconv.decode(bytes.subarray(2), 'utf16le'), encoding: 'UTF-16LE' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: iconv.decode(bytes.subarray(2), 'utf16be'), encoding: 'UTF-16BE' };
  if (looksLikeUtf16(bytes)) return { text: iconv.decode(bytes, 'utf16le'), encoding: 'UTF-16LE' };
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  try {
    return { text: utf8.decode(bytes), encoding: 'UTF-8' };
  } catch {
    const guess = chardet.detect(bytes.subarray(0, 64 * 1024));
    const encoding = guess && iconv.encodingExists(guess) && !/^UTF-8$/i.test(guess) ? guess : 'windows-1252';
    return { text: iconv.decode(bytes, encoding), encoding };
  }
}

/** UTF-16 without a BOM: most odd bytes zero in ASCII-heavy text. */
function looksLikeUtf16(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 16) return false;
  let zeroOdd = 0;
  for (let i = 1; i < n; i += 2) if (bytes[i] === 0) zeroOdd += 1;
  return zeroOdd / (n / 2) > 0.6;
}

/** The readable text of an HTML document: no tags, scripts or styles; block elements become line breaks. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let skipping = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'script' || name === 'style' || name === 'noscript') skipping += 1;
        if (/^(p|div|br|li|tr|h[1-6]|section|article|table|ul|ol)$/.test(name)) out.push('\n');
      },
      onclosetag(name) {
        if (name === 'script' || name === 'style' || name === 'noscript')
          skipping = Math.max(0, skipping - 1);
        if (name === 'td' || name === 'th') out.push('\t');
      },
      ontext(text) {
        if (!skipping) out.push(text);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return out
    .join('')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n');
}
