-- The paths a scan walked, kept only while it runs: a rescan finds the gone files by what it did not walk,
-- instead of rewriting every unchanged inventory row. Unlogged because a crash simply rescans.
CREATE UNLOGGED TABLE "discovery_walked" (
	"source_id" integer NOT NULL,
	"scan_id" integer NOT NULL,
	"path" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inventory_files" RENAME COLUMN "last_seen_scan" TO "read_in_scan";
