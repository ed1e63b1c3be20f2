import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import supertest from 'supertest';
import { runCli, startCli, stop } from '../support/cli.ts';
import { csrfFrom } from '../support/app.ts';
import type { Command } from 'commander';
import { openPglite } from '../../src/platform/db/database.ts';
import { buildProgram } from '../../src/cli/main.ts';

/** The embedded database as an operator meets it: real processes, a real data directory. */
describe('embedded database and the command line', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodian-embedded-'));
    env = { CUSTODIAN_DATA_DIR: dir, DATABASE_URL: '', PORT: '0' };
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('serves the demo council, lets other commands work through its socket, and refuses a second server', async () => {
    const server = await startCli(
      ['serve', '--demo'],
      env,
      // Ready once the demo's accounts are printed, down to their last line.
      /running at (http:\/\/127\.0\.0\.1:\d+)[\s\S]*staff@[\s\S]*press Continue/,
    );
    try {
      const url = server.match[1]!;
      assert.match(server.output(), /password "custodian-demo"/);
      assert.match(server.output(), /sign in in two steps; the demo shows the code on the page/);
      const health = await (await fetch(`${url}/health`)).json();
      assert.equal(health.status, 'ok');
      assert.equal(health.database, 'pglite');

      // The demo's DPO signs in in two steps, the page giving the code of the published demo key.
      const dpo = supertest.agent(url);
      const page = await dpo.get('/sign-in');
      const password = await dpo
        .post('/sign-in')
        .type('form')
        .send({
          _csrf: csrfFrom(page.text),
          email: 'dpo@kingsmere.gov.example',
          password: 'custodian-demo',
          next: '/',
        });
      assert.equal(password.headers.location, '/sign-in/two-step');
      const step = await dpo.get('/sign-in/two-step');
      const code = /already filled in: (\d{6})\./.exec(step.text)?.[1];
      assert.ok(code, 'the demonstration council shows its code');
      const done = await dpo
        .post('/sign-in/two-step')
        .type('form')
        .send({ _csrf: csrfFrom(step.text), code });
      assert.equal(done.headers.location, '/');
      assert.match((await dpo.get('/')).text, /Hello, Priya Shah/);
      assert.equal(
        fs.statSync(path.join(dir, 'secret-key')).mode & 0o777,
        0o600,
        'the key is the service’s alone',
      );
      const list = await runCli(['user', 'list', '--json'], env);
      assert.equal(list.code, 0, list.stderr);
      assert.equal(list.stdout.trim().split('\n').length, 200);
      const added = await runCli(
        [
          'user',
          'add',
          '--email',
          'cli.person@example.gov.uk',
          '--name',
          'Cli Person',
          '--role',
          "asset_owner:Adults' Social Care",
        ],
        env,
      );
      assert.equal(added.code, 0, added.stderr);
      assert.match(added.stdout, /Password: \S{20,}/);
      const verify = await runCli(['audit', 'verify'], env);
      assert.equal(verify.code, 0, verify.stderr);
      assert.match(verify.stdout, /^ok \d+ events$/m);
      const second = await runCli(['serve'], { ...env, PORT: '0' });
      assert.notEqual(second.code, 0);
      assert.match(second.stderr, /already running on .* \(process \d+\)/);
      assert.doesNotMatch(second.stderr, /at .*\.(ts|js):\d+/);
    } finally {
      assert.equal(await stop(server.child), 0);
    }
    assert.equal(fs.existsSync(path.join(dir, 'custodian.lock')), false, 'the lock is released on stop');
  });

  it('opens the directory itself when no server runs, and deactivates a user', async () => {
    const res = await runCli(['user', 'deactivate', 'cli.person@example.gov.uk'], env);
    assert.equal(res.code, 0, res.stderr);
    const list = await runCli(['user', 'list', '--json', '--inactive'], env);
    const person = list.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .find((u) => u.email === 'cli.person@example.gov.uk');
    assert.equal(person.active, false);
    assert.deepEqual(person.roles.length, 1);
    const reset = await runCli(['user', 'reset-two-step', 'dpo@kingsmere.gov.example'], env);
    assert.equal(reset.code, 0, reset.stderr);
    assert.match(reset.stdout, /Reset two-step sign-in for user \d+/);
    assert.notEqual((await runCli(['user', 'reset-two-step', 'nobody@kingsmere.gov.example'], env)).code, 0);
  });

  it('finds a row changed behind the application’s back and names it', async () => {
    const db = await openPglite(dir);
    await db.exec(`alter table audit_events disable trigger audit_events_no_update_or_delete;
      update audit_events set actor_label = 'Someone else' where seq = 17;
      alter table audit_events enable trigger audit_events_no_update_or_delete;`);
    await db.close();
    const res = await runCli(['audit', 'verify'], env);
    assert.notEqual(res.code, 0);
    assert.match(res.stderr, /broken at event 17/);
  });

  it('says clearly when the data directory is damaged', async () => {
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'custodian-broken-'));
    try {
      fs.writeFileSync(path.join(broken, 'PG_VERSION'), 'garbage');
      fs.mkdirSync(path.join(broken, 'base'));
      fs.writeFileSync(path.join(broken, 'global'), 'not a directory');
      const res = await runCli(['user', 'list'], { ...env, CUSTODIAN_DATA_DIR: broken });
      assert.notEqual(res.code, 0);
      assert.match(
        res.stderr,
        /^custodian: Could not open the data directory .* as an embedded PostgreSQL database/,
      );
      assert.doesNotMatch(res.stderr, /wasm|WebAssembly| {4}at /);
    } finally {
      fs.rmSync(broken, { recursive: true, force: true });
    }
  });

  it('names the server it could not reach, without its password', async () => {
    const res = await runCli(['migrate'], {
      ...env,
      DATABASE_URL: 'postgres://custodian:s3cret@127.0.0.1:1/custodian',
    });
    assert.notEqual(res.code, 0);
    assert.equal(res.stderr.trim().split('\n').length, 1);
    assert.match(
      res.stderr,
      /Could not connect to the database at postgres:\/\/custodian:\*\*\*\*@127\.0\.0\.1:1\/custodian/,
    );
    assert.doesNotMatch(res.stderr, /s3cret/);
  });

  it('has --help on every command', async () => {
    const res = await runCli(['--help'], env);
    assert.equal(res.code, 0);
    assert.match(res.stdout, /^Usage: custodian/m);
    const all = (c: Command): Command[] => [c, ...c.commands.flatMap(all)];
    const program = await buildProgram();
    for (const command of all(program)) {
      let text = '';
      command.configureOutput({ writeOut: (s) => (text += s), writeErr: (s) => (text += s) });
      command.outputHelp();
      assert.match(text, /^Usage: /m, command.name());
      assert.ok(command.description().length > 0, `${command.name()} has a description`);
    }
  });
});
