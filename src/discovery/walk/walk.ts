import fs from 'node:fs';
import path from 'node:path';

export type WalkEntry =
  /** `mtimeMs` in whole milliseconds, rounded as Node rounds a Stats object's Date (no Date made per file). */
  | { kind: 'file'; path: string; size: number; mtimeMs: number; inode: string }
  | { kind: 'error'; path: string; error: string };

/** Entries between turns of the event loop, so a long walk never starves timers, sockets or the job queue. */
const ENTRIES_PER_TURN = 2000;

/**
 * Every regular file under the given paths, streamed: folders are read a few hundred names at a time and descended
 * at once, so memory holds one open handle per level, never a whole tree or folder. Symbolic links are not followed
 * (so no loops); unreadable folders and files are reported per path and the walk goes on. The system calls are
 * synchronous — at tens of thousands of files a second, each awaited call would cost more than the call itself.
 */
export async function* walk(roots: string[], options: { exclude?: RegExp } = {}): AsyncGenerator<WalkEntry> {
  let sinceTurn = 0;
  for (const root of roots) {
    const target = path.resolve(root);
    const first = visit(target, options);
    if (first.entry) yield first.entry;
    if (!first.dir) continue;
    const stack: { dir: fs.Dir; path: string }[] = [{ dir: first.dir, path: target }];
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      let dirent: fs.Dirent | null;
      try {
        dirent = top.dir.readSync();
      } catch (error) {
        yield { kind: 'error', path: top.path, error: describe(error) };
        dirent = null;
      }
      if (!dirent) {
        top.dir.closeSync();
        stack.pop();
        continue;
      }
      const child = path.join(top.path, dirent.name);
      if (dirent.isSymbolicLink()) continue;
      const next = dirent.isDirectory() ? visitFolder(child, options) : visit(child, options);
      if (next.entry) yield next.entry;
      if (next.dir) stack.push({ dir: next.dir, path: child });
      if (++sinceTurn >= ENTRIES_PER_TURN) {
        sinceTurn = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }
}

interface Visited {
  entry?: WalkEntry;
  dir?: fs.Dir;
}

function visit(target: string, options: { exclude?: RegExp }): Visited {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(target);
  } catch (error) {
    const undecodable = (error as NodeJS.ErrnoException).code === 'ENOENT' && target.includes('\uFFFD');
    return {
      entry: {
        kind: 'error',
        path: target,
        // Node reads names as UTF-8; a name in another encoding comes back altered and cannot be opened by it.
        error: undecodable
          ? 'the file name is not valid UTF-8, so it cannot be opened by name'
          : describe(error),
      },
    };
  }
  if (options.exclude?.test(target) || stat.isSymbolicLink()) return {};
  if (stat.isFile())
    return {
      entry: {
        kind: 'file',
        path: target,
        size: stat.size,
        mtimeMs: Math.round(stat.mtimeMs),
        inode: `${stat.dev}:${stat.ino}`,
      },
    };
  return stat.isDirectory() ? visitFolder(target, options) : {};
}

function visitFolder(target: string, options: { exclude?: RegExp }): Visited {
  if (options.exclude?.test(target)) return {};
  try {
    return { dir: fs.opendirSync(target, { bufferSize: 256 }) };
  } catch (error) {
    return { entry: { kind: 'error', path: target, error: describe(error) } };
  }
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM'
    ? 'permission denied'
    : code === 'ENOENT'
      ? 'no such file or folder'
      : ((error as Error).message ?? String(error));
}
