import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { walk } from '../walk/walk.ts';

/** Bytes read from each end of a file for the cheap middle step. */
const EDGE = 4096;
/** Files sent to a digest thread at once. */
const BATCH = 128;

export interface DuplicateReport {
  /** Sets of paths with identical contents (two or more each, empty files left out), largest waste first. */
  sets: { sha256: string; size: number; paths: string[] }[];
  files: number;
  /** Bytes read to decide (the cheap steps avoid most of them). */
  bytesRead: number;
  errors: { path: string; error: string }[];
}

interface File {
  path: string;
  size: number;
  /** The digest of the step the file last went through (its ends, or the whole of it). */
  key?: string;
}

/**
 * Exact duplicates, found cheap-first as fclones and jdupes do: files are grouped by size (a file with a unique size
 * has no copy), then by a digest of their first and last 4 KiB, and only files still sharing a group are read whole
 * for their SHA-256. Hard links to one file are one file, not copies. The digests are taken in threads (one per core)
 * while the walk goes on: a file is sent as soon as a second file of its size is found. Memory holds a path and size
 * per file.
 */
export async function findExactDuplicates(
  roots: string[],
  options: { exclude?: RegExp; threads?: number } = {},
): Promise<DuplicateReport> {
  const pool = new DigestPool(options.threads ?? os.availableParallelism());
  try {
    const bySize = new Map<number, { files: File[]; inodes: Set<string> }>();
    const errors: DuplicateReport['errors'] = [];
    let files = 0;
    const firstStep = pool.batcher();
    for await (const entry of walk(roots, { exclude: options.exclude })) {
      if (entry.kind === 'error') {
        errors.push({ path: entry.path, error: entry.error });
        continue;
      }
      files += 1;
      if (entry.size === 0) continue;
      const file: File = { path: entry.path, size: entry.size };
      const group = bySize.get(entry.size);
      if (!group) {
        bySize.set(entry.size, { files: [file], inodes: new Set([entry.inode]) });
        continue;
      }
      if (group.inodes.has(entry.inode)) continue; // a hard link to a file already seen
      group.inodes.add(entry.inode);
      group.files.push(file);
      // Small files are digested whole at once; larger ones by their ends first.
      if (group.files.length === 2) firstStep.add(group.files[0]!, cheapStep(group.files[0]!.size));
      firstStep.add(file, cheapStep(file.size));
    }
    await firstStep.done();
    const wholeStep = pool.batcher();
    const sameStart: File[][] = [];
    for (const { files: group } of bySize.values()) {
      if (group.length < 2) continue;
      for (const same of sameKey(group)) {
        sameStart.push(same);
        if (same[0]!.size > 2 * EDGE) for (const f of same) wholeStep.add(f, 'whole');
      }
    }
    await wholeStep.done();
    const sets: DuplicateReport['sets'] = sameStart
      .flatMap((group) => sameKey(group))
      .map((same) => ({ sha256: same[0]!.key!, size: same[0]!.size, paths: same.map((f) => f.path).sort() }));
    sets.sort(
      (a, b) =>
        b.size * (b.paths.length - 1) - a.size * (a.paths.length - 1) ||
        a.paths[0]!.localeCompare(b.paths[0]!),
    );
    errors.push(...pool.errors);
    return { sets, files, bytesRead: pool.bytesRead, errors };
  } finally {
    await pool.close();
  }
}

const cheapStep = (size: number) => (size > 2 * EDGE ? 'ends' : 'whole');

/** Files of a group that share their current digest, two or more together; unreadable files drop out. */
function sameKey(group: File[]): File[][] {
  const byKey = new Map<string, File[]>();
  for (const f of group) {
    if (f.key === undefined) continue;
    const same = byKey.get(f.key);
    if (same) same.push(f);
    else byKey.set(f.key, [f]);
  }
  return [...byKey.values()].filter((same) => same.length > 1);
}

type Step = 'ends' | 'whole';
type Digest = { key?: string; error?: string; read: number };

/** Threads that take digests (digest-thread.mjs); work goes out in batches, round the threads in turn. */
class DigestPool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, (results: Digest[]) => void>();
  private nextId = 0;
  bytesRead = 0;
  readonly errors: DuplicateReport['errors'] = [];

  constructor(threads: number) {
    this.workers = Array.from({ length: Math.max(1, threads) }, () => {
      const worker = new Worker(new URL('./digest-thread.mjs', import.meta.url));
      worker.on('message', ({ id, results }: { id: number; results: Digest[] }) => {
        this.waiting.get(id)!(results);
        this.waiting.delete(id);
      });
      return worker;
    });
  }

  /** Collects files for one step and sends them in batches; `done` resolves when every digest is back. */
  batcher() {
    const sent: Promise<void>[] = [];
    const queued: Record<Step, File[]> = { ends: [], whole: [] };
    const send = (step: Step) => {
      const files = queued[step];
      queued[step] = [];
      if (files.length) sent.push(this.send(files, step));
    };
    return {
      add: (file: File, step: Step) => {
        queued[step].push(file);
        if (queued[step].length >= BATCH) send(step);
      },
      done: async () => {
        send('ends');
        send('whole');
        await Promise.all(sent);
      },
    };
  }

  private send(files: File[], step: Step): Promise<void> {
    const id = this.nextId++;
    const worker = this.workers[id % this.workers.length]!;
    return new Promise((resolve) => {
      this.waiting.set(id, (results) => {
        results.forEach((r, i) => {
          const file = files[i]!;
          this.bytesRead += r.read;
          if (r.error === undefined) file.key = r.key;
          else {
            file.key = undefined;
            this.errors.push({ path: file.path, error: r.error });
          }
        });
        resolve();
      });
      worker.postMessage({
        id,
        mode: step,
        edge: EDGE,
        files: files.map((f) => ({ path: f.path, size: f.size })),
      });
    });
  }

  close() {
    return Promise.all(this.workers.map((w) => w.terminate()));
  }
}
