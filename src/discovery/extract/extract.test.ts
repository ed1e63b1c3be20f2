import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { decodeText, htmlToText } from './text.ts';
import { extractText } from './index.ts';
import { stopOcr } from './ocr.ts';

describe('text extraction', () => {
  after(stopOcr); // the warm tesseract.js worker would keep the test process alive

  it('reads UTF-8, UTF-16 (with and without a byte-order mark) and Windows-1252', () => {
    assert.deepEqual(decodeText(Buffer.from('Café £5', 'utf8')), { text: 'Café £5', encoding: 'UTF-8' });
    assert.equal(
      decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('hello')])).text,
      'hello',
    );
    assert.equal(
      decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('Mrs Sarah Jones', 'utf16le')])).text,
      'Mrs Sarah Jones',
    );
    assert.equal(
      decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('big end', 'utf16be')])).text,
      'big end',
    );
    assert.equal(
      decodeText(iconv.encode('No byte-order mark but plainly UTF-16 text here', 'utf16le')).encoding,
      'UTF-16LE',
    );
    const cp1252 = decodeText(iconv.encode('Café owner paid £40 – “quoted” text', 'windows-1252'));
    assert.match(cp1252.text, /Café owner paid £40 – “quoted”/);
  });

  it('takes the readable text of HTML, leaving out scripts and styles', () => {
    const text = htmlToText(
      '<html><head><style>p{}</style></head><body><h1>Title</h1><p>Dear Mr John Smith &amp; family</p><script>var nhs="943 476 5919"</script><table><tr><td>a</td><td>b</td></tr></table></body></html>',
    );
    assert.match(text, /Title\n/);
    assert.match(text, /Dear Mr John Smith & family/);
    assert.doesNotMatch(text, /943|p\{\}/);
    assert.match(text, /a\tb/);
  });

  it('names types it cannot read yet instead of guessing, and refuses unknown binary', async () => {
    const sevenZip = Buffer.concat([Buffer.from('377abcaf271c0004', 'hex'), Buffer.alloc(24)]);
    assert.deepEqual(await extractText(sevenZip, 'archive.7z'), {
      mime: 'application/x-7z-compressed',
      pages: [],
      error: 'extracting text from application/x-7z-compressed is not supported yet',
    });
    const truncatedPng = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const scan = await extractText(truncatedPng, 'scan.png', { ocr: 'wasm' });
    assert.equal(scan.mime, 'image/png');
    assert.deepEqual(scan.pages, []);
    assert.ok(scan.error, 'a damaged image is an error for that file, not a crash');
    const binary = Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 1, 2, 3, 4, 5, 6, 7]);
    assert.equal('error' in (await extractText(binary, 'data.bin')), true);
    assert.deepEqual(await extractText(Buffer.alloc(0), 'empty.txt'), { mime: 'text/plain', pages: [''] });
    const renamed = await extractText(
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('text', 'utf16le')]),
      'note.txt',
    );
    assert.equal(
      renamed.mime,
      'text/plain',
      'a UTF-16 byte-order mark is not an MP3 frame when the file is named as text',
    );
  });
});
