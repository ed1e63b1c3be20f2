DROP INDEX "inventory_files_scan";--> statement-breakpoint
ALTER TABLE "discovery_scans" ADD COLUMN "near_threshold" integer;--> statement-breakpoint
-- Room on each page for a changed row's new version, so the rescan's updates stay on the page (heap-only updates).
ALTER TABLE "inventory_files" SET (fillfactor = 80);
