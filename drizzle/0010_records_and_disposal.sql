CREATE TABLE "record_classification_rules" (
	"id" serial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"scope" integer DEFAULT 0 NOT NULL,
	"selector" text NOT NULL,
	"class_id" integer NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "record_classification_rules_selector" UNIQUE("source","scope","selector")
);
--> statement-breakpoint
CREATE TABLE "disposal_certificates" (
	"number" text PRIMARY KEY NOT NULL,
	"list_id" integer NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"content" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disposal_list_items" (
	"list_id" integer NOT NULL,
	"item_id" integer NOT NULL,
	"decision" text DEFAULT 'pending' NOT NULL,
	"keep_until" date,
	"reason" text,
	"new_class_id" integer,
	"decided_by" text,
	"reviewed_fingerprint" text,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"outcome_note" text,
	"done_at" timestamp with time zone,
	CONSTRAINT "disposal_list_items_list_id_item_id_pk" PRIMARY KEY("list_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "disposal_lists" (
	"id" serial PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"class_id" integer NOT NULL,
	"class_version" integer NOT NULL,
	"directorate_id" integer,
	"status" text NOT NULL,
	"proposed_on" date NOT NULL,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"cooling_off_until" date,
	"stopped_by" text,
	"stopped_at" timestamp with time zone,
	"stop_reason" text,
	"executed_by" text,
	"executed_at" timestamp with time zone,
	"certificate_number" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disposal_lists_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "disposal_sequences" (
	"prefix" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "disposal_sequences_key" UNIQUE("prefix","year")
);
--> statement-breakpoint
CREATE TABLE "legal_hold_scopes" (
	"id" serial PRIMARY KEY NOT NULL,
	"hold_id" integer NOT NULL,
	"kind" text NOT NULL,
	"class_id" integer,
	"source" text,
	"scope" integer,
	"folder" text,
	"directorate_id" integer,
	"item_id" integer,
	"term" text
);
--> statement-breakpoint
CREATE TABLE "legal_holds" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"reason" text NOT NULL,
	"authority" text NOT NULL,
	"requested_by" text NOT NULL,
	"review_on" date,
	"placed_by" text NOT NULL,
	"placed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_by" text,
	"released_at" timestamp with time zone,
	"release_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "legal_holds_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "record_class_versions" (
	"class_id" integer NOT NULL,
	"version" integer NOT NULL,
	"function" text NOT NULL,
	"activity" text NOT NULL,
	"description" text NOT NULL,
	"trigger" text NOT NULL,
	"period" text NOT NULL,
	"counted_from" text NOT NULL,
	"action" text NOT NULL,
	"authority" text NOT NULL,
	"authority_url" text,
	"personal_data" boolean NOT NULL,
	"special_category" boolean NOT NULL,
	"notes" text NOT NULL,
	"variance" text DEFAULT '' NOT NULL,
	"change_reason" text NOT NULL,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "record_class_versions_class_id_version_pk" PRIMARY KEY("class_id","version")
);
--> statement-breakpoint
CREATE TABLE "record_classes" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"current_version" integer NOT NULL,
	"owner_directorate_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "record_classes_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "record_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"scope" integer NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"class_id" integer NOT NULL,
	"class_version" integer NOT NULL,
	"assigned_class_id" integer,
	"trigger_on" date NOT NULL,
	"until" date,
	"directorate_id" integer,
	"size" bigint DEFAULT 0 NOT NULL,
	"fingerprint" text NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"keep_until" date,
	"keep_reason" text,
	"certificate_number" text,
	"disposed_on" date,
	"scheduled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "record_items_source_key" UNIQUE("source","scope","key")
);
--> statement-breakpoint
-- Unlogged: a crash empties it, and the next schedule run reads the sources again.
CREATE UNLOGGED TABLE "record_schedule_seen" (
	"run" integer NOT NULL,
	"source" text NOT NULL,
	"scope" integer NOT NULL,
	"key" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_file_purges" (
	"sha256" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "request_cases" ADD COLUMN "erased_on" date;--> statement-breakpoint
ALTER TABLE "request_cases" ADD COLUMN "disposal_certificate" text;--> statement-breakpoint
ALTER TABLE "record_classification_rules" ADD CONSTRAINT "record_classification_rules_class_id_record_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."record_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disposal_certificates" ADD CONSTRAINT "disposal_certificates_list_id_disposal_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."disposal_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disposal_list_items" ADD CONSTRAINT "disposal_list_items_list_id_disposal_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."disposal_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disposal_list_items" ADD CONSTRAINT "disposal_list_items_item_id_record_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."record_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disposal_list_items" ADD CONSTRAINT "disposal_list_items_new_class_id_record_classes_id_fk" FOREIGN KEY ("new_class_id") REFERENCES "public"."record_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disposal_lists" ADD CONSTRAINT "disposal_lists_class_id_record_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."record_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disposal_lists" ADD CONSTRAINT "disposal_lists_directorate_id_directorates_id_fk" FOREIGN KEY ("directorate_id") REFERENCES "public"."directorates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_hold_scopes" ADD CONSTRAINT "legal_hold_scopes_hold_id_legal_holds_id_fk" FOREIGN KEY ("hold_id") REFERENCES "public"."legal_holds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_hold_scopes" ADD CONSTRAINT "legal_hold_scopes_class_id_record_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."record_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_hold_scopes" ADD CONSTRAINT "legal_hold_scopes_directorate_id_directorates_id_fk" FOREIGN KEY ("directorate_id") REFERENCES "public"."directorates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_hold_scopes" ADD CONSTRAINT "legal_hold_scopes_item_id_record_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."record_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_class_versions" ADD CONSTRAINT "record_class_versions_class_id_record_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."record_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_classes" ADD CONSTRAINT "record_classes_owner_directorate_id_directorates_id_fk" FOREIGN KEY ("owner_directorate_id") REFERENCES "public"."directorates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_items" ADD CONSTRAINT "record_items_class_id_record_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."record_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_items" ADD CONSTRAINT "record_items_assigned_class_id_record_classes_id_fk" FOREIGN KEY ("assigned_class_id") REFERENCES "public"."record_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "disposal_list_items_item" ON "disposal_list_items" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "disposal_lists_status" ON "disposal_lists" USING btree ("status");--> statement-breakpoint
CREATE INDEX "legal_hold_scopes_hold" ON "legal_hold_scopes" USING btree ("hold_id");--> statement-breakpoint
CREATE INDEX "record_items_due" ON "record_items" USING btree ("status","until");--> statement-breakpoint
CREATE INDEX "record_items_class" ON "record_items" USING btree ("class_id");