import fs from 'node:fs';
import path from 'node:path';

export type WalkEntry =
  | { kind: 'file'; path: string; size: number; mtime: Date; inode: string }
  | { kind: 'error'; path: string; error: string };

/**
 * Every regular file under the given paths, streamed (a folder is read a batch at a time, never held whole), without
 * following symbolic links (so no loops), with unreadable folders and files reported per path and the walk going on.
 */
export async function* walk(roots: string[], options: { exclude?: RegExp } = {}): AsyncGenerator<WalkEntry> {
  for (const root of roots) yield* walkOne(path.resolve(root), options);
}

async function* walkOne(target: string, options: { exclude?: RegExp }): AsyncGenerator<WalkEntry> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.lstat(target);
  } catch (error) {
    const undecodable = (error as NodeJS.ErrnoException).code === 'ENOENT' && target.includes('\uFFFD');
    yield {
      kind: 'error',
      path: target,
      // Node reads names as UTF-8; a name in another encoding comes back altered and cannot be opened by it.
      error: undecodable
        ? 'the file name is not valid UTF-8, so it cannot be opened by name'
        : describe(error),
    };
    return;
  }
  if (options.exclude?.test(target)) return;
  if (stat.isSymbolicLink()) return;
  if (stat.isFile()) {
    yield {
      kind: 'file',
      path: target,
      size: stat.size,
      mtime: stat.mtime,
      inode: `${stat.dev}:${stat.ino}`,
    };
    return;
  }
  if (!stat.isDirectory()) return;
  let dir: fs.Dir;
  try {
    dir = await fs.promises.opendir(target, { bufferSize: 256 });
  } catch (error) {
    yield { kind: 'error', path: target, error: describe(error) };
    return;
  }
  for await (const entry of dir) yield* walkOne(path.join(target, entry.name), options);
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM'
    ? 'permission denied'
    : code === 'ENOENT'
      ? 'no such file or folder'
      : ((error as Error).message ?? String(error));
}
