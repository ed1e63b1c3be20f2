import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { directorates } from '../../platform/identity/schema.ts';

/**
 * A class of the retention schedule: its code and owner. What it is and how long its records are kept live in its
 * versions (record_class_versions); `currentVersion` names the one in force.
 */
export const recordClasses = pgTable('record_classes', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  currentVersion: integer('current_version').notNull(),
  /** The directorate whose asset owner reviews the class's disposal lists. */
  ownerDirectorateId: integer('owner_directorate_id').references(() => directorates.id),
  /** Optimistic locking for edits in the browser. */
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Every version of a class's definition and rule, never changed once written: a record keeps the version it was
 * scheduled under, so a disposal can always say which rule, on whose authority, applied.
 */
export const recordClassVersions = pgTable(
  'record_class_versions',
  {
    classId: integer('class_id')
      .notNull()
      .references(() => recordClasses.id),
    version: integer('version').notNull(),
    function: text('function').notNull(),
    activity: text('activity').notNull(),
    description: text('description').notNull(),
    trigger: text('trigger').notNull(),
    /** An ISO 8601 duration ("P6Y") or "permanent". */
    period: text('period').notNull(),
    from: text('counted_from').notNull(),
    action: text('action').notNull(),
    authority: text('authority').notNull(),
    authorityUrl: text('authority_url'),
    personalData: boolean('personal_data').notNull(),
    specialCategory: boolean('special_category').notNull(),
    notes: text('notes').notNull(),
    /** Why this council's rule differs from the guidance it came from, where it does. */
    variance: text('variance').notNull().default(''),
    /** Why this version was made (an import, a review of the schedule …). */
    changeReason: text('change_reason').notNull(),
    changedBy: text('changed_by').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.classId, t.version] })],
);

/**
 * Which class a source's records belong to: for files, everything under a folder of a discovery source (the longest
 * matching folder wins); for requests, a case type. Classification by content comes later through the same table.
 */
export const classificationRules = pgTable(
  'record_classification_rules',
  {
    id: serial('id').primaryKey(),
    /** The record source: "files", "requests" … */
    source: text('source').notNull(),
    /** Within the source: a discovery source's id for files; 0 where the source has no parts. */
    scope: integer('scope').notNull().default(0),
    /** A folder path for files ("/Planning/Decisions"), a case type for requests. */
    selector: text('selector').notNull(),
    classId: integer('class_id')
      .notNull()
      .references(() => recordClasses.id),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('record_classification_rules_selector').on(t.source, t.scope, t.selector)],
);

/**
 * Every record on the schedule, whatever holds it: a closed case, a file on a share, later a breach or a paper box.
 * `scope` and `key` identify it within its source (a discovery source and a path; 0 and a case id). Large: one row a
 * classified file, so the source is part of every key and nothing here holds the record's content.
 */
export const recordItems = pgTable(
  'record_items',
  {
    id: serial('id').primaryKey(),
    source: text('source').notNull(),
    scope: integer('scope').notNull(),
    key: text('key').notNull(),
    /** What reviewers see: a case reference, a file's path. */
    title: text('title').notNull(),
    classId: integer('class_id')
      .notNull()
      .references(() => recordClasses.id),
    classVersion: integer('class_version').notNull(),
    /** A class a reviewer put it in, which the source's classification rules no longer decide. */
    assignedClassId: integer('assigned_class_id').references(() => recordClasses.id),
    /** The date the rule's trigger gave for this record. */
    triggerOn: date('trigger_on').notNull(),
    /** The last day it must be kept; null: kept permanently. */
    until: date('until'),
    directorateId: integer('directorate_id'),
    size: bigint('size', { mode: 'number' }).notNull().default(0),
    /** What the record was when scheduled, in the source's terms (a file's size and time; a case's version). */
    fingerprint: text('fingerprint').notNull(),
    /** scheduled · listed (on a disposal list) · disposed · transferred */
    status: text('status').notNull().default('scheduled'),
    /** A reviewer kept it longer: it is not proposed again before this date, whatever the rule says. */
    keepUntil: date('keep_until'),
    keepReason: text('keep_reason'),
    /** The certificate of the list that disposed of it: the residual stub's proof. */
    certificateNumber: text('certificate_number'),
    disposedOn: date('disposed_on'),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('record_items_source_key').on(t.source, t.scope, t.key),
    index('record_items_due').on(t.status, t.until),
    index('record_items_class').on(t.classId),
  ],
);

/**
 * The records a schedule run found in a source, so that those it no longer holds can leave the schedule without
 * rewriting every unchanged item. Unlogged (a crash empties it; the next run reads the sources again) and emptied
 * at the end of each run.
 */
export const recordScheduleSeen = pgTable('record_schedule_seen', {
  run: integer('run').notNull(),
  source: text('source').notNull(),
  scope: integer('scope').notNull(),
  key: text('key').notNull(),
});

/**
 * A legal hold: while it stands, nothing it covers is proposed for disposal or destroyed — checked when lists are
 * proposed and again at the moment of destruction. Released with a reason, never deleted.
 */
export const legalHolds = pgTable('legal_holds', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  reason: text('reason').notNull(),
  /** The inquiry, order or instruction behind it. */
  authority: text('authority').notNull(),
  requestedBy: text('requested_by').notNull(),
  reviewOn: date('review_on'),
  placedBy: text('placed_by').notNull(),
  placedAt: timestamp('placed_at', { withTimezone: true }).notNull().defaultNow(),
  releasedBy: text('released_by'),
  releasedAt: timestamp('released_at', { withTimezone: true }),
  releaseReason: text('release_reason'),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * What a hold covers, one row a scope: a class; a source, or a folder of one (`folder`, relative to its root, '' for
 * all of it); a directorate's records; one item; or every record mentioning a term.
 */
export const legalHoldScopes = pgTable(
  'legal_hold_scopes',
  {
    id: serial('id').primaryKey(),
    holdId: integer('hold_id')
      .notNull()
      .references(() => legalHolds.id),
    /** class · source · directorate · item · search */
    kind: text('kind').notNull(),
    classId: integer('class_id').references(() => recordClasses.id),
    source: text('source'),
    scope: integer('scope'),
    folder: text('folder'),
    directorateId: integer('directorate_id').references(() => directorates.id),
    itemId: integer('item_id').references(() => recordItems.id),
    term: text('term'),
  },
  (t) => [index('legal_hold_scopes_hold').on(t.holdId)],
);

/**
 * A disposal list: the records of one class and owner that reached the end of their retention together, reviewed
 * item by item by the owner, approved by the records manager, then carried out after a cooling-off during which it
 * can be stopped. Its certificate is the proof.
 */
export const disposalLists = pgTable(
  'disposal_lists',
  {
    id: serial('id').primaryKey(),
    /** DL-2026-0001 */
    number: text('number').notNull().unique(),
    classId: integer('class_id')
      .notNull()
      .references(() => recordClasses.id),
    /** The class's version when the list was proposed: the rule the disposal is under. */
    classVersion: integer('class_version').notNull(),
    directorateId: integer('directorate_id').references(() => directorates.id),
    /** review · approval · cooling-off · executing · executed · stopped */
    status: text('status').notNull(),
    proposedOn: date('proposed_on').notNull(),
    reviewedBy: text('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    approvedBy: text('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /** The last day of the cooling-off: carried out from the day after. */
    coolingOffUntil: date('cooling_off_until'),
    stoppedBy: text('stopped_by'),
    stoppedAt: timestamp('stopped_at', { withTimezone: true }),
    stopReason: text('stop_reason'),
    executedBy: text('executed_by'),
    executedAt: timestamp('executed_at', { withTimezone: true }),
    certificateNumber: text('certificate_number'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('disposal_lists_status').on(t.status)],
);

/** A record on a disposal list: the owner's decision on it, and what became of it. */
export const disposalListItems = pgTable(
  'disposal_list_items',
  {
    listId: integer('list_id')
      .notNull()
      .references(() => disposalLists.id),
    itemId: integer('item_id')
      .notNull()
      .references(() => recordItems.id),
    /** pending · dispose · keep · reclassify */
    decision: text('decision').notNull().default('pending'),
    keepUntil: date('keep_until'),
    reason: text('reason'),
    newClassId: integer('new_class_id').references(() => recordClasses.id),
    decidedBy: text('decided_by'),
    /** What the record was when the owner's review was sent for approval. */
    reviewedFingerprint: text('reviewed_fingerprint'),
    /** pending · done · skipped */
    outcome: text('outcome').notNull().default('pending'),
    outcomeNote: text('outcome_note'),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.listId, t.itemId] }), index('disposal_list_items_item').on(t.itemId)],
);

/** The proof of an executed list, itself a record kept permanently: numbers, rules and people, no personal data. */
export const disposalCertificates = pgTable('disposal_certificates', {
  number: text('number').primaryKey(),
  listId: integer('list_id')
    .notNull()
    .references(() => disposalLists.id),
  issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
  content: jsonb('content').notNull(),
});

/** Per-year running numbers for disposal lists and certificates. */
export const disposalSequences = pgTable(
  'disposal_sequences',
  { prefix: text('prefix').notNull(), year: integer('year').notNull(), last: integer('last').notNull() },
  (t) => [unique('disposal_sequences_key').on(t.prefix, t.year)],
);
