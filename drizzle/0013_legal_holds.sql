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
ALTER TABLE "legal_hold_scopes" ADD CONSTRAINT "legal_hold_scopes_hold_id_legal_holds_id_fk" FOREIGN KEY ("hold_id") REFERENCES "public"."legal_holds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_hold_scopes" ADD CONSTRAINT "legal_hold_scopes_class_id_record_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."record_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_hold_scopes" ADD CONSTRAINT "legal_hold_scopes_directorate_id_directorates_id_fk" FOREIGN KEY ("directorate_id") REFERENCES "public"."directorates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_hold_scopes" ADD CONSTRAINT "legal_hold_scopes_item_id_record_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."record_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "legal_hold_scopes_hold" ON "legal_hold_scopes" USING btree ("hold_id");