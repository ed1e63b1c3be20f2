import {
  boolean,
  date,
  index,
  integer,
  numeric,
  pgTable,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { directorates, users } from '../../platform/identity/schema.ts';
import { staffMembers } from '../staff/schema.ts';
import type { CompletionStatus } from '../../domain/training/compliance.ts';

/** A course staff take: the mandatory data protection course, cyber security, records management, specialist ones. */
export const trainingCourses = pgTable(
  'training_courses',
  {
    id: serial('id').primaryKey(),
    /** Short and stable, as imports name it: DPA-IG. Unique whatever its case. */
    code: text('code').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** Counted towards the 95 % figure and reminded; optional courses are recorded only. */
    mandatory: boolean('mandatory').notNull().default(false),
    refreshMonths: integer('refresh_months').notNull().default(12),
    /** The directorates it is for; empty for everyone. */
    audienceDirectorateIds: integer('audience_directorate_ids')
      .array()
      .notNull()
      .default(sql`'{}'`),
    /** The xAPI activity ids a learning record store names it by. */
    xapiActivityIds: text('xapi_activity_ids')
      .array()
      .notNull()
      .default(sql`'{}'`),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('training_courses_code').on(sql`lower(${t.code})`)],
);

/** One attempt at a course, from an LMS export, an xAPI statement or typed in by hand with its evidence. */
export const trainingCompletions = pgTable(
  'training_completions',
  {
    id: serial('id').primaryKey(),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staffMembers.id),
    courseId: integer('course_id')
      .notNull()
      .references(() => trainingCourses.id),
    status: text('status').$type<CompletionStatus>().notNull(),
    /** The day of the attempt (the completion day for completed and passed). */
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    score: numeric('score', { precision: 5, scale: 2, mode: 'number' }),
    source: text('source').$type<'csv' | 'xapi' | 'manual'>().notNull(),
    evidence: text('evidence').notNull().default(''),
    importId: integer('import_id').references(() => trainingImports.id),
    recordedBy: integer('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The same attempt imported twice is one row: imports can be run again safely.
    uniqueIndex('training_completions_attempt').on(t.staffId, t.courseId, t.completedOn, t.status),
    index('training_completions_course').on(t.courseId, t.completedOn),
  ],
);

/** One completions file as imported: its kind, what was taken, and what was left out and why. */
export const trainingImports = pgTable('training_imports', {
  id: serial('id').primaryKey(),
  source: text('source').$type<'csv' | 'xapi'>().notNull(),
  fileName: text('file_name').notNull(),
  imported: integer('imported').notNull(),
  alreadyHeld: integer('already_held').notNull(),
  skipped: integer('skipped').notNull(),
  importedBy: integer('imported_by').references(() => users.id),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A directorate's own target, set by the IG lead; the DSPT's 95 % where none is set. */
export const trainingTargets = pgTable('training_targets', {
  directorateId: integer('directorate_id')
    .primaryKey()
    .references(() => directorates.id),
  percent: numeric('percent', { precision: 4, scale: 1, mode: 'number' }).notNull(),
  setBy: integer('set_by').references(() => users.id),
  setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The figures as they stood each day, for the trend: taken by the nightly job, never changed afterwards. */
export const trainingSnapshots = pgTable(
  'training_snapshots',
  {
    id: serial('id').primaryKey(),
    on: date('on', { mode: 'string' }).notNull(),
    courseId: integer('course_id')
      .notNull()
      .references(() => trainingCourses.id),
    /** Null for the councillors, counted apart. */
    directorateId: integer('directorate_id').references(() => directorates.id),
    inScope: integer('in_scope').notNull(),
    completed: integer('completed').notNull(),
  },
  (t) => [unique('training_snapshots_day').on(t.on, t.courseId, t.directorateId).nullsNotDistinct()],
);
