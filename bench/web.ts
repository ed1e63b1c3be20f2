import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import autocannon from 'autocannon';
import pg from 'pg';
import { custodianBin, ms, percentile, printTable, ratio, start, stop, type Row } from './support.ts';

const USERS = 20;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);

/** Signs in as a demo user and returns the session cookie. */
export async function signIn(url: string, email: string): Promise<string> {
  const page = await fetch(`${url}/sign-in`);
  const cookie = page.headers.getSetCookie()[0]!.split(';')[0]!;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  const res = await fetch(`${url}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, email, password: 'custodian-demo' }),
  });
  if (res.status !== 303) throw new Error(`sign-in failed for ${email}: ${res.status}`);
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
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
