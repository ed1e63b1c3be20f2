CREATE TABLE "register_activities" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"directorate_id" integer,
	"service" text NOT NULL,
	"joint_controllers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"purposes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"article6" text,
	"article6_justification" text DEFAULT '' NOT NULL,
	"data_subjects" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"data_categories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"special_categories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"article9" text,
	"criminal_offence_data" boolean DEFAULT false NOT NULL,
	"schedule1_part" integer,
	"schedule1_paragraph" integer,
	"kept_as_policy_document" boolean,
	"policy_document_variance" text DEFAULT '' NOT NULL,
	"recipients" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"no_recipients" boolean DEFAULT false NOT NULL,
	"transfers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"retention" text DEFAULT '' NOT NULL,
	"security_measures" text DEFAULT '' NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"automated_decisions" text DEFAULT '' NOT NULL,
	"next_review_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_activity_assets" (
	"activity_id" integer NOT NULL,
	"asset_id" integer NOT NULL,
	CONSTRAINT "register_activity_assets_activity_id_asset_id_pk" PRIMARY KEY("activity_id","asset_id")
);
--> statement-breakpoint
CREATE TABLE "register_activity_classes" (
	"activity_id" integer NOT NULL,
	"class_id" integer NOT NULL,
	CONSTRAINT "register_activity_classes_activity_id_class_id_pk" PRIMARY KEY("activity_id","class_id")
);
--> statement-breakpoint
CREATE TABLE "register_agreement_activities" (
	"agreement_id" integer NOT NULL,
	"activity_id" integer NOT NULL,
	CONSTRAINT "register_agreement_activities_agreement_id_activity_id_pk" PRIMARY KEY("agreement_id","activity_id")
);
--> statement-breakpoint
CREATE TABLE "register_agreement_parties" (
	"id" serial PRIMARY KEY NOT NULL,
	"agreement_id" integer NOT NULL,
	"organisation" text NOT NULL,
	"role" text NOT NULL,
	"article6" text,
	"article9" text,
	"article10" boolean DEFAULT false NOT NULL,
	"signatory" text DEFAULT '' NOT NULL,
	"signed_on" date
);
--> statement-breakpoint
CREATE TABLE "register_agreements" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"tier" text NOT NULL,
	"parent_id" integer,
	"directorate_id" integer,
	"purpose" text NOT NULL,
	"gateways" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"data_items" text DEFAULT '' NOT NULL,
	"special_categories" boolean DEFAULT false NOT NULL,
	"criminal_offence_data" boolean DEFAULT false NOT NULL,
	"method" text DEFAULT '' NOT NULL,
	"retention" text DEFAULT '' NOT NULL,
	"rights_handling" text DEFAULT '' NOT NULL,
	"breach_clause" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"review_on" date NOT NULL,
	"terminated_on" date,
	"termination_reason" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_asset_classes" (
	"asset_id" integer NOT NULL,
	"class_id" integer NOT NULL,
	CONSTRAINT "register_asset_classes_asset_id_class_id_pk" PRIMARY KEY("asset_id","class_id")
);
--> statement-breakpoint
CREATE TABLE "register_asset_locations" (
	"asset_id" integer NOT NULL,
	"source_id" integer NOT NULL,
	"folder" text DEFAULT '' NOT NULL,
	CONSTRAINT "register_asset_locations_asset_id_source_id_folder_pk" PRIMARY KEY("asset_id","source_id","folder")
);
--> statement-breakpoint
CREATE TABLE "register_assets" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"directorate_id" integer,
	"service" text DEFAULT '' NOT NULL,
	"owner_user_id" integer,
	"administrators" text DEFAULT '' NOT NULL,
	"system" text DEFAULT '' NOT NULL,
	"supplier" text DEFAULT '' NOT NULL,
	"hosting" text NOT NULL,
	"country" text DEFAULT 'United Kingdom' NOT NULL,
	"format" text NOT NULL,
	"personal_data" boolean NOT NULL,
	"data_categories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"special_categories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"criminal_offence_data" boolean DEFAULT false NOT NULL,
	"volume" text NOT NULL,
	"criticality" text NOT NULL,
	"security_classification" text NOT NULL,
	"next_review_on" date NOT NULL,
	"last_reviewed_on" date,
	"last_reviewed_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_dpia_risks" (
	"id" serial PRIMARY KEY NOT NULL,
	"dpia_id" integer NOT NULL,
	"description" text NOT NULL,
	"likelihood" text NOT NULL,
	"severity" text NOT NULL,
	"measures" text DEFAULT '' NOT NULL,
	"effect" text,
	"residual_likelihood" text,
	"residual_severity" text,
	"action_owner" text DEFAULT '' NOT NULL,
	"action_due_on" date
);
--> statement-breakpoint
CREATE TABLE "register_dpia_sections" (
	"dpia_id" integer NOT NULL,
	"step" integer NOT NULL,
	"revision" integer NOT NULL,
	"text" text NOT NULL,
	"saved_by" text NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "register_dpia_sections_dpia_id_step_revision_pk" PRIMARY KEY("dpia_id","step","revision")
);
--> statement-breakpoint
CREATE TABLE "register_dpias" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"directorate_id" integer,
	"status" text NOT NULL,
	"edition" integer DEFAULT 1 NOT NULL,
	"previous_id" integer,
	"activity_id" integer,
	"asset_id" integer,
	"agreement_id" integer,
	"screened_fingerprint" text,
	"screening" jsonb NOT NULL,
	"screening_outcome" text NOT NULL,
	"screening_reasons" jsonb NOT NULL,
	"screened_by" text NOT NULL,
	"screened_on" date NOT NULL,
	"dpo_advice" text,
	"dpo_advice_by" text,
	"dpo_advice_on" date,
	"advice_followed" boolean,
	"advice_decision_reason" text,
	"signed_off_by" text,
	"signed_off_on" date,
	"consultation_submitted_on" date,
	"consultation_extended" boolean DEFAULT false NOT NULL,
	"ico_reference" text,
	"ico_reply" text,
	"ico_replied_on" date,
	"review_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_notice_versions" (
	"notice_id" integer NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"record" jsonb NOT NULL,
	"change_summary" text NOT NULL,
	"published_on" date NOT NULL,
	"published_by" text NOT NULL,
	CONSTRAINT "register_notice_versions_notice_id_version_pk" PRIMARY KEY("notice_id","version")
);
--> statement-breakpoint
CREATE TABLE "register_notices" (
	"id" serial PRIMARY KEY NOT NULL,
	"service" text NOT NULL,
	"slug" text NOT NULL,
	"publish_record" boolean DEFAULT false NOT NULL,
	"current_version" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "register_notices_service_unique" UNIQUE("service"),
	CONSTRAINT "register_notices_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "register_activities" ADD CONSTRAINT "register_activities_directorate_id_directorates_id_fk" FOREIGN KEY ("directorate_id") REFERENCES "public"."directorates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_activity_assets" ADD CONSTRAINT "register_activity_assets_activity_id_register_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."register_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_activity_assets" ADD CONSTRAINT "register_activity_assets_asset_id_register_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."register_assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_activity_classes" ADD CONSTRAINT "register_activity_classes_activity_id_register_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."register_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_activity_classes" ADD CONSTRAINT "register_activity_classes_class_id_record_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."record_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_agreement_activities" ADD CONSTRAINT "register_agreement_activities_agreement_id_register_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."register_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_agreement_activities" ADD CONSTRAINT "register_agreement_activities_activity_id_register_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."register_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_agreement_parties" ADD CONSTRAINT "register_agreement_parties_agreement_id_register_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."register_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_agreements" ADD CONSTRAINT "register_agreements_parent_id_register_agreements_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."register_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_agreements" ADD CONSTRAINT "register_agreements_directorate_id_directorates_id_fk" FOREIGN KEY ("directorate_id") REFERENCES "public"."directorates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_asset_classes" ADD CONSTRAINT "register_asset_classes_asset_id_register_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."register_assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_asset_classes" ADD CONSTRAINT "register_asset_classes_class_id_record_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."record_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_asset_locations" ADD CONSTRAINT "register_asset_locations_asset_id_register_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."register_assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_asset_locations" ADD CONSTRAINT "register_asset_locations_source_id_discovery_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."discovery_sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_assets" ADD CONSTRAINT "register_assets_directorate_id_directorates_id_fk" FOREIGN KEY ("directorate_id") REFERENCES "public"."directorates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_assets" ADD CONSTRAINT "register_assets_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_dpia_risks" ADD CONSTRAINT "register_dpia_risks_dpia_id_register_dpias_id_fk" FOREIGN KEY ("dpia_id") REFERENCES "public"."register_dpias"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_dpia_sections" ADD CONSTRAINT "register_dpia_sections_dpia_id_register_dpias_id_fk" FOREIGN KEY ("dpia_id") REFERENCES "public"."register_dpias"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_dpias" ADD CONSTRAINT "register_dpias_directorate_id_directorates_id_fk" FOREIGN KEY ("directorate_id") REFERENCES "public"."directorates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_dpias" ADD CONSTRAINT "register_dpias_previous_id_register_dpias_id_fk" FOREIGN KEY ("previous_id") REFERENCES "public"."register_dpias"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_dpias" ADD CONSTRAINT "register_dpias_activity_id_register_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."register_activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_dpias" ADD CONSTRAINT "register_dpias_asset_id_register_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."register_assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_dpias" ADD CONSTRAINT "register_dpias_agreement_id_register_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."register_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_notice_versions" ADD CONSTRAINT "register_notice_versions_notice_id_register_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."register_notices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "register_activities_service" ON "register_activities" USING btree ("service");--> statement-breakpoint
CREATE INDEX "register_activity_assets_asset" ON "register_activity_assets" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "register_agreement_parties_agreement" ON "register_agreement_parties" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "register_assets_review" ON "register_assets" USING btree ("next_review_on");--> statement-breakpoint
CREATE INDEX "register_assets_owner" ON "register_assets" USING btree ("owner_user_id");--> statement-breakpoint
CREATE INDEX "register_dpia_risks_dpia" ON "register_dpia_risks" USING btree ("dpia_id");--> statement-breakpoint
CREATE INDEX "register_dpias_status" ON "register_dpias" USING btree ("status");