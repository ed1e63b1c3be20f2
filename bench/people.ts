import { parse } from 'csv-parse/sync';
import { systemActor } from '../src/platform/audit/service.ts';
import { createTestDatabase, type DatabaseKind } from '../test/support/databases.ts';
import { hrFile, type HrCells } from '../test/support/staff.ts';
import { SeededRandom } from '../src/domain/shared/random.ts';
import { addDays } from '../src/domain/calendar/dates.ts';
import { WORKER_TYPES } from '../src/domain/staff/hr-file.ts';
import { benchServices } from './services.ts';
import { ms, percentile, printTable, ratio, type Row } from './support.ts';
import { timed } from './page-floors.ts';

const PEOPLE = 50_000;
const COURSES = 5;
const YEARS = 3;
const ON = '2026-11-25';
const actor = systemActor('Bench');

/** A large county's establishment: 50,000 people in 8 directorates and 400 teams, managed team by team. */
function establishment(): HrCells[] {
  const random = new SeededRandom(50_000);
  const people: HrCells[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const team = i % 400;
    const manager = team; // the first 400 people manage a team each
    const start = addDays('2005-01-01', random.int(0, 7900));
    people.push({
      employee_id: `E${i}`,
      name: `Person ${i}`,
      email: random.chance(0.95) ? `person.${i}@county.example` : '',
      directorate: `Directorate ${team % 8}`,
      team: `Team ${team}`,
      job_title: 'Officer',
      line_manager_email: i >= 400 ? `person.${manager}@county.example` : '',
      start_date: start,
      leave_date: random.chance(0.08) ? addDays(start, random.int(30, 3000)) : '',
      worker_type: random.chance(0.9) ? 'employee' : random.pick(WORKER_TYPES),
      personal_data_access: random.chance(0.9) ? 'yes' : 'no',
    });
  }
  // Managers need addresses.
  for (let i = 0; i < 400; i++) people[i]!.email = `person.${i}@county.example`;
  return people;
}

/** Peak heap while work runs, sampled every 20 ms, above what was in use before it. */
async function withPeakMemory<T>(
  work: () => Promise<T>,
): Promise<{ result: T; seconds: number; peakMb: number }> {
  global.gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
  const started = performance.now();
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return { result, seconds: (performance.now() - started) / 1000, peakMb: (peak - base) / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

/**
 * The HR import of 50,000 people (first load, and the nightly re-run of an unchanged file) beside the floor any importer
 * stands on — reading the CSV and inserting its rows in batches — and the training report for 50,000 people with five
 * courses and three years of attempts beside the bare SQL aggregate of the same counts.
 */
export async function peopleBench(kind: DatabaseKind): Promise<Row[]> {
  const database = await createTestDatabase(kind);
  const db = database.db;
  const { services } = benchServices(db, new Date(`${ON}T10:00:00Z`));
  try {
    const file = hrFile(establishment());
    const first = await withPeakMemory(() =>
      services.staff.import(actor, { name: 'hr.csv', bytes: file }, { dryRun: false }),
    );
    const again = await withPeakMemory(() =>
      services.staff.import(actor, { name: 'hr.csv', bytes: file }, { dryRun: false }),
    );
    const floor = await withPeakMemory(async () => {
      await db.query('create temporary table hr_floor (like staff_members including defaults)', []);
      const rows = parse(file, { columns: true, bom: true }) as Record<string, string>[];
      for (let i = 0; i < rows.length; i += 1000) {
        const batch = rows.slice(i, i + 1000);
        const params: unknown[] = [];
        const values = batch.map((r, j) => {
          params.push(
            r.employee_id,
            r.name,
            r.email || null,
            r.start_date,
            r.leave_date || null,
            r.worker_type,
            r.personal_data_access === 'yes',
          );
          const b = j * 7;
          return `($${b + 1}, $${b + 2}, $${b + 3}, 1, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7})`;
        });
        await db.query(
          `insert into hr_floor (employee_id, name, email, directorate_id, start_date, leave_date, worker_type, personal_data_access) values ${values.join(',')}`,
          params,
        );
      }
    });
    if (first.result.plan.created.length !== PEOPLE || again.result.plan.unchanged !== PEOPLE)
      throw new Error('the import did not load the establishment');
    const rows: Row[] = [
      {
        measure: `${kind}: HR import, ${PEOPLE.toLocaleString('en-GB')} new people (s, peak memory added)`,
        ours: `${first.seconds.toFixed(1)} s, ${first.peakMb.toFixed(0)} MB`,
        peerName: 'parse the CSV, insert its rows in batches',
        peer: `${floor.seconds.toFixed(1)} s, ${floor.peakMb.toFixed(0)} MB`,
        ratio: ratio(first.seconds, floor.seconds),
      },
      {
        measure: `${kind}: HR import again, nothing changed`,
        ours: `${again.seconds.toFixed(1)} s, ${again.peakMb.toFixed(0)} MB`,
        peerName: 'the same floor',
        peer: `${floor.seconds.toFixed(1)} s`,
        ratio: ratio(again.seconds, floor.seconds),
      },
    ];

    for (let c = 1; c <= COURSES; c++)
      await services.training.addCourse(actor, {
        code: `C${c}`,
        title: `Course ${c}`,
        mandatory: true,
        refreshMonths: 12,
        audienceDirectorateIds: [],
        xapiActivityIds: [],
      });
    // Three years of attempts: each person, each course, about once a year, a tenth of them failed first.
    await db.query(
      `insert into training_completions (staff_id, course_id, status, completed_on, source)
       select s.id, c.id, case when (s.id + y) % 10 = 0 then 'failed' else 'passed' end,
              date '${ON}' - (y * 365 + (s.id * 7 + c.id * 13) % 365), 'csv'
       from staff_members s cross join training_courses c cross join generate_series(0, ${YEARS - 1}) y
       on conflict do nothing`,
      [],
    );
    for (const table of ['staff_members', 'staff_postings', 'training_completions'])
      await db.query(`analyze ${table}`, []);
    const [{ n }] = (await db.query<{ n: number }>(
      'select count(*)::int as n from training_completions',
      [],
    )) as [{ n: number }];
    const report = await timed(() => services.training.report('C3', ON), 5);
    const heap = await withPeakMemory(() => services.training.report('C3', ON));
    const bare = await timed(
      () =>
        db.query(
          `select s.directorate_id, count(*), count(t.staff_id) from staff_members s
           left join (select distinct staff_id from training_completions
                      where course_id = (select id from training_courses where code = 'C3') and status in ('completed', 'passed')
                        and completed_on <= date '${ON}' and completed_on > date '${ON}' - interval '12 months') t on t.staff_id = s.id
           where s.personal_data_access and s.start_date <= date '${ON}' - interval '1 month'
             and (s.leave_date is null or s.leave_date >= date '${ON}')
           group by s.directorate_id`,
          [],
        ),
      5,
    );
    rows.push({
      measure: `${kind}: training report, ${PEOPLE.toLocaleString('en-GB')} people, ${n.toLocaleString('en-GB')} attempts (p50 / p95 of 5; memory added ${heap.peakMb.toFixed(0)} MB)`,
      ours: `${ms(percentile(report, 50))} / ${ms(percentile(report, 95))}`,
      peerName: 'bare SQL aggregate of the counts',
      peer: `${ms(percentile(bare, 50))} / ${ms(percentile(bare, 95))}`,
      ratio: ratio(percentile(report, 95), percentile(bare, 95)),
    });
    return rows;
  } finally {
    await services.jobs.stop();
    await database.close();
  }
}

export async function peopleBenchAll(): Promise<void> {
  const rows: Row[] = [];
  for (const kind of ['postgresql', 'pglite'] as DatabaseKind[]) rows.push(...(await peopleBench(kind)));
  printTable(`Staff and training at ${PEOPLE.toLocaleString('en-GB')} people`, rows);
}
