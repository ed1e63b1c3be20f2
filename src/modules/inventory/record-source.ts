import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { londonDateOf, londonToday } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import { safeError } from '../../platform/safe-error.ts';
import { addDays } from '../../domain/calendar/dates.ts';
import type { RecordSource } from '../records/index.ts';
import * as files from './disposal-repository.ts';

export interface FilesSourceDeps {
  clock: Clock;
  logger: Logger;
  /** Where destroyed files wait before they are removed for good: inside the data folder, the service's alone. */
  quarantineDir: string;
  /** Days they wait there; 0 removes them at once. */
  quarantineDays: number;
}

/** What a file was when scheduled or reviewed: its size, its modification time and its content's hash. */
const fingerprintOf = (f: { size: number; mtime: Date; sha256: string | null }) =>
  `${f.size}:${f.mtime.getTime()}:${f.sha256 ?? ''}`;

/**
 * Files found by discovery as records on the retention schedule: keyed by their path inside the discovery source,
 * classified by folder rules ("everything under Planning/Decisions is PLN-03"), dated by their last modification —
 * the only event a file on a share knows. Destroying one makes its inventory row the stub and queues its removal;
 * the removal (to quarantine, then for good) happens after the disposal commits, and is finished by the next run if
 * the process stops between the two.
 */
export function filesSource(deps: FilesSourceDeps): RecordSource {
  return {
    name: 'files',
    label: 'Files on shares',
    triggers: ['last-modified'],
    selectorMatch: 'folder',
    destructionMethod:
      deps.quarantineDays > 0
        ? `Moved off the share to a quarantine folder only the service can read and deleted for good ${deps.quarantineDays} days later (deleted at once from a source set so); the inventory keeps its path, size and dates as a stub`
        : 'Deleted from the share; the inventory keeps its path, size and dates as a stub',
    scopes: async (db) =>
      (await files.discoverySourcesByName(db)).map((s) => ({ scope: s.id, name: s.name })),
    async *records(db, batchSize) {
      for (let after = { sourceId: 0, path: '' }; ;) {
        const rows = await files.filesAfter(db.orm, after, batchSize);
        if (!rows.length) return;
        after = rows.at(-1)!;
        yield rows.map((f) => {
          const key = f.path.slice(f.root.length + 1);
          return {
            scope: f.sourceId,
            key,
            title: key,
            selector: key,
            dates: { 'last-modified': londonDateOf(f.mtime) },
            directorateId: null,
            size: f.size,
            fingerprint: fingerprintOf(f),
          };
        });
      }
    },
    /** The file as it is on its share now: gone when it is not there, changed when its size or time moved. */
    async fingerprint(tx, item) {
      const row = await files.fileOf(tx, item.scope, item.key);
      if (!row || row.file.gone || row.file.disposalCertificate) return undefined;
      const onDisk = await fs.stat(row.file.path).catch(() => undefined);
      if (!onDisk?.isFile()) return undefined;
      if (onDisk.size !== row.file.size || Math.trunc(onDisk.mtimeMs) !== row.file.mtime.getTime())
        return `changed on disk ${onDisk.size}:${Math.trunc(onDisk.mtimeMs)}`;
      return fingerprintOf(row.file);
    },
    async destroy(tx, item, certificate, on) {
      const row = await files.fileOf(tx, item.scope, item.key);
      if (!row) return;
      await files.markDestroyed(
        tx,
        { sourceId: row.file.sourceId, path: row.file.path },
        certificate,
        addDays(on, deps.quarantineDays),
      );
    },
    /** The file as it is on its share, for a transfer class's bag. */
    async exportForTransfer(db, item) {
      const row = await files.fileOf(db, item.scope, item.key);
      if (!row) return [];
      return [{ name: item.key, content: await fs.readFile(row.file.path) }];
    },
    async afterDisposal(db) {
      await removeDestroyedFiles(db.orm, deps);
    },
  };
}

/**
 * Works through the files destroyed in committed disposals: each is moved to quarantine (or deleted, with no
 * quarantine), and quarantined ones whose time is up are deleted. A file that cannot be moved stays queued for the
 * next run; the log says how many, never which (a path can name a person).
 */
export async function removeDestroyedFiles(
  db: Executor,
  deps: FilesSourceDeps,
): Promise<{ quarantined: number; deleted: number; failed: number }> {
  const tally = { quarantined: 0, deleted: 0, failed: 0 };
  for (const due of await files.removalsDue(db, londonToday(deps.clock))) {
    try {
      if (due.state === 'quarantined') {
        await fs.rm(path.join(deps.quarantineDir, due.quarantinePath!), { force: true });
        await files.setRemovalState(db, due, 'purged');
        tally.deleted += 1;
      } else if (deps.quarantineDays === 0 || due.disposal === 'delete') {
        const existed = await fs.rm(due.path).then(
          () => true,
          (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? false : Promise.reject(error)),
        );
        await files.setRemovalState(db, due, existed ? 'purged' : 'missing');
        tally.deleted += 1;
      } else {
        // Named by a hash of where it was: the quarantine folder's names say nothing about anyone.
        const relative = path.join(due.certificate, createHash('sha256').update(due.path).digest('hex'));
        const moved = await moveInto(due.path, path.join(deps.quarantineDir, relative));
        await files.setRemovalState(db, due, moved ? 'quarantined' : 'missing', moved ? relative : undefined);
        tally.quarantined += 1;
      }
    } catch (error) {
      tally.failed += 1;
      deps.logger.error({ err: safeError(error) }, 'a destroyed file could not be removed from its share');
    }
  }
  if (tally.failed)
    deps.logger.warn({ failed: tally.failed }, 'destroyed files left to remove on the next run');
  return tally;
}

/** Moves a file, across file systems if need be; false when it was no longer there. */
async function moveInto(from: string, to: string): Promise<boolean> {
  await fs.mkdir(path.dirname(to), { recursive: true, mode: 0o700 });
  try {
    await fs.rename(from, to);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false;
    if (code !== 'EXDEV') throw error;
    await fs.copyFile(from, to);
    await fs.rm(from);
    return true;
  }
}
