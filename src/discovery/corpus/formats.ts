import { createRequire } from 'node:module';
import CFB from 'cfb';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import yazl from 'yazl';

/**
 * Writers for the file formats the discovery pipeline reads, built from the formats' own structure (no office suite):
 * used by the tests and by the corpus generator.
 */
const require = createRequire(import.meta.url);

/** Entries' modification time: fixed, so the same contents always make the same bytes (a seeded corpus repeats). */
const ZIP_ENTRY_TIME = new Date('2024-01-01T00:00:00Z');

/** A zip built in memory from named contents (compressed unless told otherwise). */
export function zipOf(
  files: Record<string, string | Buffer>,
  options: { store?: boolean } = {},
): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(files))
    zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content), name, {
      compress: !options.store,
      mtime: ZIP_ENTRY_TIME,
    });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/** [Content_Types].xml naming the package's main part, as Office writes it (and as type sniffing reads it). */
const contentTypes = (part: string, type: string) =>
  `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="${part}" ContentType="${type}"/></Types>`;

export function docx(paragraphs: string[]): Promise<Buffer> {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t>${escapeXml(p)}</w:t></w:r></w:p>`).join('');
  return zipOf({
    '[Content_Types].xml': contentTypes(
      '/word/document.xml',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
    ),
    'word/document.xml': `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  });
}

export function xlsx(rows: string[][]): Promise<Buffer> {
  const strings: string[] = [];
  const sheetRows = rows
    .map(
      (row, r) =>
        `<row r="${r + 1}">${row.map((cell, c) => (/^\d+$/.test(cell) ? `<c r="${String.fromCharCode(65 + c)}${r + 1}"><v>${cell}</v></c>` : `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="s"><v>${strings.push(cell) - 1}</v></c>`)).join('')}</row>`,
    )
    .join('');
  return zipOf({
    '[Content_Types].xml': contentTypes(
      '/xl/workbook.xml',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
    ),
    'xl/workbook.xml': '<?xml version="1.0"?><workbook/>',
    'xl/sharedStrings.xml': `<?xml version="1.0"?><sst>${strings.map((s) => `<si><t>${escapeXml(s)}</t></si>`).join('')}</sst>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><worksheet><sheetData>${sheetRows}</sheetData></worksheet>`,
  });
}

export function odt(paragraphs: string[]): Promise<Buffer> {
  return zipOf(
    {
      mimetype: 'application/vnd.oasis.opendocument.text',
      'content.xml': `<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>${paragraphs.map((p) => `<text:p>${escapeXml(p)}</text:p>`).join('')}</office:text></office:body></office:document-content>`,
    },
    { store: true },
  );
}

/** A small, valid PDF: each page a line of text or several, offsets computed. */
export function pdf(pages: (string | string[])[]): Buffer {
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  pages.forEach((text, i) => {
    const lines = (Array.isArray(text) ? text : [text]).map((l) => `(${l.replace(/[()\\]/g, '\\$&')}) Tj T*`);
    const stream = `BT /F1 12 Tf 14 TL 72 720 Td ${lines.join(' ')} ET`;
    objects[pageIds[i]!] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`;
    objects[pageIds[i]! + 1] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  });
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = out.length;
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n${offsets
    .slice(1)
    .map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)
    .join('')}`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export interface Message {
  subject: string;
  body: string;
  from?: string;
  to?: string;
  attachment?: { name: string; content: Buffer };
}

export function eml(options: Message): Buffer {
  const boundary = 'custodian-boundary';
  const parts = [
    `From: ${options.from ?? 'Sender <sender@example.com>'}`,
    `To: ${options.to ?? 'Officer <officer@council.example>'}`,
    `Subject: ${options.subject}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    options.body,
  ];
  if (options.attachment) {
    parts.push(
      `--${boundary}`,
      `Content-Type: application/octet-stream; name="${options.attachment.name}"`,
      'Content-Transfer-Encoding: base64',
      `Content-Disposition: attachment; filename="${options.attachment.name}"`,
      '',
      options.attachment.content.toString('base64'),
    );
  }
  parts.push(`--${boundary}--`, '');
  return Buffer.from(parts.join('\r\n'));
}

function escapeXml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );
}

/** An Outlook .msg: a compound file holding the message's MAPI properties as Unicode string streams ([MS-OXMSG]). */
export function msg(message: Message): Buffer {
  const unicode = (text: string) => Buffer.from(`${text}\0`, 'utf16le');
  const doc = CFB.utils.cfb_new();
  const add = (name: string, content: Buffer) => CFB.utils.cfb_add(doc, name, content);
  const address = /^(.*?)\s*<([^>]*)>$/.exec(message.from ?? 'Sender <sender@example.com>');
  add('/__properties_version1.0', Buffer.alloc(32));
  add('/__substg1.0_0037001F', unicode(message.subject)); // PidTagSubject
  add('/__substg1.0_1000001F', unicode(message.body)); // PidTagBody
  add('/__substg1.0_0C1A001F', unicode(address?.[1] ?? '')); // PidTagSenderName
  add('/__substg1.0_0C1F001F', unicode(address?.[2] ?? '')); // PidTagSenderEmailAddress
  const recipient = /^(.*?)\s*<([^>]*)>$/.exec(message.to ?? 'Officer <officer@council.example>');
  const recipients = '/__recip_version1.0_#00000000';
  add(`${recipients}/__properties_version1.0`, Buffer.alloc(8));
  add(`${recipients}/__substg1.0_3001001F`, unicode(recipient?.[1] ?? '')); // PidTagDisplayName
  add(`${recipients}/__substg1.0_3003001F`, unicode(recipient?.[2] ?? '')); // PidTagEmailAddress
  if (message.attachment) {
    const folder = '/__attach_version1.0_#00000000';
    add(`${folder}/__properties_version1.0`, Buffer.alloc(8));
    add(`${folder}/__substg1.0_3707001F`, unicode(message.attachment.name)); // PidTagAttachLongFilename
    add(`${folder}/__substg1.0_37010102`, message.attachment.content); // PidTagAttachDataBinary
  }
  return Buffer.from(CFB.write(doc, { type: 'buffer' }) as Uint8Array);
}

/** An RTF document as Word writes it: font table, document information (author), paragraphs, non-ASCII escaped. */
export function rtf(paragraphs: string[], author = 'Custodian'): Buffer {
  const escape = (text: string) =>
    [...text]
      .map((c) => {
        const code = c.codePointAt(0)!;
        if (c === '\\' || c === '{' || c === '}') return `\\${c}`;
        if (code < 128) return c;
        if (code < 256) return `\\'${code.toString(16).padStart(2, '0')}`;
        return `\\u${code > 32767 ? code - 65536 : code}?`;
      })
      .join('');
  const body = paragraphs.map((p) => `${escape(p)}\\par\n`).join('');
  return Buffer.from(
    `{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\froman Times New Roman;}}{\\info{\\author ${escape(author)}}}\\f0\\fs24 ${body}}`,
    'latin1',
  );
}

let fontRegistered = false;

/**
 * A scanned page: the lines set in a serif face on off-white paper, slightly skewed, as a PNG (or JPEG) at about
 * 150 dpi — what a council's scanner makes of a typed letter.
 */
export function scannedPage(
  lines: string[],
  options: { format?: 'png' | 'jpeg'; skew?: number } = {},
): Buffer {
  if (!fontRegistered) {
    GlobalFonts.registerFromPath(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif.ttf'), 'Corpus Serif');
    fontRegistered = true;
  }
  const canvas = createCanvas(1240, 100 + lines.length * 48);
  const page = canvas.getContext('2d');
  page.fillStyle = '#f7f5ef';
  page.fillRect(0, 0, canvas.width, canvas.height);
  page.rotate(options.skew ?? 0.004);
  page.fillStyle = '#222222';
  page.font = '30px "Corpus Serif"';
  lines.forEach((line, i) => page.fillText(line, 60, 70 + i * 48));
  return options.format === 'jpeg' ? canvas.toBuffer('image/jpeg', 85) : canvas.toBuffer('image/png');
}
