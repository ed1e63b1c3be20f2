import { createApp } from '../src/app.ts';
import { systemActor } from '../src/platform/audit/service.ts';
import { createTestDatabase, type DatabaseKind } from '../test/support/databases.ts';
import { listen } from '../test/support/browser.ts';
import { benchServices } from './services.ts';
import { printTable, type Row } from './support.ts';
import { pagesBesideFloors } from './page-floors.ts';
import { signIn } from './web.ts';

const ASSETS = 5_000;
const ACTIVITIES = 10_000;
const SERVICES = 200;
const TODAY = '2026-11-25';

/**
 * The register's pages at a large council's size — 5,000 information assets and 10,000 processing activities across
 * 200 services, each activity linked to an asset, 400 sharing agreements — each page fetched 20 times by the DPO,
 * beside the bare SQL that reads the same rows (the floor any page over them stands on).
 */
export async function registerBench(kind: DatabaseKind): Promise<Row[]> {
  const database = await createTestDatabase(kind);
  const db = database.db;
  const { services } = benchServices(db, new Date(`${TODAY}T10:00:00Z`));
  const server = await listen(createApp(services, { sessionSecret: 'bench' }));
  try {
    const actor = systemActor('Bench');
    await services.users.create(actor, {
      email: 'dpo@bench.example',
      displayName: 'Bench DPO',
      password: 'custodian-demo',
      grants: [{ role: 'dpo', directorateId: null }],
      teamIds: [],
    });
    await services.register.saveController(actor, {
      address: 'Town Hall',
      email: 'dp@bench.example',
      dpoName: 'The DPO',
      dpoEmail: 'dpo@bench.example',
      icoRegistration: 'Z0000000',
    });
    await seed(db);
    const cookie = await signIn(server.url, 'dpo@bench.example');
    const pages: [string, string, string][] = [
      ['register front page', '/register', `select * from register_activities`],
      ['assets list', '/register/assets', `select * from register_assets order by name`],
      [
        'activities list with each record’s gaps',
        '/register/activities',
        `select * from register_activities order by service, name`,
      ],
      ['an activity', '/register/activities/5000', `select * from register_activities where id = 5000`],
      ['an asset', '/register/assets/2500', `select * from register_assets where id = 2500`],
      ['sharing with no agreement in force', '/register/sharing/gaps', `select * from register_activities`],
      [
        'record of processing as CSV',
        '/register/activities/export?format=csv',
        `select * from register_activities`,
      ],
    ];
    return await pagesBesideFloors(kind, db, server.url, cookie, pages);
  } finally {
    await server.close();
    await services.jobs.stop();
    await database.close();
  }
}

/** The register at size, written in a few statements (the pages are measured, not the writing). */
async function seed(db: Awaited<ReturnType<typeof createTestDatabase>>['db']) {
  await db.query(
    `insert into directorates (name) select 'Directorate ' || n from generate_series(1, 6) n`,
    [],
  );
  await db.query(
    `insert into register_assets (name, directorate_id, service, hosting, format, personal_data, data_categories,
       special_categories, volume, criticality, security_classification, next_review_on)
     select 'Asset ' || lpad(n::text, 5, '0'), (select min(id) from directorates) + n % 6, 'Service ' || (n % ${SERVICES}),
       'supplier', 'digital', true, '["Contact details","Case notes"]', (case when n % 3 = 0 then '["Health"]' else '[]' end)::jsonb,
       '1k-10k', 'medium', 'official', date '${TODAY}' + (n % 400 - 30)
     from generate_series(1, ${ASSETS}) n`,
    [],
  );
  await db.query(
    `insert into register_activities (name, directorate_id, service, purposes, article6, article6_justification,
       data_subjects, data_categories, special_categories, article9, recipients, retention, security_measures, source,
       next_review_on)
     select 'Activity ' || lpad(n::text, 5, '0'), (select min(id) from directorates) + n % 6, 'Service ' || (n % ${SERVICES}),
       '["Delivering the service"]', 'e', 'The service''s statute', '["Residents"]', '["Contact details"]',
       (case when n % 3 = 0 then '["Health"]' else '[]' end)::jsonb, case when n % 3 = 0 and n % 9 <> 0 then 'h' end,
       ('[{"name":"Team","external":false},{"name":"Partner ' || (n % 300) || '","external":true}]')::jsonb,
       case when n % 10 = 0 then '' else 'Six years' end, 'Role-based access', 'The people themselves',
       date '${TODAY}' + (n % 400 - 30)
     from generate_series(1, ${ACTIVITIES}) n`,
    [],
  );
  await db.query(
    `insert into register_activity_assets (activity_id, asset_id)
     select a.id, (a.id - 1) % ${ASSETS} + (select min(id) from register_assets) from register_activities a`,
    [],
  );
  await db.query(
    `insert into register_agreements (title, tier, purpose, gateways, starts_on, review_on)
     select 'Agreement ' || n, 'agreement', 'Sharing with partner ' || n, '["lga-1972-s111"]',
       date '${TODAY}' - 400, date '${TODAY}' + (n % 200 - 50)
     from generate_series(1, 400) n`,
    [],
  );
  await db.query(
    `insert into register_agreement_parties (agreement_id, organisation, role, signed_on)
     select g.id, p.name, p.role, date '${TODAY}' - 410
     from register_agreements g
     cross join lateral (values ('Council', 'lead'), ('Partner ' || (g.id % 300), 'partner')) as p(name, role)`,
    [],
  );
  await db.query(
    `insert into register_agreement_activities (agreement_id, activity_id)
     select g.id, a.id from register_agreements g join register_activities a on a.id % 400 = g.id % 400 and a.id % 2 = 0`,
    [],
  );
  for (const table of ['register_assets', 'register_activities', 'register_activity_assets'])
    await db.query(`analyze ${table}`, []);
}

export async function registerBenchAll(): Promise<void> {
  const rows: Row[] = [];
  for (const kind of ['postgresql', 'pglite'] as DatabaseKind[]) rows.push(...(await registerBench(kind)));
  printTable(
    `Register pages at ${ASSETS.toLocaleString('en-GB')} assets and ${ACTIVITIES.toLocaleString('en-GB')} activities`,
    rows,
  );
}
