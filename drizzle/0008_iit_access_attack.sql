ALTER TABLE "survey_access" ADD COLUMN "attack_seen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "survey_access" ADD COLUMN "attack_alerted_at" timestamp with time zone;