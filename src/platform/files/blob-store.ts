import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { secureDataDir } from '../db/data-dir.ts';

/**
 * Content-addressed file storage: a file is kept once under its SHA-256, written to a temporary name and renamed, so
 * a half-written file is never visible. A folder by default; the interface admits an S3-compatible store.
 */
export interface BlobStore {
  put(content: Buffer): Promise<string>;
  get(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
  /** Removes a file for good (it is gone already: nothing to do). */
  remove(sha256: string): Promise<void>;
}

/** A temporary file this old belongs to a process that died mid-write (a write takes milliseconds). */
const ORPHAN_AGE_MS = 5 * 60 * 1000;

export class FolderBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  /**
   * Run on start: makes the folder the service's alone, and removes the temporary files of writes a killed process
   * never finished. Returns how many it removed.
   */
  prepare(now = Date.now()): { removed: number } {
    if (!fs.existsSync(this.root)) return { removed: 0 };
    secureDataDir(this.root);
    let removed = 0;
    const walk = (folder: string, depth: number) => {
      for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory() && depth < 2) walk(full, depth + 1);
        else if (
          entry.isFile() &&
          entry.name.endsWith('.tmp') &&
          now - fs.statSync(full).mtimeMs > ORPHAN_AGE_MS
        ) {
          fs.rmSync(full, { force: true });
          removed += 1;
        }
      }
    };
    walk(this.root, 0);
    return { removed };
  }

  private pathFor(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a SHA-256');
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(content: Buffer): Promise<string> {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const target = this.pathFor(sha256);
    if (fs.existsSync(target)) return sha256;
    await fs.promises.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    await fs.promises.writeFile(temporary, content, { mode: 0o600 });
    await fs.promises.rename(temporary, target);
    return sha256;
  }

  get(sha256: string): Promise<Buffer> {
    return fs.promises.readFile(this.pathFor(sha256));
  }

  async has(sha256: string): Promise<boolean> {
    return fs.existsSync(this.pathFor(sha256));
  }

  async remove(sha256: string): Promise<void> {
    await fs.promises.rm(this.pathFor(sha256), { force: true });
  }
}
