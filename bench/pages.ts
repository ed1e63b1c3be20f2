import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_EMAIL_DOMAIN } from '../src/platform/identity/demo.ts';
import { custodianBin, ms, printTable, ratio, start, stop, type Row } from './support.ts';
import { load, signIn } from './web.ts';

const CONNECTIONS = 10;

/**
 * The pages officers live in, each under load from the DPO's session (who sees every case) on the demo council:
 * the home page, the case list, a case, the reports and the public disclosure log, beside a bare Express page. Set
 * CUSTODIAN_BIN to another checkout's bin/custodian.js to measure that version on the same machine in the same run.
 */
export async function pagesBench(): Promise<void> {
  const bin = process.env.CUSTODIAN_BIN ?? custodianBin;
  const baseline = await start(
    process.execPath,
    ['--import', 'tsx', 'bench/peers/baseline-server.ts'],
    {},
    /listening on (\d+)/,
  );
  const bare = await load(`http://127.0.0.1:${baseline.match[1]}`, Array<string>(CONNECTIONS).fill(''));
  await stop(baseline.child);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodian-bench-'));
  const server = await start(
    process.execPath,
    [bin, 'serve', '--demo'],
    { CUSTODIAN_DATA_DIR: dir, PORT: '0', DATABASE_URL: '' },
    /running at (http:\/\/[\d.:]+)/,
  );
  const url = server.match[1]!;
  const rows: Row[] = [];
  try {
    const cookie = await signIn(url, `dpo@${DEMO_EMAIL_DOMAIN}`);
    const list = await (await fetch(`${url}/requests?view=all`, { headers: { cookie } })).text();
    const caseId = /href="\/requests\/(\d+)"/.exec(list)?.[1];
    if (!caseId) throw new Error('the demo case list shows no case');
    const pages: [string, string, string[]][] = [
      ['home page', '/', [cookie]],
      ['case list, all cases', '/requests?view=all', [cookie]],
      ['a case', `/requests/${caseId}`, [cookie]],
      ['reports', '/requests/reports', [cookie]],
      ['disclosure log (public)', '/disclosure-log', ['']],
    ];
    for (const [name, page, cookies] of pages) {
      const result = await load(url, Array<string>(CONNECTIONS).fill(cookies[0]!), page);
      if (result.errors) throw new Error(`${page} answered ${result.errors} errors under load`);
      rows.push({
        measure: `${name} p95, ${CONNECTIONS} connections, PGlite`,
        ours: ms(result.p95),
        peerName: 'bare Express+GOV.UK page',
        peer: ms(bare.p95),
        ratio: ratio(result.p95, bare.p95),
      });
    }
  } finally {
    await stop(server.child);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  printTable(`Pages under load (${path.relative(process.cwd(), bin) || bin})`, rows);
}
