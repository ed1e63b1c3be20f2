import { date, index, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

/** An item the council publishes routinely, under one of the ICO model publication scheme's classes. */
export const publicationEntries = pgTable(
  'publication_entries',
  {
    id: serial('id').primaryKey(),
    classCode: text('class_code').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    url: text('url').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('publication_entries_class').on(t.classCode)],
);

/** A Local Government Transparency Code 2015 dataset and when it was last published. */
export const transparencyDatasets = pgTable('transparency_datasets', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  title: text('title').notNull(),
  frequency: text('frequency').notNull(),
  url: text('url'),
  lastPublishedOn: date('last_published_on'),
});
