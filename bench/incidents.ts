import { createApp } from '../src/app.ts';
import { systemActor } from '../src/platform/audit/service.ts';
import { createTestDatabase, type DatabaseKind } from '../test/support/databases.ts';
import { listen } from '../test/support/browser.ts';
import { CAUSES } from '../src/domain/incidents/taxonomy.ts';
import { benchServices } from './services.ts';
import { ms, percentile, printTable, ratio, type Row } from './support.ts';
import { signIn } from './web.ts';
import { pagesBesideFloors, timed } from './page-floors.ts';

const INCIDENTS = 20_000;
const RUNNING = 50;
const NOW = '2026-11-25T10:00:00Z';

/**
 * The incidents pages at many times a council's volume — 20,000 incidents over two years (a large council logs a few
 * hundred a year), 10,000 actions, 50 breaches on the ICO clock — each page fetched by the DPO beside the bare SQL
 * that reads its rows; and one run of the escalation job beside the SQL that finds what it must look at.
 */
export async function incidentsBench(kind: DatabaseKind): Promise<Row[]> {
  const database = await createTestDatabase(kind);
  const db = database.db;
  const { services } = benchServices(db, new Date(NOW));
  const server = await listen(createApp(services, { sessionSecret: 'bench' }));
  try {
    await services.users.create(systemActor('Bench'), {
      email: 'dpo@bench.example',
      displayName: 'Bench DPO',
      password: 'custodian-demo',
      grants: [{ role: 'dpo', directorateId: null }],
      teamIds: [],
    });
    await seed(db);
    const cookie = await signIn(server.url, 'dpo@bench.example');
    const rows = await pagesBesideFloors(kind, db, server.url, cookie, [
      [
        'home page with the open breaches',
        '/',
        `select * from incidents where classification = 'breach' and status <> 'closed' and ico_reported_at is null`,
      ],
      [
        'incidents list',
        '/incidents',
        `select * from incidents where status <> 'closed' order by reported_at desc limit 50`,
      ],
      [
        'trends over 24 months',
        '/incidents/trends',
        `select reported_at, classification, near_miss_reported, cause, breach_types, service, directorate_id, triaged_at, triage_due_at, ico_decision, aware_at, ico_reported_at from incidents where reported_at >= timestamptz '${NOW}' - interval '24 months'`,
      ],
      [
        'trends as CSV',
        '/incidents/trends.csv',
        `select reported_at, classification, near_miss_reported, cause, breach_types, service, directorate_id, triaged_at, triage_due_at, ico_decision, aware_at, ico_reported_at from incidents where reported_at >= timestamptz '${NOW}' - interval '24 months'`,
      ],
      ['a case', '/incidents/10000', `select * from incidents where id = 10000`],
    ]);
    const job = await timed(() => services.incidentJobs.escalate(), 5);
    const floor = await timed(
      () =>
        db.query(
          `select * from incidents where status = 'reported' or (classification = 'breach' and status <> 'closed' and ico_reported_at is null)`,
          [],
        ),
      5,
    );
    rows.push({
      measure: `${kind}: escalation job, one run (p50 / p95 of 5)`,
      ours: `${ms(percentile(job, 50))} / ${ms(percentile(job, 95))}`,
      peerName: 'bare SQL of the cases it reads',
      peer: `${ms(percentile(floor, 50))} / ${ms(percentile(floor, 95))}`,
      ratio: ratio(percentile(job, 95), percentile(floor, 95)),
    });
    return rows;
  } finally {
    await server.close();
    await services.jobs.stop();
    await database.close();
  }
}

/** The incidents at size, written in a few statements (the pages are measured, not the writing). */
async function seed(db: Awaited<ReturnType<typeof createTestDatabase>>['db']) {
  const causes = Object.keys(CAUSES);
  await db.query(
    `insert into directorates (name) select 'Directorate ' || n from generate_series(1, 6) n`,
    [],
  );
  await db.query(
    `insert into incidents (reference, status, reporter_kind, reported_at, summary, triage_due_at, classification,
       aware_at, triaged_at, directorate_id, service, cause, breach_types, likelihood, severity, ico_decision,
       ico_reported_at, closed_at, lessons_reviewed_at)
     select 'INC-' || n, case when n > ${INCIDENTS - RUNNING} then 'triaged' else 'closed' end, 'staff',
       t.at, 'Something was sent to the wrong person', t.at + interval '4 hours',
       case when n % 5 = 0 then 'near-miss' else 'breach' end, t.at, t.at + interval '2 hours',
       (select min(id) from directorates) + n % 6, 'Service ' || (n % 40),
       (array[${causes.map((c) => `'${c}'`).join(',')}])[1 + n % ${causes.length}], '["confidentiality"]',
       'possible', 'significant',
       case when n > ${INCIDENTS - RUNNING} then null when n % 7 = 0 then 'report' else 'do-not-report' end,
       case when n % 7 = 0 and n <= ${INCIDENTS - RUNNING} then t.at + interval '30 hours' end,
       case when n <= ${INCIDENTS - RUNNING} then t.at + interval '10 days' end,
       case when n <= ${INCIDENTS - RUNNING} then t.at + interval '9 days' end
     from generate_series(1, ${INCIDENTS}) n
     cross join lateral (select case when n > ${INCIDENTS - RUNNING}
       then timestamptz '${NOW}' - (n % 60) * interval '1 hour'
       else timestamptz '${NOW}' - (n % 730) * interval '1 day' - (n % 8) * interval '1 hour' end as at) t`,
    [],
  );
  await db.query(
    `insert into incident_actions (incident_id, kind, description, owner_id, due_on, done_at, evidence)
     select i.id, 'containment', 'Ask for deletion', (select min(id) from users), (i.reported_at + interval '2 days')::date,
       i.reported_at + interval '1 day', 'Confirmed'
     from incidents i where i.id % 2 = 0`,
    [],
  );
  for (const table of ['incidents', 'incident_actions']) await db.query(`analyze ${table}`, []);
}

export async function incidentsBenchAll(): Promise<void> {
  const rows: Row[] = [];
  for (const kind of ['postgresql', 'pglite'] as DatabaseKind[]) rows.push(...(await incidentsBench(kind)));
  printTable(`Incidents pages at ${INCIDENTS.toLocaleString('en-GB')} incidents`, rows);
}
