import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli.ts';

/** Every path under a folder whose mode gives group or other users any access. */
function loose(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isSymbolicLink()) continue;
      if (fs.statSync(full).mode & 0o077) found.push(full);
      if (entry.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return found;
}

describe('the embedded data directory', () => {
  let parent: string;
  let dir: string;
  before(() => {
    parent = fs.mkdtempSync(path.join(os.tmpdir(), 'custodian-data-'));
    dir = path.join(parent, 'data');
  });
  after(() => fs.rmSync(parent, { recursive: true, force: true }));

  it('is created for the service alone, the database files included', async () => {
    const result = await runCli(['migrate'], { CUSTODIAN_DATA_DIR: dir, DATABASE_URL: '' });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(fs.statSync(dir).mode & 0o777, 0o700);
    assert.ok(fs.existsSync(path.join(dir, 'PG_VERSION')));
    assert.deepEqual(loose(dir), []);
  });

  it('is made private again on start when it was left open to others', async () => {
    fs.chmodSync(dir, 0o777);
    const wal = fs.readdirSync(path.join(dir, 'pg_wal')).find((f) => /^[0-9A-F]{24}$/.test(f))!;
    fs.chmodSync(path.join(dir, 'pg_wal', wal), 0o666);
    fs.chmodSync(path.join(dir, 'base'), 0o777);
    const result = await runCli(['migrate'], { CUSTODIAN_DATA_DIR: dir, DATABASE_URL: '' });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(fs.statSync(dir).mode & 0o777, 0o700);
    assert.deepEqual(loose(dir), []);
  });
});
