import fs from 'node:fs';
import type { Command } from 'commander';
import { walk } from '../discovery/walk/walk.ts';
import { extractText } from '../discovery/extract/index.ts';
import { detectPii } from '../domain/pii/detect.ts';

/** Text files larger than this are reported, not read (the scanning pipeline streams them instead). */
const MAX_BYTES = 64 * 1024 * 1024;

/** The JSON line for one file: findings masked, never the values themselves. */
export async function piiLine(file: string, size: number): Promise<string> {
  if (size > MAX_BYTES)
    return JSON.stringify({
      file,
      mime: null,
      findings: [],
      error: `larger than ${MAX_BYTES / 1024 / 1024} MB`,
    });
  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(file);
  } catch (error) {
    return JSON.stringify({
      file,
      mime: null,
      findings: [],
      error: (error as NodeJS.ErrnoException).code ?? 'unreadable',
    });
  }
  const extracted = await extractText(bytes, file);
  if ('error' in extracted)
    return JSON.stringify({ file, mime: extracted.mime, findings: [], error: extracted.error });
  const findings = detectPii(extracted.text).map((f) => ({
    type: f.type,
    start: f.start,
    end: f.end,
    page: null,
    confidence: f.confidence,
    masked: f.masked,
  }));
  return JSON.stringify({ file, mime: extracted.mime, findings, error: null });
}

export function piiCommand(program: Command): void {
  program
    .command('pii')
    .description(
      'find personal data in files or folders: one JSON line per file, findings masked (text, CSV and HTML today)',
    )
    .argument('<paths...>', 'files or folders')
    .requiredOption('--json', 'JSON lines output')
    .action(async (paths: string[]) => {
      for await (const entry of walk(paths)) {
        const line =
          entry.kind === 'error'
            ? JSON.stringify({ file: entry.path, mime: null, findings: [], error: entry.error })
            : await piiLine(entry.path, entry.size);
        process.stdout.write(`${line}\n`);
      }
    });
}
