import fs from 'node:fs';
import path from 'node:path';
import { secureDataDir } from './data-dir.ts';

/** Who holds an embedded data directory. PGlite takes no lock of its own and two processes would corrupt it. */
export interface LockInfo {
  pid: number;
  mode: 'serve' | 'command';
  /** Unix socket a running `custodian serve` answers on, for other commands to connect through. */
  socketDir?: string;
  startedAt: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    super(
      holder.mode === 'serve'
        ? `Custodian is already running on ${dataDir} (process ${holder.pid}). Stop it first, or run commands alongside it.`
        : `Another custodian command (process ${holder.pid}) is using ${dataDir}; try again when it has finished.`,
    );
  }
}

export function lockPath(dataDir: string): string {
  return path.join(dataDir, 'custodian.lock');
}

export function readLock(dataDir: string): LockInfo | undefined {
  try {
    const info = JSON.parse(fs.readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
    return typeof info.pid === 'number' ? info : undefined;
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live holder of the directory, if any. */
export function currentHolder(dataDir: string): LockInfo | undefined {
  const info = readLock(dataDir);
  return info && info.pid !== process.pid && isAlive(info.pid) ? info : undefined;
}

export interface DataDirLock {
  update(patch: Partial<LockInfo>): void;
  release(): void;
}

/**
 * Takes the directory for this process. A lock left by a process that died is taken over; a live holder is refused
 * with a message naming it.
 */
export function acquireLock(dataDir: string, mode: LockInfo['mode']): DataDirLock {
  secureDataDir(dataDir);
  const file = lockPath(dataDir);
  let info: LockInfo = { pid: process.pid, mode, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(info), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        if (readLock(dataDir)?.pid === process.pid) {
          // PGlite made its new files 0666: take the loose bits off them too, now that it has closed them.
          secureDataDir(dataDir);
          fs.rmSync(file, { force: true });
        }
        process.off('exit', release);
      };
      process.on('exit', release);
      return {
        update(patch) {
          info = { ...info, ...patch };
          fs.writeFileSync(file, JSON.stringify(info));
        },
        release,
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLock(dataDir);
      if (holder && isAlive(holder.pid) && holder.pid !== process.pid)
        throw new DataDirLockedError(dataDir, holder);
      fs.rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not take the lock on ${dataDir}`);
}
