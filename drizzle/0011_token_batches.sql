CREATE TABLE "survey_token_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "survey_token_batches" ADD CONSTRAINT "survey_token_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_token_batches" ADD CONSTRAINT "survey_token_batches_participation_fk" FOREIGN KEY ("agency_id","year") REFERENCES "public"."participations"("agency_id","year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_token_batches_agency_year_idx" ON "survey_token_batches" USING btree ("agency_id","year");--> statement-breakpoint
-- Batches issued before this table: when and by whom come from each batch's audit entry (written in the
-- same transaction as its tokens); a batch without one (demo data) is dated now and has no author.
INSERT INTO "survey_token_batches" ("id", "agency_id", "year", "created_at", "created_by")
SELECT b."batch_id", b."agency_id", b."year", coalesce(a."occurred_at", now()), u."id"
FROM (SELECT DISTINCT ON ("batch_id") "batch_id", "agency_id", "year" FROM "survey_tokens" ORDER BY "batch_id") b
LEFT JOIN LATERAL (
  SELECT "occurred_at", "actor_user_id" FROM "audit_log"
  WHERE "entity_type" = 'iit_token_batch' AND "entity_id" = b."batch_id"::text
  ORDER BY "seq" LIMIT 1
) a ON true
LEFT JOIN "users" u ON u."id" = a."actor_user_id";--> statement-breakpoint
ALTER TABLE "survey_tokens" ADD CONSTRAINT "survey_tokens_batch_id_survey_token_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."survey_token_batches"("id") ON DELETE cascade ON UPDATE no action;