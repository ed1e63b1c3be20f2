import { createHash, createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { detectPii } from '../../domain/pii/detect.ts';
import { rotReasons, DEFAULT_STALE_YEARS, type RotReason } from '../../domain/discovery/rot.ts';
import { simhash, simhashHex } from '../../domain/discovery/simhash.ts';
import { type Extraction, extractText, firstInnerError } from '../extract/index.ts';
import type { WalkEntry } from '../walk/walk.ts';
import type { OcrEngine } from '../extract/ocr.ts';
import type { inventoryFiles, inventoryFindings } from '../inventory/schema.ts';

/** A walked path as it travels to a thread or, on the job queue, to another process (plain data only). */
export type FileEntry = WalkEntry;

export type FileRow = typeof inventoryFiles.$inferInsert;
export type FindingRow = typeof inventoryFindings.$inferInsert;

export interface InspectTask {
  entry: FileEntry;
  sourceId: number;
  scanId: number;
  staleYears?: number;
  nowMs: number;
}

export interface InspectSettings {
  /** Key for the HMAC of finding values (kept outside the database). */
  findingKey: Buffer;
  ocr: OcrEngine;
  /** Larger files are hashed (streamed) but not read for text. */
  maxExtractBytes: number;
}

export interface Inspection {
  row: FileRow;
  findings: FindingRow[];
}

/** One file: its digest, type, text, findings and intrinsic ROT reasons; errors recorded, never thrown. */
export async function inspectFile(task: InspectTask, settings: InspectSettings): Promise<Inspection> {
  const { entry } = task;
  if (entry.kind === 'error') return walkError(task, entry.error);
  const base = baseRow(task);
  const facts = fileFacts(entry);
  const rot = intrinsicRot(task, entry);
  let sha256: string;
  let bytes: Buffer | undefined;
  try {
    let changed: boolean;
    ({ sha256, bytes, changed } = readWhole(entry, settings.maxExtractBytes));
    if (changed) {
      return {
        row: {
          ...base,
          ...facts,
          rot,
          error: 'changed while being read; it will be read again on the next scan',
        },
        findings: [],
      };
    }
  } catch (error) {
    return { row: { ...base, ...facts, rot, error: readError(error) }, findings: [] };
  }
  if (!bytes)
    return {
      row: {
        ...base,
        ...facts,
        rot,
        sha256,
        error: `larger than ${Math.round(settings.maxExtractBytes / 1024 / 1024)} MB: hashed, not read for text`,
      },
      findings: [],
    };
  const extraction = await extractText(bytes, entry.path, { ocr: settings.ocr });
  const texts = collectTexts(extraction);
  const found = texts.flatMap(({ text, page }) => detectPii(text).map((f) => ({ ...f, page })));
  const counts: Record<string, number> = {};
  for (const f of found) counts[f.type] = (counts[f.type] ?? 0) + 1;
  const hash = simhash(texts.map((t) => t.text).join('\n'));
  if (extraction.mime === 'message/rfc822' || extraction.mime === 'application/vnd.ms-outlook') {
    const subject = /^Subject: (.*)$/m.exec(extraction.pages[0] ?? '')?.[1];
    const now = new Date(task.nowMs);
    if (subject)
      rot.push(...rotReasons({ name: '', size: 1, modified: now, subject }, { staleYears: 1000, now }));
  }
  return {
    row: {
      ...base,
      ...facts,
      sha256,
      mime: extraction.mime,
      simhash: hash ? simhashHex(hash) : null,
      rot,
      piiCounts: counts,
      error: extraction.error ?? partly(firstInnerError(extraction)),
    },
    findings: found.map((f, ordinal) => ({
      sourceId: task.sourceId,
      path: entry.path,
      ordinal,
      type: f.type,
      start: f.start,
      end: f.end,
      page: f.page,
      confidence: f.confidence,
      masked: f.masked,
      valueHmac: createHmac('sha256', settings.findingKey).update(`${f.type}:${f.normalised}`).digest('hex'),
    })),
  };
}

/**
 * What is recorded for a file whose reading was cut short (it took too long, or the thread ran out of memory): its
 * digest, taken here by streaming, and the reason. The scan goes on.
 */
export async function unreadFile(task: InspectTask, reason: string): Promise<Inspection> {
  const { entry } = task;
  if (entry.kind === 'error') return walkError(task, entry.error);
  const row: FileRow = {
    ...baseRow(task),
    ...fileFacts(entry),
    rot: intrinsicRot(task, entry),
    error: reason,
  };
  try {
    row.sha256 = await hashFile(entry.path);
  } catch (error) {
    row.error = readError(error);
  }
  return { row, findings: [] };
}

/** A path the walk could not read (a loop, a folder without permission): recorded with its reason. */
function walkError(task: InspectTask, error: string): Inspection {
  return { row: { ...baseRow(task), size: 0, mtime: new Date(0), inode: '', error }, findings: [] };
}

function baseRow(task: InspectTask) {
  return {
    sourceId: task.sourceId,
    path: task.entry.path,
    readInScan: task.scanId,
    rot: [] as RotReason[],
    piiCounts: {},
  };
}

function fileFacts(entry: Extract<FileEntry, { kind: 'file' }>) {
  return { size: entry.size, mtime: new Date(entry.mtimeMs), inode: entry.inode };
}

function intrinsicRot(task: InspectTask, entry: Extract<FileEntry, { kind: 'file' }>): RotReason[] {
  return rotReasons(
    { name: path.basename(entry.path), size: entry.size, modified: new Date(entry.mtimeMs) },
    { staleYears: task.staleYears ?? DEFAULT_STALE_YEARS, now: new Date(task.nowMs) },
  );
}

/** A container read in part: what inside it was not read, and why. */
function partly(inner: string | undefined): string | null {
  return inner ? `read in part: ${inner}`.slice(0, 1000) : null;
}

function readError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'vanished during the scan';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (error as Error).message;
}

/** Every text inside an extraction (pages, and files inside archives and e-mails), with page numbers where paged. */
function collectTexts(e: Extraction): { text: string; page: number | null }[] {
  const own = e.pages.map((text, i) => ({ text, page: e.pages.length > 1 ? i + 1 : null }));
  return [
    ...own,
    ...(e.children ?? []).flatMap((c) => collectTexts(c.extraction).map((t) => ({ ...t, page: null }))),
  ];
}

const CHUNK = 1024 * 1024;

/**
 * SHA-256 of a file and, when it is no larger than `keepUpTo`, its bytes; and whether it changed while being read
 * (its size or modification time differ afterwards from what the walk saw). Synchronous: it runs in an inspection
 * thread, where a blocking read costs one system call and an awaited one a trip through the shared I/O pool.
 */
function readWhole(
  entry: Extract<FileEntry, { kind: 'file' }>,
  keepUpTo: number,
): { sha256: string; bytes?: Buffer; changed: boolean } {
  const fd = fs.openSync(entry.path, 'r');
  try {
    const hash = createHash('sha256');
    const keep = entry.size <= keepUpTo;
    const buffer = Buffer.allocUnsafe(keep ? entry.size : Math.min(CHUNK, entry.size));
    let total = 0;
    for (;;) {
      const at = keep ? total : 0;
      const n = at < buffer.length ? fs.readSync(fd, buffer, at, buffer.length - at, null) : 0;
      if (n === 0) break;
      if (!keep) hash.update(buffer.subarray(0, n));
      total += n;
    }
    if (keep) hash.update(buffer.subarray(0, total));
    const after = fs.fstatSync(fd);
    return {
      sha256: hash.digest('hex'),
      bytes: keep ? buffer.subarray(0, total) : undefined,
      changed:
        after.size !== entry.size || Math.round(after.mtimeMs) !== entry.mtimeMs || total !== entry.size,
    };
  } finally {
    fs.closeSync(fd);
  }
}

/** SHA-256 of a file streamed in chunks (bounded memory), without blocking: for the main thread. */
async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
