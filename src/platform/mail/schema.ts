import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

/** Every message Custodian sends, kept as sent (a record of correspondence) and delivered by a job. */
export const outbox = pgTable(
  'outbox',
  {
    id: serial('id').primaryKey(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** What it concerns, e.g. request-case:42. */
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [index('outbox_unsent').on(t.sentAt, t.id), index('outbox_entity').on(t.entityType, t.entityId)],
);
