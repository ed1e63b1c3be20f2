import type { Response } from 'express';

/** Sends a stored file as a download: never rendered inline, never sniffed by the browser. */
export function sendFile(
  res: Response,
  file: { filename: string; mediaType: string; content: Buffer },
): void {
  res.setHeader('Content-Type', file.mediaType);
  res.setHeader('Content-Disposition', `attachment; filename="${file.filename.replace(/"/g, '')}"`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.send(file.content);
}
