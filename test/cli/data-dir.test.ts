import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';

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

describe('custodian user grant and revoke', () => {
  let database: TestDatabase;
  let env: NodeJS.ProcessEnv;
  before(async () => {
    database = await createTestDatabase('postgresql');
    env = { DATABASE_URL: database.url };
  });
  after(() => database.close());

  it('gives a role back from the command line, and never takes the last administrator’s', async () => {
    const add = (email: string, ...roles: string[]) =>
      runCli(['user', 'add', '--email', email, '--name', email, ...roles.flatMap((r) => ['--role', r])], env);
    assert.equal((await add('only.admin@example.gov.uk', 'admin')).code, 0);
    assert.equal((await add('officer@example.gov.uk')).code, 0);
    const refused = await runCli(['user', 'revoke', 'only.admin@example.gov.uk', 'admin'], env);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /^custodian: There must always be at least one active administrator/);
    const deactivate = await runCli(['user', 'deactivate', 'only.admin@example.gov.uk'], env);
    assert.equal(deactivate.code, 1);
    const granted = await runCli(['user', 'grant', 'officer@example.gov.uk', 'admin'], env);
    assert.equal(granted.code, 0, granted.stderr);
    const revoked = await runCli(['user', 'revoke', 'only.admin@example.gov.uk', 'admin'], env);
    assert.equal(revoked.code, 0, revoked.stderr);
    const list = await runCli(['user', 'list', '--json'], env);
    const roles = Object.fromEntries(
      list.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { email: string; roles: string[] })
        .map((u) => [u.email, u.roles]),
    );
    assert.deepEqual(roles, { 'only.admin@example.gov.uk': [], 'officer@example.gov.uk': ['admin'] });
  });
});
