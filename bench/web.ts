import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import autocannon from 'autocannon';
import pg from 'pg';
import { custodianBin, ms, percentile, printTable, ratio, start, stop, type Row } from './support.ts';
import { codeAt } from '../src/platform/identity/two-step.ts';

const USERS = 20;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);

/** Authenticator keys set up by the benchmarks' own sign-ins, for their later ones. */
const authenticatorKeys = new Map<string, string>();

/**
 * Signs in as a user with the demo password and returns the session cookie, giving the second step where the account
 * has one: the demo's published key's code from the page, or a key the bench set up (from the set-up page's key).
 */
export async function signIn(url: string, email: string): Promise<string> {
  const cookies = new Map<string, string>();
  const go = async (path: string, form?: Record<string, string>) => {
    const res = await fetch(`${url}${path}`, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: form ? new URLSearchParams(form) : undefined,
    });
    for (const set of res.headers.getSetCookie()) {
      const [name, value] = set.split(';')[0]!.split('=');
      cookies.set(name!, value ?? '');
    }
    return { res, text: await res.text() };
  };
  const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
  const page = await go('/sign-in');
  const first = await go('/sign-in', { _csrf: csrfOf(page.text), email, password: 'custodian-demo' });
  if (first.res.status !== 303) throw new Error(`sign-in failed for ${email}: ${first.res.status}`);
  const next = first.res.headers.get('location')!;
  if (next.startsWith('/sign-in/two-step')) {
    const step = await go(next);
    const shownKey = /app-secret-key">([A-Z2-7 ]+)</.exec(step.text)?.[1]?.replace(/ /g, '');
    if (shownKey) authenticatorKeys.set(email, shownKey);
    const key = authenticatorKeys.get(email);
    const code = key ? codeAt(key, new Date()) : /already filled in: (\d{6})\./.exec(step.text)?.[1];
    if (!code) throw new Error(`no code for ${email}'s second step`);
    const done = await go(next, { _csrf: csrfOf(step.text), code });
    if (done.res.status >= 400) throw new Error(`the second step failed for ${email}: ${done.res.status}`);
  }
  return `custodian=${cookies.get('custodian')}`;
}

/** Load on one page with one connection per cookie; p95 from every response's own time. */
export async function load(
  url: string,
  cookies: string[],
  page = '/',
): Promise<{ p50: number; p95: number; rps: number; errors: number }> {
  const times: number[] = [];
  let next = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}${page}`,
        connections: cookies.length || USERS,
        duration: DURATION_S,
        setupClient: (client) => {
          const cookie = cookies[next++ % Math.max(1, cookies.length)];
          if (cookie) client.setHeaders({ cookie });
        },
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) times.push(responseTime);
    });
  });
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    rps: result.requests.average,
    errors: result.non2xx + result.errors,
  };
}

async function emails(env: NodeJS.ProcessEnv): Promise<string[]> {
  const out = execFileSync(process.execPath, [custodianBin, 'user', 'list', '--json'], {
    env: { ...process.env, ...env },
  }).toString();
  return out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l).email as string)
    .slice(0, USERS);
}

export async function webBench(): Promise<void> {
  const rows: Row[] = [];
  const baseline = await start(
    process.execPath,
    ['--import', 'tsx', 'bench/peers/baseline-server.ts'],
    {},
    /listening on (\d+)/,
  );
  const baselineResult = await load(`http://127.0.0.1:${baseline.match[1]}`, []);
  await stop(baseline.child);

  // Cold start: a fresh data directory, from process start to the first served page.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodian-bench-'));
  const started = performance.now();
  const server = await start(
    process.execPath,
    [custodianBin, 'serve', '--demo'],
    { CUSTODIAN_DATA_DIR: dir, PORT: '0', DATABASE_URL: '' },
    /running at (http:\/\/[\d.:]+)/,
  );
  const url = server.match[1]!;
  const first = await fetch(`${url}/sign-in`);
  const coldMs = performance.now() - started;
  if (first.status !== 200) throw new Error('first page failed');
  const cookies = await Promise.all(
    (await emails({ CUSTODIAN_DATA_DIR: dir, DATABASE_URL: '' })).map((e) => signIn(url, e)),
  );
  const embedded = await load(url, cookies);
  await stop(server.child);
  const warmStarted = performance.now();
  const warm = await start(
    process.execPath,
    [custodianBin, 'serve', '--demo'],
    { CUSTODIAN_DATA_DIR: dir, PORT: '0', DATABASE_URL: '' },
    /running at (http:\/\/[\d.:]+)/,
  );
  await fetch(`${warm.match[1]}/sign-in`);
  const warmMs = performance.now() - warmStarted;
  await stop(warm.child);
  fs.rmSync(dir, { recursive: true, force: true });

  rows.push({
    measure: 'cold start to first page (fresh data dir, demo seed)',
    ours: ms(coldMs),
    peerName: '-',
    peer: '-',
    ratio: '-',
  });
  rows.push({
    measure: 'warm start to first page (existing data dir)',
    ours: ms(warmMs),
    peerName: '-',
    peer: '-',
    ratio: '-',
  });
  rows.push({
    measure: `home page p95, ${USERS} signed-in users, PGlite`,
    ours: ms(embedded.p95),
    peerName: 'bare Express+GOV.UK page',
    peer: ms(baselineResult.p95),
    ratio: ratio(embedded.p95, baselineResult.p95),
  });
  rows.push({
    measure: `home page p50, PGlite`,
    ours: ms(embedded.p50),
    peerName: 'bare Express+GOV.UK page',
    peer: ms(baselineResult.p50),
    ratio: ratio(embedded.p50, baselineResult.p50),
  });
  rows.push({
    measure: `home page requests/s, PGlite`,
    ours: embedded.rps.toFixed(0),
    peerName: 'bare Express+GOV.UK page',
    peer: baselineResult.rps.toFixed(0),
    ratio: ratio(embedded.rps, baselineResult.rps),
  });

  const admin = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `custodian_bench_${process.pid}`;
  const client = new pg.Client({ connectionString: admin });
  try {
    await client.connect();
    await client.query(`create database ${name}`);
    const u = new URL(admin);
    u.pathname = `/${name}`;
    const env = { DATABASE_URL: u.toString(), PORT: '0' };
    const pgServer = await start(
      process.execPath,
      [custodianBin, 'serve', '--demo'],
      env,
      /running at (http:\/\/[\d.:]+)/,
    );
    const pgUrl = pgServer.match[1]!;
    const pgCookies = await Promise.all((await emails(env)).map((e) => signIn(pgUrl, e)));
    const onServer = await load(pgUrl, pgCookies);
    await stop(pgServer.child);
    rows.push({
      measure: `home page p95, ${USERS} signed-in users, PostgreSQL`,
      ours: ms(onServer.p95),
      peerName: 'bare Express+GOV.UK page',
      peer: ms(baselineResult.p95),
      ratio: ratio(onServer.p95, baselineResult.p95),
    });
    rows.push({
      measure: `home page requests/s, PostgreSQL`,
      ours: onServer.rps.toFixed(0),
      peerName: 'bare Express+GOV.UK page',
      peer: baselineResult.rps.toFixed(0),
      ratio: ratio(onServer.rps, baselineResult.rps),
    });
    await client.query(`drop database ${name} with (force)`);
  } catch (error) {
    rows.push({
      measure: 'PostgreSQL server',
      ours: `skipped: ${(error as Error).message.split('\n')[0]}`,
      peerName: '-',
      peer: '-',
      ratio: '-',
    });
  } finally {
    await client.end().catch(() => undefined);
  }
  printTable(
    `Web: start-up and the home page (${DURATION_S} s of load each, errors: PGlite ${embedded.errors})`,
    rows,
  );
}
