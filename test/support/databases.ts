import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, pgliteHandle, type Database } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { fromPgliteTemplate } from './pglite-template.ts';

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
    const copy = await fromPgliteTemplate();
    const db = copy ? pgliteHandle(copy, 'embedded PostgreSQL in memory') : await openPglite();
    if (!copy) await migrate(db);
    return { db, close: () => db.close() };
  }
  const admin = testDatabaseUrl();
  const name = `custodian_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const template = process.env.CUSTODIAN_TEST_POSTGRES_TEMPLATE;
  await withAdmin(admin, (c) => c.query(`create database ${name}${template ? ` template ${template}` : ''}`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), { max: 5 });
  if (!template) await migrate(db);
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

/**
 * The run's PostgreSQL template: a database with every migration applied, which each test file's databases are
 * created from (`create database … template`), as the PGlite ones are from theirs. Made afresh for every run.
 */
export async function writePostgresTemplate(name: string): Promise<void> {
  const admin = testDatabaseUrl();
  await withAdmin(admin, async (c) => {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name}`);
  });
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), { max: 1 });
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
}

export async function dropPostgresTemplate(name: string): Promise<void> {
  await withAdmin(testDatabaseUrl(), (c) => c.query(`drop database if exists ${name} with (force)`));
}
