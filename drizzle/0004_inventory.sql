CREATE TABLE "discovery_scans" (
	"id" serial PRIMARY KEY NOT NULL,
	"source_id" integer NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"files_seen" integer DEFAULT 0 NOT NULL,
	"files_processed" integer DEFAULT 0 NOT NULL,
	"bytes_seen" bigint DEFAULT 0 NOT NULL,
	"errors" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discovery_sources" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"root_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "discovery_sources_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "inventory_files" (
	"source_id" integer NOT NULL,
	"path" text NOT NULL,
	"size" bigint NOT NULL,
	"mtime" timestamp (3) with time zone NOT NULL,
	"inode" text NOT NULL,
	"sha256" text,
	"mime" text,
	"simhash" text,
	"duplicate_of" text,
	"near_duplicate_group" integer,
	"rot" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"pii_counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" text,
	"last_seen_scan" integer NOT NULL,
	"gone" boolean DEFAULT false NOT NULL,
	CONSTRAINT "inventory_files_source_id_path_pk" PRIMARY KEY("source_id","path")
);
--> statement-breakpoint
CREATE TABLE "inventory_findings" (
	"source_id" integer NOT NULL,
	"path" text NOT NULL,
	"ordinal" integer NOT NULL,
	"type" text NOT NULL,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	"page" integer,
	"confidence" real NOT NULL,
	"masked" text NOT NULL,
	"value_hmac" text NOT NULL,
	CONSTRAINT "inventory_findings_source_id_path_ordinal_pk" PRIMARY KEY("source_id","path","ordinal")
);
--> statement-breakpoint
ALTER TABLE "discovery_scans" ADD CONSTRAINT "discovery_scans_source_id_discovery_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."discovery_sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "discovery_scans_source" ON "discovery_scans" USING btree ("source_id","id");--> statement-breakpoint
CREATE INDEX "inventory_files_sha" ON "inventory_files" USING btree ("source_id","sha256");--> statement-breakpoint
CREATE INDEX "inventory_files_scan" ON "inventory_files" USING btree ("source_id","last_seen_scan");--> statement-breakpoint
CREATE INDEX "inventory_findings_hmac" ON "inventory_findings" USING btree ("source_id","value_hmac");