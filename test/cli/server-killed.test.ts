import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCli, startCli } from '../support/cli.ts';
import { writeTree } from '../support/tree.ts';
import { openPostgres } from '../../src/platform/db/database.ts';
import { socketUrl } from '../../src/platform/db/connect.ts';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/custodian.js');

/** What an operator meets when `custodian serve` on the embedded database dies under them. */
describe('a server killed under its users', () => {
  let dir: string;
  let share: string;
  let env: NodeJS.ProcessEnv;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodian-killed-'));
    share = fs.mkdtempSync(path.join(os.tmpdir(), 'custodian-killed-share-'));
    writeTree(share, 11, 3000);
    env = { CUSTODIAN_DATA_DIR: dir, DATABASE_URL: '', PORT: '0', CUSTODIAN_FINDING_KEY: 'cd'.repeat(32) };
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(share, { recursive: true, force: true });
  });

  it('removes the half-written uploads a killed server left, and keeps the finished ones', async () => {
    const folder = path.join(dir, 'files', 'ab', 'cd');
    fs.mkdirSync(folder, { recursive: true });
    const orphan = path.join(folder, `${'ab'.repeat(32)}.1a2b3c4d5e6f.tmp`);
    const kept = path.join(folder, 'abcd'.repeat(16));
    fs.writeFileSync(orphan, 'half a file');
    fs.writeFileSync(kept, 'a whole file');
    const hourAgo = new Date(Date.now() - 3600_000);
    fs.utimesSync(orphan, hourAgo, hourAgo);
    const server = await startCli(['serve'], env, /running at/);
    server.child.kill('SIGKILL');
    await new Promise((r) => server.child.once('exit', r));
    assert.equal(fs.existsSync(orphan), false);
    assert.equal(fs.existsSync(kept), true);
  });

  it('tells a scan whose server was killed what happened in one line, and the scan resumes later', async () => {
    const server = await startCli(['serve'], env, /running at/);
    const scan = spawn(process.execPath, [bin, 'scan', share, '--source', 'share', '--batch-size', '5'], {
      env: { ...process.env, ...env, LOG_LEVEL: 'silent' },
    });
    let stdout = '';
    let stderr = '';
    scan.stdout.on('data', (d) => (stdout += d));
    scan.stderr.on('data', (d) => (stderr += d));
    // Watch the inventory fill through the server's own socket, and kill the server once the scan is under way.
    const watcher = await openPostgres(socketUrl(dir), { max: 1 });
    const deadline = Date.now() + 60_000;
    let recorded = 0;
    while (recorded < 20 && scan.exitCode === null && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      const rows = await watcher
        .query<{ n: number }>('select count(*)::int as n from inventory_files')
        .catch(() => [{ n: 0 }]);
      recorded = rows[0]?.n ?? 0;
    }
    await watcher.close();
    server.child.kill('SIGKILL');
    const code = await new Promise((r) => scan.once('exit', r));
    assert.notEqual(code, 0, `the scan finished before the server was killed: ${stdout}`);
    const lines = stderr.trim().split('\n');
    assert.equal(lines.length, 1, stderr);
    assert.match(lines[0]!, /^custodian: lost the connection to the database \(\w+/);
    assert.doesNotMatch(stderr, /\s+at .*:\d+/);

    const resumed = await runCli(['scan', share, '--source', 'share'], env);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(resumed.stdout, /^Resumed and finished scan 1 of share: 3006 files/m);
  });
});
