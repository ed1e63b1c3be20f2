import { readZip } from './zip.ts';

/** Which parts of each package hold its text, in reading order. */
const PARTS: Record<string, (name: string) => boolean> = {
  docx: (n) => /^word\/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$/.test(n),
  xlsx: (n) => n === 'xl/sharedStrings.xml' || /^xl\/worksheets\/sheet\d+\.xml$/.test(n),
  pptx: (n) => /^ppt\/(slides\/slide\d+|notesSlides\/notesSlide\d+)\.xml$/.test(n),
  odf: (n) => n === 'content.xml' || n === 'styles.xml',
};

export type OfficeKind = keyof typeof PARTS;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * The text of an Office Open XML or OpenDocument file: the XML parts that hold words, with tags removed, paragraph
 * and row ends as line breaks and cell ends as tabs. Spreadsheet values (<v>) are kept, since identifiers are often
 * stored as numbers.
 */
export async function officeText(bytes: Buffer, kind: OfficeKind): Promise<string> {
  const parts = await readZip(bytes, PARTS[kind]!);
  parts.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  return parts.map((p) => xmlText(p.content.toString('utf8'))).join('\n');
}

export function xmlText(xml: string): string {
  return xml
    .replace(/<(w:p|a:p|text:p|text:h|row|w:br|text:line-break)\b[^>]*\/>/g, '\n')
    .replace(/<\/(w:p|a:p|text:p|text:h|row|si|table:table-row)>/g, '\n')
    .replace(/<\/(c|w:tc|table:table-cell)>/g, '\t')
    .replace(/<(w:tab|text:tab)\b[^>]*\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
      e.startsWith('#x')
        ? String.fromCodePoint(parseInt(e.slice(2), 16))
        : e.startsWith('#')
          ? String.fromCodePoint(Number(e.slice(1)))
          : (ENTITIES[e] ?? m),
    )
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n');
}
