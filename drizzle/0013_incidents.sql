CREATE TABLE "incident_actions" (
	"id" serial PRIMARY KEY NOT NULL,
	"incident_id" integer NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"owner_id" integer NOT NULL,
	"due_on" date NOT NULL,
	"done_at" timestamp with time zone,
	"evidence" text DEFAULT '' NOT NULL,
	"reminded_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_escalations" (
	"id" serial PRIMARY KEY NOT NULL,
	"incident_id" integer NOT NULL,
	"stage" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"recipients" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_ico_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"incident_id" integer NOT NULL,
	"phase" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"submitted_by" integer,
	"sections" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_notifications" (
	"id" serial PRIMARY KEY NOT NULL,
	"incident_id" integer NOT NULL,
	"body" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"told_on" date NOT NULL,
	"reference" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_rota" (
	"id" serial PRIMARY KEY NOT NULL,
	"deputy_id" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" serial PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"status" text DEFAULT 'reported' NOT NULL,
	"reporter_kind" text NOT NULL,
	"reported_by" integer,
	"contact_name" text,
	"contact_email" text,
	"reported_at" timestamp with time zone NOT NULL,
	"summary" text NOT NULL,
	"occurred_at" timestamp with time zone,
	"discovered_at" timestamp with time zone,
	"people_approx" text,
	"records_approx" text,
	"information_kinds" text DEFAULT '' NOT NULL,
	"ongoing" text,
	"done_so_far" text DEFAULT '' NOT NULL,
	"near_miss_reported" boolean DEFAULT false NOT NULL,
	"directorate_id" integer,
	"service" text DEFAULT '' NOT NULL,
	"classification" text,
	"aware_at" timestamp with time zone,
	"triaged_at" timestamp with time zone,
	"triaged_by" integer,
	"triage_due_at" timestamp with time zone NOT NULL,
	"handler_id" integer,
	"triage_note" text DEFAULT '' NOT NULL,
	"how_found" text DEFAULT '' NOT NULL,
	"breach_types" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cause" text,
	"data_categories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"special_categories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"subject_categories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"people_count" integer,
	"records_count" integer,
	"children" boolean DEFAULT false NOT NULL,
	"vulnerable_adults" boolean DEFAULT false NOT NULL,
	"processor" text DEFAULT '' NOT NULL,
	"consequences" text DEFAULT '' NOT NULL,
	"measures_before" text DEFAULT '' NOT NULL,
	"likelihood" text,
	"severity" text,
	"risk_rationale" text DEFAULT '' NOT NULL,
	"enisa" jsonb,
	"staff_involved" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"staff_training" text,
	"assessed_at" timestamp with time zone,
	"ico_decision" text,
	"ico_reason" text DEFAULT '' NOT NULL,
	"ico_decided_by" integer,
	"ico_decided_at" timestamp with time zone,
	"ico_reported_at" timestamp with time zone,
	"ico_reference" text,
	"delay_reason" text DEFAULT '' NOT NULL,
	"subjects_decision" text,
	"subjects_reason" text DEFAULT '' NOT NULL,
	"art34_exemption" text,
	"subjects_told_on" date,
	"subjects_decided_by" integer,
	"root_cause" text DEFAULT '' NOT NULL,
	"lessons" text DEFAULT '' NOT NULL,
	"lessons_reviewed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incidents_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
ALTER TABLE "incident_actions" ADD CONSTRAINT "incident_actions_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_actions" ADD CONSTRAINT "incident_actions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_escalations" ADD CONSTRAINT "incident_escalations_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_ico_reports" ADD CONSTRAINT "incident_ico_reports_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_ico_reports" ADD CONSTRAINT "incident_ico_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_notifications" ADD CONSTRAINT "incident_notifications_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_rota" ADD CONSTRAINT "incident_rota_deputy_id_users_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_directorate_id_directorates_id_fk" FOREIGN KEY ("directorate_id") REFERENCES "public"."directorates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_triaged_by_users_id_fk" FOREIGN KEY ("triaged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_handler_id_users_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_ico_decided_by_users_id_fk" FOREIGN KEY ("ico_decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_subjects_decided_by_users_id_fk" FOREIGN KEY ("subjects_decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_actions_incident" ON "incident_actions" USING btree ("incident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "incident_escalations_stage" ON "incident_escalations" USING btree ("incident_id","stage");--> statement-breakpoint
CREATE INDEX "incident_ico_reports_incident" ON "incident_ico_reports" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "incident_notifications_incident" ON "incident_notifications" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "incidents_status" ON "incidents" USING btree ("status");--> statement-breakpoint
CREATE INDEX "incidents_reported_at" ON "incidents" USING btree ("reported_at");--> statement-breakpoint
CREATE INDEX "incidents_reported_by" ON "incidents" USING btree ("reported_by");