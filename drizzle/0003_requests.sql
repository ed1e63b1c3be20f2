CREATE TABLE "outbox" (
	"id" serial PRIMARY KEY NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"entity_type" text,
	"entity_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "request_attachments" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"sha256" text NOT NULL,
	"filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_cases" (
	"id" serial PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"channel" text NOT NULL,
	"subject" text NOT NULL,
	"description" text NOT NULL,
	"requester_name" text NOT NULL,
	"requester_email" text,
	"requester_address" text,
	"what_do_they_know" boolean DEFAULT false NOT NULL,
	"press_interest" boolean DEFAULT false NOT NULL,
	"received_on" date NOT NULL,
	"clock_start" date NOT NULL,
	"pauses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"stopped_for" text,
	"extended" boolean DEFAULT false NOT NULL,
	"extension_reason" text,
	"allocation_due_on" date NOT NULL,
	"draft_due_on" date NOT NULL,
	"due_on" date NOT NULL,
	"calendar_version" text NOT NULL,
	"directorate_id" integer,
	"team_id" integer,
	"assignee_id" integer,
	"outcome" text,
	"exemptions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"public_interest" text,
	"cost_estimate_hours" real,
	"response_text" text,
	"approved_by" integer,
	"press_sight_by" integer,
	"responded_on" date,
	"closed_on" date,
	"review_of" integer,
	"review_outcome" text,
	"ico_reference" text,
	"ico_outcome" text,
	"identity_verified_on" date,
	"identity_method" text,
	"published" boolean DEFAULT false NOT NULL,
	"published_title" text,
	"published_response" text,
	"published_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "request_cases_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "request_contributions" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"note" text NOT NULL,
	"requested_on" date NOT NULL,
	"due_on" date NOT NULL,
	"received_on" date
);
--> statement-breakpoint
CREATE TABLE "request_sequences" (
	"prefix" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "request_sequences_key" UNIQUE("prefix","year")
);
--> statement-breakpoint
CREATE TABLE "request_targets" (
	"directorate_id" integer PRIMARY KEY NOT NULL,
	"foi_percent" real DEFAULT 95 NOT NULL,
	"sar_percent" real DEFAULT 95 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sar_disclosures" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"item" text NOT NULL,
	"decision" text NOT NULL,
	"exemption" text
);
--> statement-breakpoint
CREATE TABLE "sar_searches" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"system_id" integer NOT NULL,
	"searched_on" date NOT NULL,
	"searched_by" integer,
	"found" boolean NOT NULL,
	"notes" text
);
--> statement-breakpoint
CREATE TABLE "sar_systems" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "sar_systems_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "publication_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"class_code" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"url" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transparency_datasets" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"frequency" text NOT NULL,
	"url" text,
	"last_published_on" date,
	CONSTRAINT "transparency_datasets_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "request_attachments" ADD CONSTRAINT "request_attachments_case_id_request_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."request_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_cases" ADD CONSTRAINT "request_cases_directorate_id_directorates_id_fk" FOREIGN KEY ("directorate_id") REFERENCES "public"."directorates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_cases" ADD CONSTRAINT "request_cases_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_cases" ADD CONSTRAINT "request_cases_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_cases" ADD CONSTRAINT "request_cases_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_cases" ADD CONSTRAINT "request_cases_press_sight_by_users_id_fk" FOREIGN KEY ("press_sight_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_contributions" ADD CONSTRAINT "request_contributions_case_id_request_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."request_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_contributions" ADD CONSTRAINT "request_contributions_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_targets" ADD CONSTRAINT "request_targets_directorate_id_directorates_id_fk" FOREIGN KEY ("directorate_id") REFERENCES "public"."directorates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sar_disclosures" ADD CONSTRAINT "sar_disclosures_case_id_request_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."request_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sar_searches" ADD CONSTRAINT "sar_searches_case_id_request_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."request_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sar_searches" ADD CONSTRAINT "sar_searches_system_id_sar_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."sar_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sar_searches" ADD CONSTRAINT "sar_searches_searched_by_users_id_fk" FOREIGN KEY ("searched_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_unsent" ON "outbox" USING btree ("sent_at","id");--> statement-breakpoint
CREATE INDEX "outbox_entity" ON "outbox" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "request_attachments_case" ON "request_attachments" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "request_cases_status_due" ON "request_cases" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "request_cases_directorate_due" ON "request_cases" USING btree ("directorate_id","due_on");--> statement-breakpoint
CREATE INDEX "request_cases_team_due" ON "request_cases" USING btree ("team_id","due_on");--> statement-breakpoint
CREATE INDEX "request_cases_assignee_due" ON "request_cases" USING btree ("assignee_id","due_on");--> statement-breakpoint
CREATE INDEX "request_cases_received" ON "request_cases" USING btree ("received_on");--> statement-breakpoint
CREATE INDEX "request_cases_published" ON "request_cases" USING btree ("published","published_on");--> statement-breakpoint
CREATE INDEX "publication_entries_class" ON "publication_entries" USING btree ("class_code");