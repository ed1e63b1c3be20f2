import fs from 'node:fs';
import type { Config } from '../config.ts';
import { openPglite, openPostgres, type Database } from './database.ts';
import { acquireLock, currentHolder, DataDirLockedError } from './lock.ts';
import { PgliteSocketServer, SOCKET_PORT, socketFile } from './socket-server.ts';

/**
 * Opens the database a one-off command should use: the PostgreSQL server when DATABASE_URL is set; otherwise the
 * embedded database — through the socket of a running `custodian serve`, or directly (taking the lock) when none runs.
 */
export async function connectForCommand(config: Config): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  const holder = currentHolder(config.dataDir);
  if (holder?.mode === 'serve' && holder.socketDir && fs.existsSync(socketFile(holder.socketDir))) {
    return openPostgres(socketUrl(holder.socketDir), {
      max: 2,
      kind: 'pglite',
      description: `embedded PostgreSQL in ${config.dataDir}, through the running server (process ${holder.pid})`,
    });
  }
  if (holder) throw new DataDirLockedError(config.dataDir, holder);
  return openOwned(config, 'command');
}

export interface ServedDatabase {
  db: Database;
  /** Stops the socket (if any), closes the database and releases the lock. */
  close(): Promise<void>;
}

/**
 * Opens the database for `custodian serve`: on the embedded database it owns the directory and serves it to other
 * commands on a Unix socket in the data directory.
 */
export async function connectForServer(config: Config): Promise<ServedDatabase> {
  if (config.databaseUrl) {
    const db = await openPostgres(config.databaseUrl, { max: 20 });
    return { db, close: () => db.close() };
  }
  const lock = acquireLock(config.dataDir, 'serve');
  try {
    const db = await openPglite(config.dataDir);
    const socket = new PgliteSocketServer(db.pglite!, config.dataDir);
    await socket.start();
    lock.update({ socketDir: config.dataDir });
    return {
      db,
      async close() {
        await socket.stop();
        await db.close();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function openOwned(config: Config, mode: 'command'): Promise<Database> {
  const lock = acquireLock(config.dataDir, mode);
  try {
    const db = await openPglite(config.dataDir);
    return {
      ...db,
      async close() {
        await db.close();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

export function socketUrl(dir: string): string {
  return `postgresql://postgres@/postgres?host=${encodeURIComponent(dir)}&port=${SOCKET_PORT}`;
}
