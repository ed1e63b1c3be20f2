CREATE TABLE "inventory_file_disposals" (
	"source_id" integer NOT NULL,
	"path" text NOT NULL,
	"certificate" text NOT NULL,
	"state" text DEFAULT 'to-remove' NOT NULL,
	"quarantine_path" text,
	"purge_on" date NOT NULL,
	CONSTRAINT "inventory_file_disposals_source_id_path_pk" PRIMARY KEY("source_id","path")
);
--> statement-breakpoint
ALTER TABLE "discovery_sources" ADD COLUMN "disposal" text DEFAULT 'quarantine' NOT NULL;--> statement-breakpoint
ALTER TABLE "inventory_files" ADD COLUMN "disposal_certificate" text;