-- Unlogged: a crash empties it, and the next schedule run reads the sources again.
CREATE UNLOGGED TABLE "record_schedule_seen" (
	"run" integer NOT NULL,
	"source" text NOT NULL,
	"scope" integer NOT NULL,
	"key" text NOT NULL
);
