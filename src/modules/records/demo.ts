import { systemActor } from '../../platform/audit/service.ts';
import type { DemoContext } from '../../platform/modules.ts';
import { SEED_SCHEDULE } from '../../domain/records/seed-schedule.ts';
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
  };
  for (const row of SEED_SCHEDULE)
    await createClass(step, {
      ...row,
      ownerDirectorateId: context.directorates.get(OWNERS[row.function] ?? '') ?? null,
      variance:
        row.code === 'IG-01'
          ? 'The council keeps request files three years from closure, as Darlington does'
          : '',
      changeReason: 'Adopted from the seed schedule',
    });
  context.counts.recordClasses = SEED_SCHEDULE.length;
}
