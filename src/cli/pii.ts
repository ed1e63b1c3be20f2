import fs from 'node:fs';
import type { Command } from 'commander';
import { walk } from '../discovery/walk/walk.ts';
import { extractText, type Extraction } from '../discovery/extract/index.ts';
import { stopOcr } from '../discovery/extract/ocr.ts';
import { detectPii } from '../domain/pii/detect.ts';

/** Text files larger than this are reported, not read (the scanning pipeline streams them instead). */
const MAX_BYTES = 64 * 1024 * 1024;

/** The JSON lines for one file (and for each file inside it): findings masked, never the values themselves. */
export async function piiLines(file: string, size: number): Promise<string[]> {
  if (size > MAX_BYTES)
    return [
      JSON.stringify({ file, mime: null, findings: [], error: `larger than ${MAX_BYTES / 1024 / 1024} MB` }),
    ];
  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(file);
  } catch (error) {
    return [
      JSON.stringify({
        file,
        mime: null,
        findings: [],
        error: (error as NodeJS.ErrnoException).code ?? 'unreadable',
      }),
    ];
  }
  return linesFor(file, await extractText(bytes, file));
}

function linesFor(file: string, extraction: Extraction): string[] {
  const findings = extraction.pages.flatMap((text, i) =>
    detectPii(text).map((f) => ({
      type: f.type,
      start: f.start,
      end: f.end,
      page: extraction.pages.length > 1 ? i + 1 : null,
      confidence: f.confidence,
      masked: f.masked,
    })),
  );
  const own = JSON.stringify({ file, mime: extraction.mime, findings, error: extraction.error ?? null });
  return [own, ...(extraction.children ?? []).flatMap((c) => linesFor(`${file}!/${c.name}`, c.extraction))];
}

export function piiCommand(program: Command): void {
  program
    .command('pii')
    .description(
      'find personal data in files or folders: one JSON line per file (and per file inside archives and e-mails), findings masked',
    )
    .argument('<paths...>', 'files or folders')
    .requiredOption('--json', 'JSON lines output')
    .action(async (paths: string[]) => {
      try {
        for await (const entry of walk(paths)) {
          const lines =
            entry.kind === 'error'
              ? [JSON.stringify({ file: entry.path, mime: null, findings: [], error: entry.error })]
              : await piiLines(entry.path, entry.size);
          for (const line of lines) process.stdout.write(`${line}\n`);
        }
      } finally {
        await stopOcr(); // the warm tesseract.js worker would keep the process alive
      }
    });
}
