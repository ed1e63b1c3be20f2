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
  unique,
} from 'drizzle-orm/pg-core';
import { users } from '../../platform/identity/schema.ts';
import { staffMembers } from '../staff/schema.ts';
import type { Audience, PolicyKind, QuizQuestion } from '../../domain/policies/policy.ts';

/** A policy, standard, procedure or guidance note under document control. */
export const policies = pgTable('policies', {
  id: serial('id').primaryKey(),
  title: text('title').notNull(),
  kind: text('kind').$type<PolicyKind>().notNull(),
  summary: text('summary').notNull().default(''),
  ownerId: integer('owner_id')
    .notNull()
    .references(() => users.id),
  approverId: integer('approver_id')
    .notNull()
    .references(() => users.id),
  audience: jsonb('audience').$type<Audience>().notNull(),
  reviewMonths: integer('review_months').notNull().default(12),
  /** Set when a version is approved or a review finds no change. */
  nextReviewOn: date('next_review_on', { mode: 'string' }),
  /** Listed on the public page of policies (the publication scheme's "our policies and procedures"). */
  public: boolean('public').notNull().default(false),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One version: its document (uploaded or written in the page), what changed, and where it stands. */
export const policyVersions = pgTable(
  'policy_versions',
  {
    id: serial('id').primaryKey(),
    policyId: integer('policy_id')
      .notNull()
      .references(() => policies.id),
    major: integer('major').notNull(),
    minor: integer('minor').notNull(),
    material: boolean('material').notNull(),
    changeSummary: text('change_summary').notNull(),
    status: text('status')
      .$type<'draft' | 'approved' | 'published' | 'superseded'>()
      .notNull()
      .default('draft'),
    /** Written in the page… */
    body: text('body'),
    /** …or an uploaded PDF or Word document, kept in the file store. */
    fileSha256: text('file_sha256'),
    fileName: text('file_name'),
    fileType: text('file_type'),
    quiz: jsonb('quiz').$type<QuizQuestion[]>().notNull().default([]),
    passMark: integer('pass_mark').notNull().default(80),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    approvedBy: integer('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    publishedOn: date('published_on', { mode: 'string' }),
  },
  (t) => [
    unique('policy_versions_number').on(t.policyId, t.major, t.minor),
    index('policy_versions_policy').on(t.policyId),
  ],
);

/** "I have read and will follow it": one person, one version, once. */
export const policyAcknowledgements = pgTable(
  'policy_acknowledgements',
  {
    id: serial('id').primaryKey(),
    versionId: integer('version_id')
      .notNull()
      .references(() => policyVersions.id),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staffMembers.id),
    quizScore: integer('quiz_score'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('policy_acknowledgements_once').on(t.versionId, t.staffId),
    index('policy_acknowledgements_staff').on(t.staffId),
  ],
);

/** Someone excused from a policy for a while (long-term leave, a role it does not fit), with the reason. */
export const policyExceptions = pgTable(
  'policy_exceptions',
  {
    id: serial('id').primaryKey(),
    policyId: integer('policy_id')
      .notNull()
      .references(() => policies.id),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staffMembers.id),
    reason: text('reason').notNull(),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    grantedBy: integer('granted_by').references(() => users.id),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('policy_exceptions_policy').on(t.policyId)],
);

/** When each person was last reminded about a version, and when their line manager was told. */
export const policyReminders = pgTable(
  'policy_reminders',
  {
    versionId: integer('version_id')
      .notNull()
      .references(() => policyVersions.id),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staffMembers.id),
    remindedOn: date('reminded_on', { mode: 'string' }),
    escalatedOn: date('escalated_on', { mode: 'string' }),
  },
  (t) => [unique('policy_reminders_once').on(t.versionId, t.staffId)],
);
