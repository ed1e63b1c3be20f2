import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { writeTree } from '../support/tree.ts';

/** Worker processes share one scan through the job queue and leave the same inventory as a scan in one process. */
describe('custodian scan with worker processes', () => {
  let shared: TestDatabase;
  let single: TestDatabase;
  let root: string;
  let dataDir: string;
  const key = 'cd'.repeat(32);

  before(async () => {
    [shared, single] = await Promise.all([
      createTestDatabase('postgresql'),
      createTestDatabase('postgresql'),
    ]);
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'custodian-workers-'));
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodian-workers-data-'));
    writeTree(root, 11, 300);
  });
  after(async () => {
    await Promise.all([shared.close(), single.close()]);
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const env = (db: TestDatabase) => ({ DATABASE_URL: db.url, CUSTODIAN_FINDING_KEY: key });
  const exported = async (e: NodeJS.ProcessEnv) =>
    (await runCli(['inventory', 'export', '--format', 'jsonl'], e)).stdout;

  it('spreads one scan over two worker processes on PostgreSQL', async () => {
    const distributed = await runCli(
      ['scan', root, '--source', 'share', '--workers', '2', '--batch-size', '10'],
      env(shared),
    );
    assert.equal(distributed.code, 0, distributed.stderr);
    assert.match(distributed.stdout, /306 files \(306 read/);
    const pids = await shared.db.query<{ pid: string }>(
      `select distinct output->>'pid' as pid from pgboss.job where name = 'discovery.process-batch' and state = 'completed'`,
    );
    assert.equal(pids.length, 2, 'both worker processes took batches');
    const inline = await runCli(['scan', root, '--source', 'share'], env(single));
    assert.equal(inline.code, 0, inline.stderr);
    assert.equal(await exported(env(shared)), await exported(env(single)));
  });

  it('serves the embedded database to its workers when it has to', async () => {
    const e = { CUSTODIAN_DATA_DIR: dataDir, DATABASE_URL: '', CUSTODIAN_FINDING_KEY: key };
    const res = await runCli(['scan', root, '--source', 'share', '--workers', '2', '--batch-size', '50'], e);
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /306 files \(306 read/);
    assert.equal(await exported(e), await exported(env(single)));
  });
});
