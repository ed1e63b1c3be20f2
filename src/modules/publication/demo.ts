import type { Tx } from '../../platform/db/database.ts';
import type { Audit } from '../../platform/commands.ts';
import { addDays, type IsoDate } from '../../domain/calendar/dates.ts';
import { publicationEntries, transparencyDatasets } from './schema.ts';
import { TRANSPARENCY_DATASETS } from './classes.ts';

const ENTRIES: { classCode: string; title: string; url: string }[] = [
  {
    classCode: 'who-we-are',
    title: 'Council structure and senior management',
    url: '/publication-scheme#who-we-are',
  },
  { classCode: 'who-we-are', title: 'Councillors and wards', url: '/publication-scheme#who-we-are' },
  {
    classCode: 'what-we-spend',
    title: 'Annual budget and statement of accounts',
    url: '/publication-scheme#what-we-spend',
  },
  { classCode: 'what-we-spend', title: 'Contracts register', url: '/publication-scheme#what-we-spend' },
  {
    classCode: 'priorities',
    title: 'Council plan and performance reports',
    url: '/publication-scheme#priorities',
  },
  {
    classCode: 'decisions',
    title: 'Committee agendas, reports and minutes',
    url: '/publication-scheme#decisions',
  },
  { classCode: 'policies', title: 'Information governance policies', url: '/publication-scheme#policies' },
  { classCode: 'policies', title: 'Privacy notices', url: '/publication-scheme#policies' },
  { classCode: 'registers', title: 'Planning applications register', url: '/publication-scheme#registers' },
  { classCode: 'registers', title: 'Licensing registers', url: '/publication-scheme#registers' },
  { classCode: 'services', title: 'Service directory', url: '/publication-scheme#services' },
  { classCode: 'datasets', title: 'Freedom of information statistics', url: '/disclosure-log' },
];

export async function seedDemoPublication(tx: Tx, audit: Audit, today: IsoDate): Promise<void> {
  await tx.insert(publicationEntries).values(ENTRIES);
  await tx.insert(transparencyDatasets).values(
    TRANSPARENCY_DATASETS.map((d, i) => ({
      code: d.code,
      title: d.title,
      frequency: d.frequency,
      lastPublishedOn:
        d.frequency === 'quarterly' ? addDays(today, -30 - i * 3) : addDays(today, -200 - i * 11),
      url: `/publication-scheme#transparency`,
    })),
  );
  await audit({
    action: 'demo.publication-seeded',
    entityType: 'installation',
    details: { entries: ENTRIES.length },
  });
}
