import {
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
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { directorates, users } from '../../platform/identity/schema.ts';
import { discoverySources } from '../../discovery/inventory/schema.ts';
import { recordClasses } from '../records/schema.ts';
import type {
  AssetFormat,
  Criticality,
  Hosting,
  Recipient,
  SecurityClassification,
  Transfer,
  VolumeBand,
} from '../../domain/register/register.ts';
import type { Article6Basis, Article9Condition } from '../../domain/register/ropa.ts';
import type { AgreementTier, PartyRole } from '../../domain/register/sharing.ts';
import type { PrivacyNotice } from '../../domain/register/privacy-notice.ts';
import type { ScreeningAnswers, ScreeningOutcome } from '../../domain/register/dpia-screening.ts';
import type {
  DpiaStatus,
  DpiaStep,
  Likelihood,
  MeasureEffect,
  Severity,
} from '../../domain/register/dpia.ts';

/** One processing activity as a service's public record of processing shows it: label and value. */
export type PublishedActivity = { name: string; lines: [string, string][] };

const audited = {
  /** Optimistic locking: a save names the version it was made from. */
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/**
 * An information asset (TNA: "a body of information … managed as a single unit"): a system or a collection, with the
 * information asset owner who answers for it and the date its entry is next confirmed.
 */
export const registerAssets = pgTable(
  'register_assets',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    directorateId: integer('directorate_id').references(() => directorates.id),
    service: text('service').notNull().default(''),
    /** The information asset owner. */
    ownerUserId: integer('owner_user_id').references(() => users.id),
    /** Who looks after it day to day (information asset administrators), by name or team. */
    administrators: text('administrators').notNull().default(''),
    system: text('system').notNull().default(''),
    supplier: text('supplier').notNull().default(''),
    hosting: text('hosting').$type<Hosting>().notNull(),
    country: text('country').notNull().default('United Kingdom'),
    format: text('format').$type<AssetFormat>().notNull(),
    personalData: boolean('personal_data').notNull(),
    dataCategories: jsonb('data_categories').$type<string[]>().notNull().default([]),
    specialCategories: jsonb('special_categories').$type<string[]>().notNull().default([]),
    criminalOffenceData: boolean('criminal_offence_data').notNull().default(false),
    volume: text('volume').$type<VolumeBand>().notNull(),
    criticality: text('criticality').$type<Criticality>().notNull(),
    securityClassification: text('security_classification').$type<SecurityClassification>().notNull(),
    nextReviewOn: date('next_review_on', { mode: 'string' }).notNull(),
    lastReviewedOn: date('last_reviewed_on', { mode: 'string' }),
    lastReviewedBy: text('last_reviewed_by'),
    ...audited,
  },
  (t) => [
    index('register_assets_review').on(t.nextReviewOn),
    index('register_assets_owner').on(t.ownerUserId),
  ],
);

/** The classes of the retention schedule that govern an asset's records. */
export const registerAssetClasses = pgTable(
  'register_asset_classes',
  {
    assetId: integer('asset_id')
      .notNull()
      .references(() => registerAssets.id, { onDelete: 'cascade' }),
    classId: integer('class_id')
      .notNull()
      .references(() => recordClasses.id),
  },
  (t) => [primaryKey({ columns: [t.assetId, t.classId] })],
);

/** Where discovery finds an asset's files: a source, or a folder inside one ("" for all of it). */
export const registerAssetLocations = pgTable(
  'register_asset_locations',
  {
    assetId: integer('asset_id')
      .notNull()
      .references(() => registerAssets.id, { onDelete: 'cascade' }),
    sourceId: integer('source_id')
      .notNull()
      .references(() => discoverySources.id),
    folder: text('folder').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.assetId, t.sourceId, t.folder] })],
);

/** A processing activity: one purpose-centred row of the record of processing (UK GDPR Art 30(1)). */
export const registerActivities = pgTable(
  'register_activities',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    directorateId: integer('directorate_id').references(() => directorates.id),
    /** The service whose privacy notice it appears in. */
    service: text('service').notNull(),
    jointControllers: jsonb('joint_controllers').$type<string[]>().notNull().default([]),
    purposes: jsonb('purposes').$type<string[]>().notNull().default([]),
    article6: text('article6').$type<Article6Basis>(),
    article6Justification: text('article6_justification').notNull().default(''),
    dataSubjects: jsonb('data_subjects').$type<string[]>().notNull().default([]),
    dataCategories: jsonb('data_categories').$type<string[]>().notNull().default([]),
    specialCategories: jsonb('special_categories').$type<string[]>().notNull().default([]),
    article9: text('article9').$type<Article9Condition>(),
    criminalOffenceData: boolean('criminal_offence_data').notNull().default(false),
    schedule1Part: integer('schedule1_part').$type<1 | 2 | 3>(),
    schedule1Paragraph: integer('schedule1_paragraph'),
    keptAsPolicyDocument: boolean('kept_as_policy_document'),
    policyDocumentVariance: text('policy_document_variance').notNull().default(''),
    recipients: jsonb('recipients').$type<Recipient[]>().notNull().default([]),
    noRecipients: boolean('no_recipients').notNull().default(false),
    transfers: jsonb('transfers').$type<Transfer[]>().notNull().default([]),
    /** Words about retention where the linked classes do not say it all. */
    retention: text('retention').notNull().default(''),
    securityMeasures: text('security_measures').notNull().default(''),
    source: text('source').notNull().default(''),
    automatedDecisions: text('automated_decisions').notNull().default(''),
    nextReviewOn: date('next_review_on', { mode: 'string' }).notNull(),
    ...audited,
  },
  (t) => [index('register_activities_service').on(t.service)],
);

/** Which assets hold an activity's data: the register's two views, many to many. */
export const registerActivityAssets = pgTable(
  'register_activity_assets',
  {
    activityId: integer('activity_id')
      .notNull()
      .references(() => registerActivities.id, { onDelete: 'cascade' }),
    assetId: integer('asset_id')
      .notNull()
      .references(() => registerAssets.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.assetId] }),
    index('register_activity_assets_asset').on(t.assetId),
  ],
);

/** The classes of the retention schedule an activity's data is kept under: its Art 30(1)(f) answer. */
export const registerActivityClasses = pgTable(
  'register_activity_classes',
  {
    activityId: integer('activity_id')
      .notNull()
      .references(() => registerActivities.id, { onDelete: 'cascade' }),
    classId: integer('class_id')
      .notNull()
      .references(() => recordClasses.id),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.classId] })],
);

/**
 * An information-sharing agreement: an overarching protocol, a purpose-specific agreement under one, or a contract with
 * a processor; what is shared, how, for how long, and on what terms (the ICO data sharing code, Annex A).
 */
export const registerAgreements = pgTable('register_agreements', {
  id: serial('id').primaryKey(),
  title: text('title').notNull(),
  tier: text('tier').$type<AgreementTier>().notNull(),
  /** The protocol a purpose-specific agreement sits under. */
  parentId: integer('parent_id').references((): AnyPgColumn => registerAgreements.id),
  directorateId: integer('directorate_id').references(() => directorates.id),
  purpose: text('purpose').notNull(),
  gateways: jsonb('gateways').$type<string[]>().notNull().default([]),
  dataItems: text('data_items').notNull().default(''),
  specialCategories: boolean('special_categories').notNull().default(false),
  criminalOffenceData: boolean('criminal_offence_data').notNull().default(false),
  method: text('method').notNull().default(''),
  retention: text('retention').notNull().default(''),
  rightsHandling: text('rights_handling').notNull().default(''),
  breachClause: text('breach_clause').notNull().default(''),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }),
  reviewOn: date('review_on', { mode: 'string' }).notNull(),
  terminatedOn: date('terminated_on', { mode: 'string' }),
  terminationReason: text('termination_reason').notNull().default(''),
  ...audited,
});

/** A party to an agreement: its role, its lawful bases, and who signed for it and when. */
export const registerAgreementParties = pgTable(
  'register_agreement_parties',
  {
    id: serial('id').primaryKey(),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => registerAgreements.id, { onDelete: 'cascade' }),
    organisation: text('organisation').notNull(),
    role: text('role').$type<PartyRole>().notNull(),
    article6: text('article6').$type<Article6Basis>(),
    article9: text('article9').$type<Article9Condition>(),
    article10: boolean('article10').notNull().default(false),
    signatory: text('signatory').notNull().default(''),
    signedOn: date('signed_on', { mode: 'string' }),
  },
  (t) => [index('register_agreement_parties_agreement').on(t.agreementId)],
);

/** The processing activities an agreement covers. */
export const registerAgreementActivities = pgTable(
  'register_agreement_activities',
  {
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => registerAgreements.id, { onDelete: 'cascade' }),
    activityId: integer('activity_id')
      .notNull()
      .references(() => registerActivities.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.activityId] })],
);

/** A service's privacy notice: where it is published and whether its part of the record of processing is too. */
export const registerNotices = pgTable('register_notices', {
  id: serial('id').primaryKey(),
  service: text('service').notNull().unique(),
  slug: text('slug').notNull().unique(),
  /** Whether the service's processing activities are published beside the notice (South Hams does). */
  publishRecord: boolean('publish_record').notNull().default(false),
  currentVersion: integer('current_version'),
  ...audited,
});

/** Every published version of a notice, as it was published: a later change to the activities makes a new one. */
export const registerNoticeVersions = pgTable(
  'register_notice_versions',
  {
    noticeId: integer('notice_id')
      .notNull()
      .references(() => registerNotices.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    content: jsonb('content').$type<PrivacyNotice>().notNull(),
    /** The service's activities as published, for the public record of processing. */
    record: jsonb('record').$type<PublishedActivity[]>().notNull(),
    changeSummary: text('change_summary').notNull(),
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    publishedBy: text('published_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.noticeId, t.version] })],
);

/**
 * A data protection impact assessment: its screening, where it stands, the DPO's advice and what was decided about it,
 * sign-off, any prior consultation with the ICO, and its review. A new version of a signed assessment is a new row
 * that names the one it replaces, which is kept.
 */
export const registerDpias = pgTable(
  'register_dpias',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    directorateId: integer('directorate_id').references(() => directorates.id),
    status: text('status').$type<DpiaStatus>().notNull(),
    edition: integer('edition').notNull().default(1),
    previousId: integer('previous_id').references((): AnyPgColumn => registerDpias.id),
    /** What it was launched from, and that thing's material fingerprint when it was screened. */
    activityId: integer('activity_id').references(() => registerActivities.id),
    assetId: integer('asset_id').references(() => registerAssets.id),
    agreementId: integer('agreement_id').references(() => registerAgreements.id),
    screenedFingerprint: text('screened_fingerprint'),
    screening: jsonb('screening').$type<ScreeningAnswers>().notNull(),
    screeningOutcome: text('screening_outcome').$type<ScreeningOutcome>().notNull(),
    screeningReasons: jsonb('screening_reasons').$type<string[]>().notNull(),
    screenedBy: text('screened_by').notNull(),
    screenedOn: date('screened_on', { mode: 'string' }).notNull(),
    dpoAdvice: text('dpo_advice'),
    dpoAdviceBy: text('dpo_advice_by'),
    dpoAdviceOn: date('dpo_advice_on', { mode: 'string' }),
    adviceFollowed: boolean('advice_followed'),
    adviceDecisionReason: text('advice_decision_reason'),
    signedOffBy: text('signed_off_by'),
    signedOffOn: date('signed_off_on', { mode: 'string' }),
    consultationSubmittedOn: date('consultation_submitted_on', { mode: 'string' }),
    consultationExtended: boolean('consultation_extended').notNull().default(false),
    icoReference: text('ico_reference'),
    icoReply: text('ico_reply'),
    icoRepliedOn: date('ico_replied_on', { mode: 'string' }),
    reviewOn: date('review_on', { mode: 'string' }),
    ...audited,
  },
  (t) => [index('register_dpias_status').on(t.status)],
);

/** Every saved revision of every written step of an assessment, never changed: the latest is the step's text. */
export const registerDpiaSections = pgTable(
  'register_dpia_sections',
  {
    dpiaId: integer('dpia_id')
      .notNull()
      .references(() => registerDpias.id, { onDelete: 'cascade' }),
    step: integer('step').$type<DpiaStep>().notNull(),
    revision: integer('revision').notNull(),
    text: text('text').notNull(),
    savedBy: text('saved_by').notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.dpiaId, t.step, t.revision] })],
);

/** The risk register of an assessment (steps 5 and 6): each risk, its measures and what is left of it. */
export const registerDpiaRisks = pgTable(
  'register_dpia_risks',
  {
    id: serial('id').primaryKey(),
    dpiaId: integer('dpia_id')
      .notNull()
      .references(() => registerDpias.id, { onDelete: 'cascade' }),
    description: text('description').notNull(),
    likelihood: text('likelihood').$type<Likelihood>().notNull(),
    severity: text('severity').$type<Severity>().notNull(),
    measures: text('measures').notNull().default(''),
    effect: text('effect').$type<MeasureEffect>(),
    residualLikelihood: text('residual_likelihood').$type<Likelihood>(),
    residualSeverity: text('residual_severity').$type<Severity>(),
    actionOwner: text('action_owner').notNull().default(''),
    actionDueOn: date('action_due_on', { mode: 'string' }),
  },
  (t) => [index('register_dpia_risks_dpia').on(t.dpiaId)],
);
