import fs from 'node:fs';
import path from 'node:path';

/** Group and other permission bits: none of them belong on the service's data. */
const SHARED_BITS = 0o077;

/**
 * Makes a data directory the service's alone: created `0700`, and an existing one (made by an older version, or
 * copied in with a loose umask) has every group and other permission bit taken off its contents. PGlite creates its
 * files `0666` whatever the umask says, so the directory's own `0700` is what keeps the database, its WAL, the local
 * socket (which answers without a password) and the keys from other local users.
 */
export function secureDataDir(dir: string): { fixed: number } {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  let fixed = 0;
  const tighten = (file: string, stat: fs.Stats) => {
    if ((stat.mode & SHARED_BITS) === 0) return;
    fs.chmodSync(file, stat.mode & 0o7700 & ~SHARED_BITS);
    fixed += 1;
  };
  tighten(dir, fs.statSync(dir));
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isSymbolicLink() || entry.isSocket()) continue;
      tighten(full, fs.statSync(full));
      if (entry.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return { fixed };
}
