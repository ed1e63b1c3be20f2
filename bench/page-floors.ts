import http from 'node:http';
import type { Database } from '../src/platform/db/database.ts';
import { ms, percentile, ratio, type Row } from './support.ts';

/** How many times each page and its floor are fetched (after one warm-up). */
export const RUNS = 20;

/**
 * Each page fetched RUNS times by a signed-in user, beside the bare SQL that reads the same rows — the floor any page
 * over them stands on: p50 / p95 of each, and the ratio of the p95s.
 */
export async function pagesBesideFloors(
  kind: string,
  db: Database,
  url: string,
  cookie: string,
  pages: readonly (readonly [name: string, path: string, floor: string])[],
): Promise<Row[]> {
  const rows: Row[] = [];
  for (const [name, path, floor] of pages) {
    const times = await timed(async () => {
      const status = await get(`${url}${path}`, cookie);
      if (status !== 200) throw new Error(`${path} answered ${status}`);
    });
    const floorTimes = await timed(() => db.query(floor, []));
    rows.push({
      measure: `${kind}: ${name} (p50 / p95 of ${RUNS})`,
      ours: `${ms(percentile(times, 50))} / ${ms(percentile(times, 95))}`,
      peerName: 'bare SQL of its rows',
      peer: `${ms(percentile(floorTimes, 50))} / ${ms(percentile(floorTimes, 95))}`,
      ratio: ratio(percentile(times, 95), percentile(floorTimes, 95)),
    });
  }
  return rows;
}

/**
 * A page read to its end on a connection of its own: the bare SQL between pages can outlast the server's keep-alive,
 * and a reused connection closed under it would fail the run.
 */
function get(url: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { cookie }, agent: false }, (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

export async function timed(work: () => Promise<unknown>, runs = RUNS): Promise<number[]> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times;
}
