import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrate.ts';

export type DatabaseKind = 'pglite' | 'postgresql';
/** Every integration suite runs on both. */
export const DATABASE_KINDS: DatabaseKind[] = ['pglite', 'postgresql'];

export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export interface TestDatabase {
  db: Database;
  /** For the PostgreSQL kind: the URL of this run's own database. */
  url?: string;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database of the given kind: an in-memory PGlite, or a database of its own on the PostgreSQL
 * server (created here, dropped on close), so parallel test files never share state.
 */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const db = await openPglite();
    await migrate(db);
    return { db, close: () => db.close() };
  }
  const admin = testDatabaseUrl();
  const name = `custodian_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin(admin, (c) => c.query(`create database ${name}`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), { max: 5 });
  await migrate(db);
  return {
    db,
    url: url.toString(),
    async close() {
      await db.close();
      await withAdmin(admin, (c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
