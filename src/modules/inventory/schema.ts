import { date, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * Files destroyed by a disposal list, from the moment the list's transaction marks them destroyed to their removal
 * from disk: `to-remove` (committed; the file is still where it was), `quarantined` (moved to the quarantine folder,
 * removed for good on `purge_on`), `purged`, or `missing` (already gone from the share when its turn came). Written in
 * the disposal's transaction and worked through afterwards, so a crash between the two is finished on the next run.
 */
export const inventoryFileDisposals = pgTable(
  'inventory_file_disposals',
  {
    sourceId: integer('source_id').notNull(),
    path: text('path').notNull(),
    certificate: text('certificate').notNull(),
    state: text('state').notNull().default('to-remove'),
    /** Where in the quarantine folder it waits, relative to that folder. */
    quarantinePath: text('quarantine_path'),
    purgeOn: date('purge_on').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sourceId, t.path] })],
);
