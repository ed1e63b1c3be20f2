import os from 'node:os';
import { Piscina } from 'piscina';
import type { Config } from '../../platform/config.ts';
import { unreadFile, type InspectSettings, type InspectTask, type Inspection } from './inspect.ts';

export interface InspectorOptions extends Partial<InspectSettings> {
  findingKey: Buffer;
  /** Threads reading files at once (default: one per core). */
  threads?: number;
  /** A file still being read after this long is recorded unread (its digest is still taken). */
  timeoutMs?: number;
  /** Heap limit of each thread; a file that needs more is recorded unread. */
  threadMemoryMb?: number;
}

export interface Inspector {
  inspect(task: InspectTask): Promise<Inspection>;
  close(): Promise<void>;
}

export const DEFAULT_FILE_TIMEOUT_MS = 120_000;
export const DEFAULT_MAX_EXTRACT_BYTES = 64 * 1024 * 1024;

/** The inspector the configuration describes, with the finding key; `threads` overrides the configured number. */
export function inspectorFor(config: Config, findingKey: Buffer, threads?: number): Inspector {
  const d = config.discovery;
  return createInspector({
    findingKey,
    ocr: d.ocr,
    maxExtractBytes: d.maxExtractBytes,
    timeoutMs: d.fileTimeoutMs,
    threads: threads ?? (d.threads || undefined),
  });
}

/**
 * Reads files in a pool of worker threads (piscina), so text extraction, OCR and detection use every core and one
 * hostile file cannot stall or exhaust the process: a file over its time is aborted (the thread is replaced), and a
 * thread that runs out of memory dies alone.
 */
export function createInspector(options: InspectorOptions): Inspector {
  const threads = Math.max(1, options.threads ?? os.availableParallelism());
  const timeoutMs = options.timeoutMs ?? DEFAULT_FILE_TIMEOUT_MS;
  const pool = new Piscina<InspectTask, Inspection>({
    filename: new URL('./thread.mjs', import.meta.url).href,
    // Threads start with the first file to read: a rescan of an unchanged share reads none.
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: 60_000,
    // A file's reading waits on disk, on pdf.js's message hops and on OCR processes; several files a thread keep the
    // cores busy through those waits and through the main thread's database writes.
    concurrentTasksPerWorker: 4,
    resourceLimits: { maxOldGenerationSizeMb: options.threadMemoryMb ?? 512 },
    workerData: {
      findingKey: options.findingKey.toString('hex'),
      ocr: options.ocr ?? 'auto',
      maxExtractBytes: options.maxExtractBytes ?? DEFAULT_MAX_EXTRACT_BYTES,
    },
  });
  return {
    async inspect(task) {
      try {
        return await pool.run(task, { signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        return unreadFile(task, cutShort(error, timeoutMs));
      }
    },
    close: () => pool.close({ force: true }),
  };
}

function cutShort(error: unknown, timeoutMs: number): string {
  const e = error as NodeJS.ErrnoException;
  if (e.name === 'AbortError' || e.name === 'TimeoutError')
    return `reading it took longer than ${timeoutMs / 1000} s: hashed, not read for text`;
  if (e.code === 'ERR_WORKER_OUT_OF_MEMORY')
    return 'reading it needed too much memory: hashed, not read for text';
  return `could not be read: ${e.message}`;
}
