import { systemActor } from '../../platform/audit/service.ts';
import type { DemoContext } from '../../platform/modules.ts';
import { REQUESTS_CLASS, SEED_SCHEDULE } from '../../domain/records/seed-schedule.ts';
import * as repo from './repository.ts';
import { createClass } from './commands/schedule/save-class.ts';

/** Which of the demo council's directorates owns each function's records. */
const OWNERS: Record<string, string> = {
  Democracy: "Chief Executive's",
  Elections: "Chief Executive's",
  Governance: "Chief Executive's",
  'Information governance': 'Resources',
  'Human resources': 'Resources',
  'Health and safety': 'Resources',
  Finance: 'Resources',
  'Revenues and benefits': 'Resources',
  Property: 'Place',
  Planning: 'Place',
  Housing: 'Place',
  'Regulatory services': 'Place',
  'Bereavement services': 'Place',
  "Children's social care": "Children's Services",
  'Adult social care': "Adults' Social Care",
};

/** The demo council adopts the seed schedule, each function's classes owned by its directorate. */
export async function seedDemoSchedule(context: DemoContext): Promise<void> {
  const step = {
    tx: context.tx,
    audit: context.audit,
    actor: systemActor('Demo council'),
    now: new Date(`${context.today}T12:00:00Z`),
    sources: () => [],
  };
  const classes = new Map<string, number>();
  for (const row of SEED_SCHEDULE) {
    const c = await createClass(step, {
      ...row,
      ownerDirectorateId: context.directorates.get(OWNERS[row.function] ?? '') ?? null,
      variance:
        row.code === 'IG-01'
          ? 'The council keeps request files three years from closure, as Darlington does'
          : '',
      changeReason: 'Adopted from the seed schedule',
    });
    classes.set(c.code, c.id);
  }
  context.counts.recordClasses = SEED_SCHEDULE.length;
  // Every closed request is kept under IG-01; the first nightly schedule run is done as soon as the demo is seeded.
  for (const type of REQUEST_TYPES_KEPT) {
    const id = await repo.insertClassificationRule(context.tx, {
      source: 'requests',
      scope: 0,
      selector: type,
      classId: classes.get(REQUESTS_CLASS)!,
      createdBy: 'Demo council',
    });
    await context.audit({
      action: 'classification-rule.added',
      entityType: 'classification-rule',
      entityId: id,
      details: { source: 'requests', scope: 0, classCode: REQUESTS_CLASS },
    });
  }
  context.afterwards(async (services) => {
    await services.recordScheduler.run(systemActor('Retention schedule'));
  });
}

const REQUEST_TYPES_KEPT = [
  'foi',
  'eir',
  'sar',
  'rectification',
  'erasure',
  'objection',
  'restriction',
  'internal-review',
];
