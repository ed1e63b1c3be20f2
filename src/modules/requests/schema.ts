import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  serial,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { directorates, teams, users } from '../../platform/identity/schema.ts';

/**
 * One piece of correspondence on a clock: an FOI, EIR or subject access request, another data-protection right, an
 * internal review, a press or a general enquiry. Deadlines are derived from the clock fields and stored with the
 * calendar version they were computed with; they are never edited by hand.
 */
export interface Article15 {
  purposes: string;
  recipients: string;
  retention: string;
  source: string;
}

export const requestCases = pgTable(
  'request_cases',
  {
    id: serial('id').primaryKey(),
    reference: text('reference').notNull().unique(),
    type: text('type').notNull(),
    status: text('status').notNull(),
    channel: text('channel').notNull(),
    subject: text('subject').notNull(),
    description: text('description').notNull(),
    requesterName: text('requester_name').notNull(),
    requesterEmail: text('requester_email'),
    requesterAddress: text('requester_address'),
    /** A WhatDoTheyKnow request: replies keep its address and subject, and everything sent is published. */
    whatDoTheyKnow: boolean('what_do_they_know').notNull().default(false),
    pressInterest: boolean('press_interest').notNull().default(false),
    receivedOn: date('received_on').notNull(),
    clockStart: date('clock_start').notNull(),
    /**
     * Days that do not count, [from, to, reason] inclusive (a fees notice; a SAR clarification); an open pause has
     * to = null. Rows written before reasons were kept have two elements (a fee).
     */
    pauses: jsonb('pauses')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** Why the clock is stopped or paused (clarification, identity, fee) until the answer; null while running. */
    stoppedFor: text('stopped_for'),
    extended: boolean('extended').notNull().default(false),
    extensionReason: text('extension_reason'),
    allocationDueOn: date('allocation_due_on').notNull(),
    draftDueOn: date('draft_due_on').notNull(),
    dueOn: date('due_on').notNull(),
    calendarVersion: text('calendar_version').notNull(),
    directorateId: integer('directorate_id').references(() => directorates.id),
    teamId: integer('team_id').references(() => teams.id),
    assigneeId: integer('assignee_id').references(() => users.id),
    outcome: text('outcome'),
    exemptions: jsonb('exemptions')
      .notNull()
      .default(sql`'[]'::jsonb`),
    publicInterest: text('public_interest'),
    costEstimateHours: real('cost_estimate_hours'),
    responseText: text('response_text'),
    /**
     * What a subject access response must also tell the requester (UK GDPR Art 15(1)): the purposes, the recipients,
     * how long the data is kept and where it came from, as the officer confirmed them for this case.
     */
    article15: jsonb('article15').$type<Article15 | null>(),
    approvedBy: integer('approved_by').references(() => users.id),
    pressSightBy: integer('press_sight_by').references(() => users.id),
    respondedOn: date('responded_on'),
    closedOn: date('closed_on'),
    /** An internal review points at the case it reviews. */
    reviewOf: integer('review_of'),
    reviewOutcome: text('review_outcome'),
    icoReference: text('ico_reference'),
    icoOutcome: text('ico_outcome'),
    /** SAR: how identity was confirmed, and when. */
    identityVerifiedOn: date('identity_verified_on'),
    identityMethod: text('identity_method'),
    published: boolean('published').notNull().default(false),
    publishedTitle: text('published_title'),
    publishedResponse: text('published_response'),
    publishedOn: date('published_on'),
    /**
     * Set when the case was destroyed at the end of its retention: its personal data and files are erased, and what
     * is left is the residual stub — reference, type, dates, outcome — with the disposal certificate's number.
     */
    erasedOn: date('erased_on'),
    disposalCertificate: text('disposal_certificate'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('request_cases_status_due').on(t.status, t.dueOn),
    index('request_cases_directorate_due').on(t.directorateId, t.dueOn),
    index('request_cases_team_due').on(t.teamId, t.dueOn),
    index('request_cases_assignee_due').on(t.assigneeId, t.dueOn),
    index('request_cases_received').on(t.receivedOn),
    index('request_cases_published').on(t.published, t.publishedOn),
  ],
);

/** A service asked to supply information for a case. */
export const requestContributions = pgTable('request_contributions', {
  id: serial('id').primaryKey(),
  caseId: integer('case_id')
    .notNull()
    .references(() => requestCases.id),
  teamId: integer('team_id')
    .notNull()
    .references(() => teams.id),
  note: text('note').notNull(),
  requestedOn: date('requested_on').notNull(),
  dueOn: date('due_on').notNull(),
  receivedOn: date('received_on'),
});

/** The systems the IG team searches for a subject access request (the asset register replaces this list later). */
export const sarSystems = pgTable('sar_systems', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  active: boolean('active').notNull().default(true),
});

export const sarSearches = pgTable('sar_searches', {
  id: serial('id').primaryKey(),
  caseId: integer('case_id')
    .notNull()
    .references(() => requestCases.id),
  systemId: integer('system_id')
    .notNull()
    .references(() => sarSystems.id),
  searchedOn: date('searched_on').notNull(),
  searchedBy: integer('searched_by').references(() => users.id),
  found: boolean('found').notNull(),
  notes: text('notes'),
});

/** What was done with each item found for a subject access request. */
export const sarDisclosures = pgTable('sar_disclosures', {
  id: serial('id').primaryKey(),
  caseId: integer('case_id')
    .notNull()
    .references(() => requestCases.id),
  item: text('item').notNull(),
  decision: text('decision').notNull(),
  exemption: text('exemption'),
});

/** Files on a case, stored by content hash in the blob store. Public ones appear in the disclosure log. */
export const requestAttachments = pgTable(
  'request_attachments',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => requestCases.id),
    sha256: text('sha256').notNull(),
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    public: boolean('public').notNull().default(false),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('request_attachments_case').on(t.caseId)],
);

/** Per-year running number for references (FOI-2026-00042). */
export const requestSequences = pgTable(
  'request_sequences',
  { prefix: text('prefix').notNull(), year: integer('year').notNull(), last: integer('last').notNull() },
  (t) => [unique('request_sequences_key').on(t.prefix, t.year)],
);

/** Targets per directorate (share of requests answered in time), for the timeliness report. */
export const requestTargets = pgTable('request_targets', {
  directorateId: integer('directorate_id')
    .primaryKey()
    .references(() => directorates.id),
  foiPercent: real('foi_percent').notNull().default(95),
  sarPercent: real('sar_percent').notNull().default(95),
});

/**
 * Files of destroyed cases waiting to leave the blob store: written in the destruction's transaction, removed once no
 * case's attachment refers to the same content, so a crash between the two never leaves a file behind for good.
 */
export const requestFilePurges = pgTable('request_file_purges', {
  sha256: text('sha256').primaryKey(),
});
