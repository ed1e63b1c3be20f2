import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractText } from './index.ts';
import CFB from 'cfb';
import { SeededRandom } from '../../domain/shared/random.ts';
import { docx, eml, msg, odt, pdf, rtf, scannedPage, xlsx, zipOf } from '../corpus/formats.ts';
import { nativeTesseractInstalled, stopOcr } from './ocr.ts';

describe('reading each format', () => {
  it('reads Word, Excel and OpenDocument text', async () => {
    const word = await extractText(
      await docx(['Dear Mrs Sarah Jones', 'NHS number 943 476 5919']),
      'letter.docx',
    );
    assert.equal(word.mime, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.match(word.pages[0]!, /Dear Mrs Sarah Jones\nNHS number 943 476 5919/);
    const sheet = await extractText(
      await xlsx([
        ['Name', 'NHS'],
        ['John Smith', '9434765919'],
      ]),
      'list.xlsx',
    );
    assert.match(sheet.pages.join(), /John Smith/);
    assert.match(sheet.pages.join(), /9434765919/, 'numbers stored as values are read too');
    const open = await extractText(
      await odt(['Minutes of the panel', 'Present: Mr Tom Reid']),
      'minutes.odt',
    );
    assert.equal(open.mime, 'application/vnd.oasis.opendocument.text');
    assert.match(open.pages[0]!, /Present: Mr Tom Reid/);
  });

  it('reads PDF text page by page, and reports a damaged PDF', async () => {
    const doc = await extractText(
      pdf(['First page, nothing personal', 'Second page: NHS number 943 476 5919']),
      'report.pdf',
    );
    assert.equal(doc.mime, 'application/pdf');
    assert.equal(doc.pages.length, 2);
    assert.match(doc.pages[1]!, /943 476 5919/);
    const broken = await extractText(
      Buffer.concat([pdf(['x']).subarray(0, 40), Buffer.from('garbage')]),
      'broken.pdf',
    );
    assert.match(broken.error ?? '', /damaged PDF|Invalid PDF/i);
  });

  it('reads an e-mail and the attachments inside it', async () => {
    const attachment = await docx(['Attached: NINO AB 12 34 56 C']);
    const message = await extractText(
      eml({
        subject: 'Case review',
        body: 'Please see attached for Mr John Smith.',
        attachment: { name: 'notes.docx', content: attachment },
      }),
      'message.eml',
    );
    assert.equal(message.mime, 'message/rfc822');
    assert.match(message.pages[0]!, /Subject: Case review/);
    assert.match(message.pages[0]!, /Mr John Smith/);
    assert.equal(message.children?.[0]?.name, 'notes.docx');
    assert.match(message.children?.[0]?.extraction.pages[0] ?? '', /AB 12 34 56 C/);
  });

  it('opens zips to a limited depth and refuses bombs, encryption and damage', async () => {
    const inner = await zipOf({ 'deep/note.txt': 'Email jane.doe@example.com' });
    const outer = await extractText(await zipOf({ 'inner.zip': inner, 'top.txt': 'hello' }), 'archive.zip');
    assert.deepEqual(outer.children?.map((c) => c.name).sort(), ['inner.zip', 'top.txt']);
    const nested = outer.children!.find((c) => c.name === 'inner.zip')!.extraction;
    assert.match(nested.children?.[0]?.extraction.pages[0] ?? '', /jane\.doe/);

    let deep = await zipOf({ 'a.txt': 'x' });
    for (let i = 0; i < 4; i++) deep = await zipOf({ [`level${i}.zip`]: deep });
    const tooDeep = JSON.stringify(await extractText(deep, 'deep.zip'));
    assert.match(tooDeep, /nested more than 3 deep/);

    const bomb = await extractText(await zipOf({ 'zeros.txt': Buffer.alloc(20 * 1024 * 1024) }), 'bomb.zip');
    assert.match(bomb.error ?? '', /refused: compression ratio/);

    const locked = await zipOf({ 'secret.txt': 'x' });
    const central = locked.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    locked[central + 8]! |= 1;
    const encrypted = await extractText(locked, 'locked.zip');
    assert.match(encrypted.error ?? '', /encrypted or password-protected/);

    const truncated = await extractText(
      (await zipOf({ 'a.txt': 'hello world '.repeat(100) })).subarray(0, 60),
      'cut.zip',
    );
    assert.ok(truncated.error, 'a truncated zip is an error, not a crash');
  });

  it('inflates no more than an entry declares, so a header that lies about its size is refused', async () => {
    // Two megabytes that barely compress, whose headers then claim 1,000 bytes (within every limit, but the data
    // inflates far past it) or three megabytes (more than the data holds).
    const random = new SeededRandom(5);
    const noise = Buffer.from(Array.from({ length: 2 * 1024 * 1024 }, () => random.int(0, 255)));
    const lying = await zipOf({ 'noise.bin': noise });
    const declare = (size: number) => {
      const copy = Buffer.from(lying);
      copy.writeUInt32LE(size, 22); // local header: uncompressed size
      copy.writeUInt32LE(size, copy.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24); // central directory
      return copy;
    };
    assert.match((await extractText(declare(1000), 'small.zip')).error ?? '', /larger than its header says/);
    assert.match(
      (await extractText(declare(3 * 1024 * 1024), 'bigger.zip')).error ?? '',
      /not the 3145728 declared/,
    );
  });

  it('reads RTF: code-page and Unicode escapes decoded, the author kept apart from the body', async () => {
    const doc = await extractText(
      rtf(['Dear Mr Zoë Brontë,', 'NHS number 943 476 5919 – received'], 'Ann Clerk'),
      'letter.rtf',
    );
    assert.equal(doc.mime, 'application/rtf');
    assert.match(doc.pages[0]!, /^Ann Clerk\n/, 'document information ends before the body');
    assert.match(doc.pages[0]!, /Dear Mr Zoë Brontë,\nNHS number 943 476 5919 – received/);
    const damaged = await extractText(Buffer.from('{\\rtf1 {{{ unbalanced \\'), 'bad.rtf');
    assert.equal(damaged.mime, 'application/rtf');
    assert.ok(damaged.error === undefined || /RTF/.test(damaged.error), 'damage is reported, not thrown');
  });

  it('reads an Outlook message and its attachments, and names other compound files', async () => {
    const message = await extractText(
      msg({
        subject: 'Safeguarding referral',
        body: 'Child: Ella Reid, NHS 943 476 5919',
        from: 'Jo Bloggs <jo.bloggs@example.gov.uk>',
        to: 'Sam Reid <sam.reid@example.org>',
        attachment: { name: 'referral.rtf', content: rtf(['NINO AB 12 34 56 C']) },
      }),
      'referral.msg',
    );
    assert.equal(message.mime, 'application/vnd.ms-outlook');
    assert.match(message.pages[0]!, /From: Jo Bloggs <jo\.bloggs@example\.gov\.uk>/);
    assert.match(message.pages[0]!, /To: Sam Reid <sam\.reid@example\.org>/);
    assert.match(message.pages[0]!, /Subject: Safeguarding referral/);
    assert.match(message.pages[0]!, /NHS 943 476 5919/);
    assert.equal(message.children?.[0]?.name, 'referral.rtf');
    assert.match(message.children?.[0]?.extraction.pages[0] ?? '', /AB 12 34 56 C/);

    const legacy = CFB.utils.cfb_new();
    CFB.utils.cfb_add(legacy, '/WordDocument', Buffer.alloc(600, 1));
    const word = await extractText(
      Buffer.from(CFB.write(legacy, { type: 'buffer' }) as Uint8Array),
      'old.doc',
    );
    assert.match(word.error ?? '', /legacy Office/);
  });

  describe('reading scanned pages', { concurrency: false }, () => {
    const lines = [
      'Dear Mrs Sarah Jones,',
      'Your NHS number 943 476 5919 was recorded.',
      'Telephone 020 7946 0123',
    ];
    after(stopOcr);

    it('reads a scanned letter with tesseract.js and the shipped English data', async () => {
      const scan = await extractText(scannedPage(lines), 'scan.png', { ocr: 'wasm' });
      assert.equal(scan.mime, 'image/png');
      assert.match(scan.pages[0]!, /Sarah Jones/);
      assert.match(scan.pages[0]!, /943 476 5919/);
      const jpeg = await extractText(scannedPage(lines, { format: 'jpeg' }), 'scan.jpg', { ocr: 'wasm' });
      assert.equal(jpeg.mime, 'image/jpeg');
      assert.match(jpeg.pages[0]!, /020 7946 0123/);
    });

    it('reads it with the native tesseract the same way', async () => {
      assert.ok(nativeTesseractInstalled(), 'CI installs tesseract-ocr; install it to run this test');
      const scan = await extractText(scannedPage(lines), 'scan.png', { ocr: 'native' });
      assert.match(scan.pages[0]!, /943 476 5919/);
    });

    it('records a damaged image, and an image not read when OCR is off', async () => {
      const png = scannedPage(['x']);
      for (const engine of ['wasm', 'native'] as const) {
        const broken = await extractText(
          Buffer.concat([png.subarray(0, 100), Buffer.alloc(200)]),
          'broken.png',
          { ocr: engine },
        );
        assert.equal(broken.mime, 'image/png');
        assert.ok(broken.error, `${engine}: a damaged image is an error`);
      }
      const off = await extractText(png, 'scan.png', { ocr: 'off' });
      assert.match(off.error ?? '', /OCR is turned off/);
    });
  });
});
