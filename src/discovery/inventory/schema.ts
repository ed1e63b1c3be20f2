import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/**
 * The inventory. Every large table carries `source_id` in its primary key, so it can be distributed by source (Citus)
 * with no cross-source joins on hot paths. No raw identifier is ever stored: findings keep type, position, confidence,
 * a masked preview and a keyed hash of the normalised value.
 */
export const discoverySources = pgTable('discovery_sources', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  rootPath: text('root_path').notNull(),
  /** What becomes of its files when a disposal list destroys them: `quarantine` first, or `delete` at once. */
  disposal: text('disposal').notNull().default('quarantine'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const discoveryScans = pgTable(
  'discovery_scans',
  {
    id: serial('id').primaryKey(),
    sourceId: integer('source_id')
      .notNull()
      .references(() => discoverySources.id),
    status: text('status').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    filesSeen: integer('files_seen').notNull().default(0),
    filesProcessed: integer('files_processed').notNull().default(0),
    bytesSeen: bigint('bytes_seen', { mode: 'number' }).notNull().default(0),
    errors: integer('errors').notNull().default(0),
    /** A digest of the finding key the scan uses: a worker with a different key refuses to take part. */
    keyCheck: text('key_check'),
    /** The SimHash distance the scan grouped near copies by (a later scan with another regroups them). */
    nearThreshold: integer('near_threshold'),
  },
  (t) => [index('discovery_scans_source').on(t.sourceId, t.id)],
);

export const inventoryFiles = pgTable(
  'inventory_files',
  {
    sourceId: integer('source_id').notNull(),
    path: text('path').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    mtime: timestamp('mtime', { withTimezone: true, precision: 3 }).notNull(),
    inode: text('inode').notNull(),
    sha256: text('sha256'),
    mime: text('mime'),
    simhash: text('simhash'),
    duplicateOf: text('duplicate_of'),
    nearDuplicateGroup: integer('near_duplicate_group'),
    rot: jsonb('rot').notNull().default([]),
    piiCounts: jsonb('pii_counts').notNull().default({}),
    error: text('error'),
    /** The scan that last read the file (a scan that finds it unchanged records that in discovery_walked). */
    readInScan: integer('read_in_scan').notNull(),
    gone: boolean('gone').notNull().default(false),
    /** The certificate of the disposal list that destroyed the file: the row is then its residual stub. */
    disposalCertificate: text('disposal_certificate'),
  },
  (t) => [
    primaryKey({ columns: [t.sourceId, t.path] }),
    index('inventory_files_sha').on(t.sourceId, t.sha256),
  ],
);

/**
 * The paths a scan found unchanged, so that an unchanged share is not rewritten row by row on every rescan: files not
 * read and not listed here by the end of the scan are gone. Unlogged (a crash empties it, and a resumed scan walks
 * the whole tree again anyway) and without indexes (only appended to, and read once by a hash join); emptied when
 * the scan ends.
 */
export const discoveryWalked = pgTable('discovery_walked', {
  sourceId: integer('source_id').notNull(),
  scanId: integer('scan_id').notNull(),
  path: text('path').notNull(),
});

export const inventoryFindings = pgTable(
  'inventory_findings',
  {
    sourceId: integer('source_id').notNull(),
    path: text('path').notNull(),
    ordinal: integer('ordinal').notNull(),
    type: text('type').notNull(),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    page: integer('page'),
    confidence: real('confidence').notNull(),
    masked: text('masked').notNull(),
    /** HMAC-SHA-256 of the normalised value under a key kept outside the database. */
    valueHmac: text('value_hmac').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sourceId, t.path, t.ordinal] }),
    index('inventory_findings_hmac').on(t.sourceId, t.valueHmac),
  ],
);
