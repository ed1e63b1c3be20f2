import { createTestDatabase, type DatabaseKind } from '../test/support/databases.ts';
import { recordClass } from '../test/support/factories.ts';
import { systemActor } from '../src/platform/audit/service.ts';
import { benchServices } from './services.ts';
import { ms, percentile, printTable, ratio, type Row } from './support.ts';

const FILES = Number(process.env.BENCH_RECORD_FILES ?? 200_000);
const FOLDERS = 20;
const TODAY = '2026-11-25';

/** Peak resident memory while `work` runs, sampled every 20 ms, above what it was at the start. */
async function withPeakMemory<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const result = await work();
    return { result, peakMb: (Math.max(peak, process.memoryUsage().rss) - base) / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

/**
 * FILES files of a discovery inventory put on the schedule by folder rules (half a six-year financial-year rule, half a
 * seven-year rule), against the floor: one INSERT … SELECT writing the same rows with the dates worked out in SQL.
 * Then the records-due page at that size, against the bare query for the same page.
 */
export async function recordsBench(kind: DatabaseKind): Promise<Row[]> {
  const database = await createTestDatabase(kind);
  try {
    const { services } = benchServices(database.db, new Date(`${TODAY}T10:00:00Z`));
    const actor = systemActor('Bench');
    const db = database.db;
    const [{ id: sourceId }] = (await db.query<{ id: number }>(
      `insert into discovery_sources (name, root_path) values ('Bench share', '/srv/share') returning id`,
      [],
    )) as [{ id: number }];
    // Sizes, times and hashes from the row number, so every run writes the same share.
    await db.query(
      `insert into inventory_files (source_id, path, size, mtime, inode, sha256, read_in_scan)
       select $1, '/srv/share/Folder ' || lpad((n % ${FOLDERS})::text, 2, '0') || '/Sub ' || (n % 7) || '/file-' || n || '.docx',
              1000 + (n * 7919) % 900000,
              timestamptz '2008-01-01' + ((n * 104729) % (19 * 365 * 86400)) * interval '1 second',
              n::text, md5(n::text) || md5((n + 1)::text), 1
       from generate_series(1::bigint, ${FILES}) n`,
      [sourceId],
    );
    await db.query('analyze inventory_files', []);
    const rule = (code: string, period: { years: number }, from: 'trigger' | 'financial-year-end') =>
      services.retentionSchedule.save(
        actor,
        recordClass({
          code,
          function: 'Bench',
          description: `Bench class ${code}`,
          trigger: 'last-modified',
          retention: { ...period, months: 0, days: 0 },
          from,
        }),
      );
    await rule('FIN-01', { years: 6 }, 'financial-year-end');
    await rule('HS-01', { years: 7 }, 'trigger');
    for (let f = 0; f < FOLDERS; f++)
      await services.retentionSchedule.addRule(actor, {
        source: 'files',
        scope: sourceId,
        selector: `Folder ${String(f).padStart(2, '0')}`,
        classCode: f % 2 ? 'FIN-01' : 'HS-01',
      });

    const first = performance.now();
    const { result, peakMb } = await withPeakMemory(() => services.recordScheduler.run(actor));
    const firstMs = performance.now() - first;
    const scheduled = result.find((r) => r.source === 'files')!.scheduled;
    if (scheduled !== FILES) throw new Error(`scheduled ${scheduled} of ${FILES}`);
    const again = performance.now();
    await services.recordScheduler.run(actor);
    const againMs = performance.now() - again;

    // The floor: the same rows written by one statement, the dates in SQL (London dates, financial year from April).
    // The same shape of table as the schedule's: its indexes and its class's foreign key.
    await db.query(`create table bench_items (like record_items including all)`, []);
    await db.query(`alter table bench_items add foreign key (class_id) references record_classes (id)`, []);
    const floor = performance.now();
    await db.query(
      `with f as (
         select i.source_id, substr(i.path, 12) as key, i.size, i.mtime, i.sha256,
                (i.mtime at time zone 'Europe/London')::date as day,
                split_part(substr(i.path, 12), '/', 1) as folder
         from inventory_files i where i.source_id = $1 and not i.gone)
       insert into bench_items (source, scope, key, title, class_id, class_version, trigger_on, until, size, fingerprint)
       select 'files', f.source_id, f.key, f.key, c.id, 1, f.day,
              case when c.code = 'FIN-01'
                then (make_date(extract(year from f.day - interval '3 months')::int + 1, 3, 31) + interval '6 years')::date
                else (f.day + interval '7 years')::date end,
              f.size, f.size || ':' || (extract(epoch from f.mtime) * 1000)::bigint || ':' || f.sha256
       from f join record_classification_rules r on r.source = 'files' and r.selector = f.folder
       join record_classes c on c.id = r.class_id`,
      [sourceId],
    );
    const floorMs = performance.now() - floor;
    // The floor for a rerun: every row's date worked out again and written by one bare UPDATE.
    const update = performance.now();
    await db.query(
      `update bench_items b set until = case when c.code = 'FIN-01'
           then (make_date(extract(year from b.trigger_on - interval '3 months')::int + 1, 3, 31) + interval '6 years')::date
           else (b.trigger_on + interval '7 years')::date end
       from record_classes c where c.id = b.class_id`,
      [],
    );
    const updateMs = performance.now() - update;

    const times: number[] = [];
    const rawTimes: number[] = [];
    for (let i = 0; i < 30; i++) {
      const a = performance.now();
      const page = await services.dueRecords.page(TODAY, { limit: 50, offset: 0 });
      times.push(performance.now() - a);
      if (!page.rows.length) throw new Error('nothing is due');
      const b = performance.now();
      await Promise.all([
        db.query(
          `select i.id, i.source, i.key, i.title, c.code, i.until, i.status, i.size
           from record_items i join record_classes c on c.id = i.class_id
           where i.status in ('scheduled', 'listed') and i.until < $1 and (i.keep_until is null or i.keep_until < $1)
           order by i.until, i.id limit 50`,
          [TODAY],
        ),
        db.query(
          `select count(*) from record_items i
           where i.status in ('scheduled', 'listed') and i.until < $1 and (i.keep_until is null or i.keep_until < $1)`,
          [TODAY],
        ),
      ]);
      rawTimes.push(performance.now() - b);
    }
    const perSecond = (FILES / firstMs) * 1000;
    const floorPerSecond = (FILES / floorMs) * 1000;
    return [
      {
        measure: `${kind}: files put on the schedule per second (${FILES.toLocaleString('en-GB')}, first run)`,
        ours: Math.round(perSecond).toLocaleString('en-GB'),
        peerName: 'one INSERT … SELECT, dates in SQL',
        peer: Math.round(floorPerSecond).toLocaleString('en-GB'),
        ratio: ratio(perSecond, floorPerSecond),
      },
      {
        measure: `${kind}: schedule run again, nothing changed`,
        ours: ms(againMs),
        peerName: 'one bare UPDATE of every row',
        peer: ms(updateMs),
        ratio: ratio(againMs, updateMs),
      },
      {
        measure: `${kind}: memory above the start during the first run`,
        ours: `${Math.round(peakMb)} MB`,
        peerName: '',
        peer: '',
        ratio: '',
      },
      {
        measure: `${kind}: records due, first page (p50 / p95 of 30)`,
        ours: `${ms(percentile(times, 50))} / ${ms(percentile(times, 95))}`,
        peerName: 'bare page and count queries',
        peer: `${ms(percentile(rawTimes, 50))} / ${ms(percentile(rawTimes, 95))}`,
        ratio: ratio(percentile(times, 95), percentile(rawTimes, 95)),
      },
    ];
  } finally {
    await database.close();
  }
}

export async function recordsBenchAll(): Promise<void> {
  const rows: Row[] = [];
  for (const kind of ['postgresql', 'pglite'] as DatabaseKind[]) rows.push(...(await recordsBench(kind)));
  printTable('Records: scheduling a share and the records due', rows);
}
