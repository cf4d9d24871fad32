ALTER TABLE "oit_answers" ADD COLUMN "submitted_by" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "awaiting_confirmation" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "oit_answers" ADD CONSTRAINT "oit_answers_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_only_executives_await_confirmation" CHECK (not "users"."awaiting_confirmation" or "users"."role" = 'executive');--> statement-breakpoint
-- custom SQL (hand-written)
-- Items sent for approval before this migration: their submitter is the one the review row recorded.
UPDATE "oit_answers" a SET "submitted_by" = r."submitted_by"
  FROM "oit_reviews" r
  WHERE a."agency_id" = r."agency_id" AND a."year" = r."year" AND a."state" <> 'draft' AND a."submitted_by" IS NULL;
