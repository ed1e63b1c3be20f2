import { jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

/** Bank holiday lists an administrator imported from GOV.UK; the newest is in force. */
export const holidayCalendars = pgTable('holiday_calendars', {
  id: serial('id').primaryKey(),
  version: text('version').notNull().unique(),
  sha256: text('sha256').notNull(),
  feed: jsonb('feed').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});
