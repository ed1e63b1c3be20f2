import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../support/cli.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { writeTree } from '../support/tree.ts';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/custodian.js');

/** A scan killed with SIGKILL part-way, then run again, leaves the same inventory as one that was never stopped. */
describe('custodian scan, killed and resumed', () => {
  let killedDb: TestDatabase;
  let cleanDb: TestDatabase;
  let root: string;
  const key = 'ab'.repeat(32);

  before(async () => {
    [killedDb, cleanDb] = await Promise.all([
      createTestDatabase('postgresql'),
      createTestDatabase('postgresql'),
    ]);
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'custodian-resume-'));
    writeTree(root, 7, 400);
  });
  after(async () => {
    await Promise.all([killedDb.close(), cleanDb.close()]);
    fs.rmSync(root, { recursive: true, force: true });
  });

  const env = (db: TestDatabase) => ({ DATABASE_URL: db.url, CUSTODIAN_FINDING_KEY: key });
  const exported = async (db: TestDatabase) => {
    const res = await runCli(['inventory', 'export', '--format', 'jsonl'], env(db));
    assert.equal(res.code, 0, res.stderr);
    return res.stdout;
  };

  it('continues where it stopped and matches an uninterrupted scan', async () => {
    const child = spawn(process.execPath, [bin, 'scan', root, '--source', 'share', '--batch-size', '10'], {
      env: { ...process.env, ...env(killedDb), LOG_LEVEL: 'silent' },
    });
    const deadline = Date.now() + 60_000;
    let recorded = 0;
    while (recorded < 30 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      recorded = Number(
        (await killedDb.db.query<{ n: number }>('select count(*) as n from inventory_files'))[0]!.n,
      );
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const [{ n: partial }] = (await killedDb.db.query<{ n: number }>(
      'select count(*) as n from inventory_files',
    )) as [{ n: number }];
    assert.ok(partial > 0 && partial < 406, `killed part-way (${partial} of 406 recorded)`);
    const [{ status }] = (await killedDb.db.query<{ status: string }>(
      'select status from discovery_scans',
    )) as [{ status: string }];
    assert.equal(status, 'running');

    const resumed = await runCli(['scan', root, '--source', 'share'], env(killedDb));
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(resumed.stdout, /^Resumed and finished scan 1 of share: 406 files/m);
    const clean = await runCli(['scan', root, '--source', 'share'], env(cleanDb));
    assert.equal(clean.code, 0, clean.stderr);

    assert.equal(await exported(killedDb), await exported(cleanDb));
    const count = async (db: TestDatabase) =>
      (await db.db.query<{ n: number }>('select count(*) as n from inventory_findings'))[0]!.n;
    assert.equal(await count(killedDb), await count(cleanDb), 'no finding lost or counted twice');
  });
});
