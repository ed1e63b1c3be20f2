import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { directorates, teams, users } from '../../platform/identity/schema.ts';
import type { WorkerType } from '../../domain/staff/hr-file.ts';

/**
 * The council's people as HR knows them: everyone who works for it (employees, agency workers, contractors,
 * volunteers) and its councillors, with or without an account in Custodian. Training and policies count and remind
 * them from here.
 */
export const staffMembers = pgTable(
  'staff_members',
  {
    id: serial('id').primaryKey(),
    /** HR's id, as HR writes it; matched case-insensitively (the unique index is on its lower case). */
    employeeId: text('employee_id').notNull(),
    name: text('name').notNull(),
    /** Lower-cased; null for someone HR has no council address for. */
    email: text('email'),
    directorateId: integer('directorate_id')
      .notNull()
      .references(() => directorates.id),
    teamId: integer('team_id').references(() => teams.id),
    jobTitle: text('job_title'),
    lineManagerId: integer('line_manager_id').references((): AnyPgColumn => staffMembers.id),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    leaveDate: date('leave_date', { mode: 'string' }),
    workerType: text('worker_type').$type<WorkerType>().notNull(),
    personalDataAccess: boolean('personal_data_access').notNull(),
    /** The person's account, matched by e-mail address; null for those who never sign in. */
    userId: integer('user_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('staff_members_employee_id').on(sql`lower(${t.employeeId})`),
    uniqueIndex('staff_members_email').on(t.email),
    uniqueIndex('staff_members_user').on(t.userId),
    index('staff_members_directorate').on(t.directorateId),
    index('staff_members_line_manager').on(t.lineManagerId),
  ],
);

/**
 * Each person's posts over time, from their start: directorate, team, job title and line manager from a day. Reports
 * for a past day count a mover in the directorate they were in on that day.
 */
export const staffPostings = pgTable(
  'staff_postings',
  {
    id: serial('id').primaryKey(),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staffMembers.id),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    directorateId: integer('directorate_id')
      .notNull()
      .references(() => directorates.id),
    teamId: integer('team_id').references(() => teams.id),
    jobTitle: text('job_title'),
    lineManagerId: integer('line_manager_id').references(() => staffMembers.id),
    importId: integer('import_id').references(() => staffImports.id),
  },
  (t) => [index('staff_postings_staff').on(t.staffId, t.fromDate)],
);

/** One HR import as it was carried out: who, when, what file and what it changed. */
export const staffImports = pgTable('staff_imports', {
  id: serial('id').primaryKey(),
  fileName: text('file_name').notNull(),
  rows: integer('rows').notNull(),
  summary: jsonb('summary')
    .$type<{
      created: number;
      updated: number;
      moved: number;
      unchanged: number;
      leavers: number;
      accountsClosed: number;
      newDirectorates: string[];
      newTeams: string[];
      notInFile: number;
    }>()
    .notNull(),
  importedBy: integer('imported_by').references(() => users.id),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});
