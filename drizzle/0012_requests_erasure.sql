CREATE TABLE "request_file_purges" (
	"sha256" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "request_cases" ADD COLUMN "erased_on" date;--> statement-breakpoint
ALTER TABLE "request_cases" ADD COLUMN "disposal_certificate" text;