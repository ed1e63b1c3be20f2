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
ALTER TABLE "record_classification_rules" ADD CONSTRAINT "record_classification_rules_class_id_record_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."record_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_class_versions" ADD CONSTRAINT "record_class_versions_class_id_record_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."record_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_classes" ADD CONSTRAINT "record_classes_owner_directorate_id_directorates_id_fk" FOREIGN KEY ("owner_directorate_id") REFERENCES "public"."directorates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_items" ADD CONSTRAINT "record_items_class_id_record_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."record_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "record_items_due" ON "record_items" USING btree ("status","until");--> statement-breakpoint
CREATE INDEX "record_items_class" ON "record_items" USING btree ("class_id");