import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractText } from './index.ts';
import { docx, eml, odt, pdf, xlsx, zipOf } from '../../../test/support/fixtures.ts';

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
});
