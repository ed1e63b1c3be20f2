import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

/** A part of a labelled document: an optional heading, then lines of label and value. */
export interface PdfSection {
  heading?: string;
  lines: readonly (readonly [string, string])[];
}

/**
 * An A4 PDF in Helvetica of labelled lines — a certificate, a record of processing, an assessment: a title, then each
 * section's heading and its lines, label on the left and value wrapped beside it, a footer on every page.
 */
export async function labelledPdf(document: {
  title: string;
  author: string;
  sections: readonly PdfSection[];
  footer: string;
}): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(document.title);
  pdf.setAuthor(document.author);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const pages: PDFPage[] = [];
  let page = pdf.addPage([595, 842]);
  pages.push(page);
  let y = 790;
  const newPageIfBelow = (limit: number) => {
    if (y >= limit) return;
    page = pdf.addPage([595, 842]);
    pages.push(page);
    y = 790;
  };
  const write = (text: string, font: PDFFont, size: number, x: number, width: number) => {
    for (const line of wrap(pdfSafe(text), font, size, width)) {
      newPageIfBelow(60);
      page.drawText(line, { x, y, size, font, color: rgb(0.04, 0.05, 0.05) });
      y -= size * 1.35;
    }
  };
  write(document.title, bold, 16, 50, 495);
  y -= 10;
  for (const section of document.sections) {
    if (section.heading) {
      newPageIfBelow(120);
      y -= 6;
      write(section.heading, bold, 12, 50, 495);
      y -= 2;
    }
    for (const [label, value] of section.lines) {
      newPageIfBelow(80);
      const top = y;
      const topPage = page;
      write(label, bold, 10, 50, 170);
      const afterLabel = y;
      // The value starts beside its label, on the label's page.
      if (page === topPage) y = top;
      write(value || '–', regular, 10, 230, 315);
      y = page === topPage ? Math.min(y, afterLabel) - 4 : y - 4;
    }
  }
  for (const p of pages)
    p.drawText(pdfSafe(document.footer), { x: 50, y: 30, size: 8, font: regular, color: rgb(0.3, 0.3, 0.3) });
  return Buffer.from(await pdf.save());
}

/** Words to lines no wider than the width at the size; line breaks in the text are kept. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > width && line) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  return lines;
}

/** Helvetica's WinAnsi encoding has no characters beyond it: anything else becomes "?". */
function pdfSafe(text: string): string {
  return text.replace(/[^\u0020-\u007e\u00a0-\u00ff\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u20ac]/g, '?');
}
