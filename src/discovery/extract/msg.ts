import type MsgReaderClass from '@kenjiuno/msgreader/lib/MsgReader.js';
import * as msgreader from '@kenjiuno/msgreader';

// The package is CommonJS with a default export; under ESM the class arrives one `default` deeper.
const exported = msgreader as unknown as {
  default: { default?: typeof MsgReaderClass } & typeof MsgReaderClass;
};
const MsgReader = exported.default.default ?? exported.default;

export interface OutlookMessage {
  text: string;
  attachments: { filename: string; content: Buffer }[];
}

/**
 * An Outlook .msg (a compound file of MAPI properties): the headers a person would read, the body, and attachments.
 * Returns undefined for a compound file that is not a message (a legacy .doc or .xls).
 */
export function parseOutlookMessage(bytes: Buffer): OutlookMessage | undefined {
  const reader = new MsgReader(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer,
  );
  const data = reader.getFileData();
  if (data.error) throw new Error(`damaged Outlook message: ${data.error}`);
  const isMessage = data.subject !== undefined || data.body !== undefined || data.senderEmail !== undefined;
  if (!isMessage) return undefined;
  const recipients = (data.recipients ?? []).map((r) =>
    `${r.name ?? ''} <${r.email ?? r.smtpAddress ?? ''}>`.trim(),
  );
  const header = [
    `From: ${data.senderName ?? ''} <${data.senderSmtpAddress ?? data.senderEmail ?? ''}>`,
    `To: ${recipients.join(', ')}`,
    `Subject: ${data.subject ?? ''}`,
  ].join('\n');
  const attachments = (data.attachments ?? [])
    .filter((a) => !a.innerMsgContent)
    .map((a) => {
      const file = reader.getAttachment(a);
      return { filename: file.fileName || 'attachment', content: Buffer.from(file.content) };
    });
  return { text: `${header}\n\n${data.body ?? ''}`, attachments };
}
