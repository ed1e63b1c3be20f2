import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { walk } from '../walk/walk.ts';

/** Bytes read from each end of a file for the cheap middle step. */
const EDGE = 4096;
const READ_CHUNK = 1024 * 1024;

export interface DuplicateReport {
  /** Sets of paths with identical contents (two or more each, empty files left out), largest waste first. */
  sets: { sha256: string; size: number; paths: string[] }[];
  files: number;
  /** Bytes read to decide (the cheap steps avoid most of them). */
  bytesRead: number;
  errors: { path: string; error: string }[];
}

/**
 * Exact duplicates, found cheap-first as fclones and jdupes do: files are grouped by size (a file with a unique size
 * has no copy), then by a hash of their first and last 4 KiB, and only files still sharing a group are read whole
 * for their SHA-256. Hard links to one file are one file, not copies. Memory holds a path and size per file.
 */
export async function findExactDuplicates(
  roots: string[],
  options: { exclude?: RegExp } = {},
): Promise<DuplicateReport> {
  const bySize = new Map<number, { path: string; inode: string }[]>();
  const errors: DuplicateReport['errors'] = [];
  let files = 0;
  for await (const entry of walk(roots, { exclude: options.exclude })) {
    if (entry.kind === 'error') {
      errors.push({ path: entry.path, error: entry.error });
      continue;
    }
    files += 1;
    if (entry.size === 0) continue;
    const group = bySize.get(entry.size);
    const file = { path: entry.path, inode: entry.inode };
    if (group) group.push(file);
    else bySize.set(entry.size, [file]);
  }
  let bytesRead = 0;
  const buffer = Buffer.alloc(READ_CHUNK);
  /** A digest of the whole file, or (cheap step, larger files) of its first and last 4 KiB. */
  const digest = (file: string, size: number, whole: boolean): string | undefined => {
    let fd: number | undefined;
    try {
      fd = fs.openSync(file, 'r');
      if (!whole && size > 2 * EDGE) {
        fs.readSync(fd, buffer, 0, EDGE, 0);
        fs.readSync(fd, buffer, EDGE, EDGE, size - EDGE);
        bytesRead += 2 * EDGE;
        return `edges:${createHash('sha1')
          .update(buffer.subarray(0, 2 * EDGE))
          .digest('hex')}`;
      }
      // Exactly the size the walk saw (as jdupes reads): no extra read to find the end; a file that grew is caught
      // by its digest differing from its copies'.
      const hash = createHash('sha256');
      for (let left = size; left > 0;) {
        const n = fs.readSync(fd, buffer, 0, Math.min(READ_CHUNK, left), null);
        if (n === 0) break;
        hash.update(buffer.subarray(0, n));
        bytesRead += n;
        left -= n;
      }
      return hash.digest('hex');
    } catch (error) {
      errors.push({ path: file, error: (error as Error).message });
      return undefined;
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  };
  const sets: DuplicateReport['sets'] = [];
  let sinceTurn = 0;
  for (const [size, group] of bySize) {
    const files = distinctInodes(group);
    if (files.length < 2) continue;
    // Small files are hashed whole at once; larger ones by their ends first, then whole if the ends agree.
    for (const sameEdges of groupBy(files, (f) => digest(f.path, size, false))) {
      const whole =
        size <= 2 * EDGE ? [sameEdges] : groupBy(sameEdges.members, (f) => digest(f.path, size, true));
      for (const { key, members } of whole)
        sets.push({ sha256: key, size, paths: members.map((m) => m.path).sort() });
    }
    if ((sinceTurn += files.length) >= 1000) {
      sinceTurn = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  sets.sort(
    (a, b) =>
      b.size * (b.paths.length - 1) - a.size * (a.paths.length - 1) || a.paths[0]!.localeCompare(b.paths[0]!),
  );
  return { sets, files, bytesRead, errors };
}

function distinctInodes<T extends { inode: string }>(files: T[]): T[] {
  const seen = new Set<string>();
  return files.filter((f) => !seen.has(f.inode) && seen.add(f.inode));
}

function groupBy<T>(items: T[], keyOf: (item: T) => string | undefined) {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.entries()].filter(([, m]) => m.length > 1).map(([key, members]) => ({ key, members }));
}
