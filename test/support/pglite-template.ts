import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pgliteHandle } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrate.ts';

/**
 * An in-memory PGlite with every migration applied, written to a file as its data directory: `bin/run-tests.js` makes
 * one before the test files start, and each file's embedded database starts from it rather than running initdb and
 * the migrations again (several seconds of CPU each, the largest share of a run). The migrations are the same ones;
 * the PostgreSQL databases still run them one by one, so a migration that fails is still caught.
 */
export async function writePgliteTemplate(file: string): Promise<void> {
  const client = await PGlite.create();
  await migrate(pgliteHandle(client, 'the test template'));
  const dump = await client.dumpDataDir('none');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await client.close();
}

/** A fresh in-memory PGlite from the template, if this run has one. */
export async function fromPgliteTemplate(): Promise<PGlite | undefined> {
  const file = process.env.CUSTODIAN_TEST_PGLITE_TEMPLATE;
  if (!file || !fs.existsSync(file)) return undefined;
  return PGlite.create({ loadDataDir: new Blob([fs.readFileSync(file)]) });
}
