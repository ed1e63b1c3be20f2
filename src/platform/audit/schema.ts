import { bigint, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The append-only, hash-chained audit trail. A trigger (migration 0001) makes the database refuse UPDATE, DELETE and
 * TRUNCATE; `seq` is contiguous (assigned under an advisory lock), so a removed row shows as a gap.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    details: jsonb('details').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_occurred_at').on(t.occurredAt),
    index('audit_events_actor').on(t.actorType, t.actorId),
    index('audit_events_entity').on(t.entityType, t.entityId),
    index('audit_events_action').on(t.action),
  ],
);
