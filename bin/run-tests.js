#!/usr/bin/env node
// Runs every *.test.ts under src/ and test/ with Node's test runner (through tsx), files in parallel.
// Integration tests run on an in-memory PGlite and on the PostgreSQL server at TEST_DATABASE_URL.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function find(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : find(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

const filter = process.argv.slice(2);
// The longest files first (the browser journeys, then the command line's real processes), so that two files run
// side by side to the end of the run instead of one long file running alone after the rest have finished.
const FIRST = ['test/browser/', 'test/cli/', 'test/'];
const rank = (file) => {
  const at = FIRST.findIndex((dir) => file.startsWith(dir));
  return at === -1 ? FIRST.length : at;
};
const files = [...find('test'), ...find('src')]
  .filter((f) => filter.length === 0 || filter.some((x) => f.includes(x)))
  .sort((a, b) => rank(a) - rank(b));
const env = {
  ...process.env,
  TEST_DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
};
// One migrated database of each kind for the whole run, which every test file's databases are copied from (see
// test/support/pglite-template.ts and databases.ts): migrating each file's own from nothing was most of a run's CPU.
const templateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodian-test-'));
const postgresTemplate = `custodian_test_template_${process.pid}`;
const templates = (...args) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'test/support/templates.ts', ...args], {
    stdio: 'inherit',
    env,
  });
const made = templates('make', path.join(templateDir, 'pglite.tar'), postgresTemplate);
if (made.status !== 0) process.exit(made.status ?? 1);
env.CUSTODIAN_TEST_PGLITE_TEMPLATE = path.join(templateDir, 'pglite.tar');
env.CUSTODIAN_TEST_POSTGRES_TEMPLATE = postgresTemplate;
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { stdio: 'inherit', env },
);
fs.rmSync(templateDir, { recursive: true, force: true });
templates('drop', postgresTemplate);
process.exit(result.status ?? 1);
