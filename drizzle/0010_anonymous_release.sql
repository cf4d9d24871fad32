CREATE TABLE "held_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"instrument" text NOT NULL,
	"framework_version" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"duration_band" smallint,
	"channel" text NOT NULL,
	CONSTRAINT "held_responses_instrument" CHECK ("held_responses"."instrument" ~ '^[A-Z][A-Z0-9]{1,9}$'),
	CONSTRAINT "held_responses_channel" CHECK ("held_responses"."channel" in ('web', 'interview')),
	CONSTRAINT "held_responses_duration_band" CHECK ("held_responses"."duration_band" between 0 and 15)
);
--> statement-breakpoint
CREATE TABLE "iit_cap_notices" (
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"notified_at" timestamp with time zone NOT NULL,
	CONSTRAINT "iit_cap_notices_agency_id_year_pk" PRIMARY KEY("agency_id","year")
);
--> statement-breakpoint
CREATE TABLE "submission_receipts" (
	"receipt_hash" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "survey_responses" DROP CONSTRAINT "survey_responses_submission_id_unique";--> statement-breakpoint
ALTER TABLE "survey_responses" DROP CONSTRAINT "survey_responses_duration";--> statement-breakpoint
ALTER TABLE "stakeholder_data" ADD COLUMN "approved_iit_population" integer;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD COLUMN "duration_band" smallint;--> statement-breakpoint
ALTER TABLE "held_responses" ADD CONSTRAINT "held_responses_participation_fk" FOREIGN KEY ("agency_id","year") REFERENCES "public"."participations"("agency_id","year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "held_responses" ADD CONSTRAINT "held_responses_framework_fk" FOREIGN KEY ("year","framework_version") REFERENCES "public"."framework_versions"("year","version") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iit_cap_notices" ADD CONSTRAINT "iit_cap_notices_participation_fk" FOREIGN KEY ("agency_id","year") REFERENCES "public"."participations"("agency_id","year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "held_responses_group_idx" ON "held_responses" USING btree ("agency_id","year","instrument");--> statement-breakpoint
ALTER TABLE "survey_responses" DROP COLUMN "submission_id";--> statement-breakpoint
ALTER TABLE "survey_responses" DROP COLUMN "duration_seconds";--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_duration_band" CHECK ("survey_responses"."duration_band" between 0 and 15);--> statement-breakpoint
-- custom SQL (hand-written)
-- The cap on IIT responses: what the executive approved. Rows whose current numbers are approved carry
-- them over; a row awaiting re-approval has no approved number until the executive approves again.
UPDATE "stakeholder_data" SET "approved_iit_population" = "iit_population" WHERE "approved_revision" = "revision";--> statement-breakpoint
-- Answers recorded before this migration were written by the same transactions as their respondents' marks
-- (same xmin) and in the same order. Rewrite them once, in random order, in this migration's transaction;
-- their ids (which the audit trail of review decisions refers to) stay. Their exact durations are gone
-- (duration_band null: not measured).
CREATE TEMP TABLE "relink_responses" AS SELECT * FROM "survey_responses";--> statement-breakpoint
CREATE TEMP TABLE "relink_reviews" AS SELECT * FROM "response_reviews";--> statement-breakpoint
DELETE FROM "survey_responses";--> statement-breakpoint
INSERT INTO "survey_responses" SELECT * FROM "relink_responses" ORDER BY random();--> statement-breakpoint
INSERT INTO "response_reviews" SELECT * FROM "relink_reviews";--> statement-breakpoint
DROP TABLE "relink_responses";--> statement-breakpoint
DROP TABLE "relink_reviews";
