import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';

/** What Custodian accepts as an attachment: office documents, PDFs, images and plain text, by content. */
const ALLOWED: Record<string, string[]> = {
  'application/pdf': ['.pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['.pptx'],
  'application/vnd.oasis.opendocument.text': ['.odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['.ods'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'text/plain': ['.txt'],
  'text/csv': ['.csv'],
};

export type FileCheck = { ok: true; mediaType: string; filename: string } | { ok: false; problem: string };

/**
 * Sniffs a file's type from its bytes and checks it against the allow list and its own name: a renamed executable is
 * refused whatever it is called. Text files must be valid UTF-8 with no NUL bytes.
 */
export async function checkUpload(
  content: Buffer,
  originalName: string,
  maxBytes: number,
): Promise<FileCheck> {
  const filename =
    path
      .basename(originalName.replace(/\\/g, '/'))
      .replace(/[^\w.\- ()]/g, '_')
      .slice(0, 200) || 'file';
  if (content.length === 0) return { ok: false, problem: 'The selected file is empty' };
  if (content.length > maxBytes)
    return {
      ok: false,
      problem: `The selected file must be smaller than ${Math.max(1, Math.floor(maxBytes / 1024 / 1024))} MB`,
    };
  const extension = path.extname(filename).toLowerCase();
  const sniffed = await fileTypeFromBuffer(content);
  let mediaType = sniffed?.mime as string | undefined;
  if (!sniffed) {
    const text = !content.includes(0) && Buffer.from(content.toString('utf8'), 'utf8').equals(content);
    if (text && (extension === '.txt' || extension === '.csv'))
      mediaType = extension === '.csv' ? 'text/csv' : 'text/plain';
  }
  if (!mediaType || !ALLOWED[mediaType])
    return {
      ok: false,
      problem:
        'The selected file must be a PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, CSV or text file',
    };
  if (!ALLOWED[mediaType]!.includes(extension))
    return {
      ok: false,
      problem: `The file’s name says ${extension || 'nothing'} but its contents are ${mediaType}`,
    };
  return { ok: true, mediaType, filename };
}
