import { Transform, type TransformCallback } from 'node:stream';
import iconv from 'iconv-lite';
import { Tokenize } from 'rtf-stream-parser';
import { ToPlainText } from 'rtf-stream-parser/dist/src/ToPlainText.js';

interface Token {
  type: number;
  word?: string;
}
const GROUP_START = 0;
const GROUP_END = 1;
const CONTROL = 2;

/**
 * Ends the document-information group (`{\info …}`: title, author, company) with a paragraph break, so its text does
 * not run into the body's first word; the plain-text converter keeps that text, which can itself be personal data.
 */
class BreakAfterInfo extends Transform {
  private depth = 0;
  private infoDepth = -1;
  private previous?: Token;

  constructor() {
    super({ objectMode: true });
  }

  override _transform(token: Token, _encoding: BufferEncoding, done: TransformCallback) {
    if (token.type === GROUP_START) this.depth += 1;
    if (token.type === CONTROL && token.word === 'info' && this.previous?.type === GROUP_START)
      this.infoDepth = this.depth;
    this.push(token);
    if (token.type === GROUP_END) {
      if (this.depth === this.infoDepth) {
        this.push({ type: CONTROL, word: 'par' });
        this.infoDepth = -1;
      }
      this.depth -= 1;
    }
    this.previous = token;
    done();
  }
}

/** The text of an RTF document (code pages decoded, \uN escapes, fonts and pictures left out). */
export function rtfText(bytes: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const tokens = new Tokenize();
    const text = new ToPlainText({ decode: iconv.decode, warn: () => undefined });
    let out = '';
    text.on('data', (chunk: string) => (out += chunk));
    text.on('end', () => resolve(out.replace(/\r\n?/g, '\n')));
    for (const stream of [tokens, text])
      stream.on('error', (e: Error) => reject(new Error(`damaged RTF: ${e.message}`)));
    tokens.pipe(new BreakAfterInfo()).pipe(text);
    tokens.end(bytes);
  });
}
