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
} from 'drizzle-orm/pg-core';
import { directorates, users } from '../../platform/identity/schema.ts';
import type {
  ActionKind,
  Art34Exemption,
  BreachType,
  Cause,
  Classification,
  DataCategory,
  Ongoing,
  OtherBody,
  RoughNumber,
  SpecialCategory,
  StaffTraining,
  SubjectCategory,
} from '../../domain/incidents/taxonomy.ts';
import type { IncidentStatus } from '../../domain/incidents/workflow.ts';
import type { EnisaInput, Likelihood, Severity } from '../../domain/incidents/risk.ts';
import type { ReportPhase, Section } from '../../domain/incidents/ico-report.ts';

/**
 * An incident as reported (by a member of staff, or by the public), and the case it becomes: triage, the assessment,
 * the ICO's and the people's decisions, the lessons review. Every breach is kept, reported or not (Art 33(5)).
 */
export const incidents = pgTable(
  'incidents',
  {
    id: serial('id').primaryKey(),
    reference: text('reference').notNull().unique(),
    status: text('status').$type<IncidentStatus>().notNull().default('reported'),
    // The report, as sent.
    reporterKind: text('reporter_kind').$type<'staff' | 'public'>().notNull(),
    reportedBy: integer('reported_by').references(() => users.id),
    /** A member of the public's name and e-mail address, to reply to; staff are known by their account. */
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    summary: text('summary').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }),
    discoveredAt: timestamp('discovered_at', { withTimezone: true }),
    peopleApprox: text('people_approx').$type<RoughNumber>(),
    recordsApprox: text('records_approx').$type<RoughNumber>(),
    informationKinds: text('information_kinds').notNull().default(''),
    ongoing: text('ongoing').$type<Ongoing>(),
    doneSoFar: text('done_so_far').notNull().default(''),
    nearMissReported: boolean('near_miss_reported').notNull().default(false),
    directorateId: integer('directorate_id').references(() => directorates.id),
    service: text('service').notNull().default(''),
    // Triage.
    classification: text('classification').$type<Classification>(),
    awareAt: timestamp('aware_at', { withTimezone: true }),
    triagedAt: timestamp('triaged_at', { withTimezone: true }),
    triagedBy: integer('triaged_by').references(() => users.id),
    /** Four working hours after the report: when an untriaged report is escalated. */
    triageDueAt: timestamp('triage_due_at', { withTimezone: true }).notNull(),
    handlerId: integer('handler_id').references(() => users.id),
    triageNote: text('triage_note').notNull().default(''),
    // Assessment.
    howFound: text('how_found').notNull().default(''),
    breachTypes: jsonb('breach_types').$type<BreachType[]>().notNull().default([]),
    cause: text('cause').$type<Cause>(),
    dataCategories: jsonb('data_categories').$type<DataCategory[]>().notNull().default([]),
    specialCategories: jsonb('special_categories').$type<SpecialCategory[]>().notNull().default([]),
    subjectCategories: jsonb('subject_categories').$type<SubjectCategory[]>().notNull().default([]),
    peopleCount: integer('people_count'),
    recordsCount: integer('records_count'),
    children: boolean('children').notNull().default(false),
    vulnerableAdults: boolean('vulnerable_adults').notNull().default(false),
    processor: text('processor').notNull().default(''),
    consequences: text('consequences').notNull().default(''),
    measuresBefore: text('measures_before').notNull().default(''),
    likelihood: text('likelihood').$type<Likelihood>(),
    severity: text('severity').$type<Severity>(),
    riskRationale: text('risk_rationale').notNull().default(''),
    enisa: jsonb('enisa').$type<EnisaInput>(),
    staffInvolved: jsonb('staff_involved').$type<number[]>().notNull().default([]),
    staffTraining: text('staff_training').$type<StaffTraining>(),
    assessedAt: timestamp('assessed_at', { withTimezone: true }),
    // The ICO decision (Art 33) and the people's (Art 34), each with its reason.
    icoDecision: text('ico_decision').$type<'report' | 'do-not-report'>(),
    icoReason: text('ico_reason').notNull().default(''),
    icoDecidedBy: integer('ico_decided_by').references(() => users.id),
    icoDecidedAt: timestamp('ico_decided_at', { withTimezone: true }),
    icoReportedAt: timestamp('ico_reported_at', { withTimezone: true }),
    icoReference: text('ico_reference'),
    delayReason: text('delay_reason').notNull().default(''),
    subjectsDecision: text('subjects_decision').$type<'tell' | 'do-not-tell'>(),
    subjectsReason: text('subjects_reason').notNull().default(''),
    art34Exemption: text('art34_exemption').$type<Art34Exemption>(),
    subjectsToldOn: date('subjects_told_on', { mode: 'string' }),
    subjectsDecidedBy: integer('subjects_decided_by').references(() => users.id),
    // The lessons review and closure.
    rootCause: text('root_cause').notNull().default(''),
    lessons: text('lessons').notNull().default(''),
    lessonsReviewedAt: timestamp('lessons_reviewed_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('incidents_status').on(t.status),
    index('incidents_reported_at').on(t.reportedAt),
    index('incidents_reported_by').on(t.reportedBy),
  ],
);

/** Containment, recovery and prevention: who does what by when, and the evidence it was done. */
export const incidentActions = pgTable(
  'incident_actions',
  {
    id: serial('id').primaryKey(),
    incidentId: integer('incident_id')
      .notNull()
      .references(() => incidents.id),
    kind: text('kind').$type<ActionKind>().notNull(),
    description: text('description').notNull(),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    evidence: text('evidence').notNull().default(''),
    /** The day the owner was last reminded it is due, so a reminder goes once a day at most. */
    remindedOn: date('reminded_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('incident_actions_incident').on(t.incidentId)],
);

/** Others told: the police, the NCSC, Action Fraud, the DSPT tool, partners — each with a date and their reference. */
export const incidentNotifications = pgTable(
  'incident_notifications',
  {
    id: serial('id').primaryKey(),
    incidentId: integer('incident_id')
      .notNull()
      .references(() => incidents.id),
    body: text('body').$type<OtherBody>().notNull(),
    name: text('name').notNull().default(''),
    toldOn: date('told_on', { mode: 'string' }).notNull(),
    reference: text('reference'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('incident_notifications_incident').on(t.incidentId)],
);

/** Each report made to the ICO — the initial one and any follow-ups (Art 33(4)) — with the answers as sent. */
export const incidentIcoReports = pgTable(
  'incident_ico_reports',
  {
    id: serial('id').primaryKey(),
    incidentId: integer('incident_id')
      .notNull()
      .references(() => incidents.id),
    phase: text('phase').$type<ReportPhase>().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    submittedBy: integer('submitted_by').references(() => users.id),
    sections: jsonb('sections').$type<Section[]>().notNull(),
  },
  (t) => [index('incident_ico_reports_incident').on(t.incidentId)],
);

/** Escalations sent, one of each stage per incident, so a job run twice sends nothing twice. */
export const incidentEscalations = pgTable(
  'incident_escalations',
  {
    id: serial('id').primaryKey(),
    incidentId: integer('incident_id')
      .notNull()
      .references(() => incidents.id),
    stage: text('stage').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    recipients: integer('recipients').notNull(),
  },
  (t) => [uniqueIndex('incident_escalations_stage').on(t.incidentId, t.stage)],
);

/** The DPO's out-of-hours rota: who deputises, from when to when (London dates, inclusive). */
export const incidentRota = pgTable('incident_rota', {
  id: serial('id').primaryKey(),
  deputyId: integer('deputy_id')
    .notNull()
    .references(() => users.id),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
