import PostalMime from 'postal-mime';

export interface ParsedEmail {
  text: string;
  attachments: { filename: string; content: Buffer }[];
}

/** An RFC 822 message: headers a person would read, the body (HTML turned to text), and its attachments. */
export async function parseEmail(bytes: Buffer, htmlToText: (html: string) => string): Promise<ParsedEmail> {
  const email = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' });
  const address = (a: { name?: string; address?: string } | undefined) =>
    a ? `${a.name ?? ''} <${a.address ?? ''}>`.trim() : '';
  const header = [
    `From: ${address(email.from as { name?: string; address?: string })}`,
    `To: ${(email.to ?? []).map((a) => address(a as { name?: string; address?: string })).join(', ')}`,
    `Subject: ${email.subject ?? ''}`,
  ].join('\n');
  const body = email.text ?? (email.html ? htmlToText(email.html) : '');
  return {
    text: `${header}\n\n${body}`,
    attachments: (email.attachments ?? []).map((a) => ({
      filename: a.filename ?? 'attachment',
      content: Buffer.from(a.content as ArrayBuffer),
    })),
  };
}
