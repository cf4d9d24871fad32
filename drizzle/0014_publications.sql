CREATE TABLE "publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"run_id" uuid NOT NULL,
	"publish_at" timestamp with time zone NOT NULL,
	"reason" text,
	"supersedes" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" uuid,
	"notified_at" timestamp with time zone,
	CONSTRAINT "publications_year_be" CHECK ("publications"."year" between 2550 and 2700),
	CONSTRAINT "publications_reason" CHECK (("publications"."supersedes" is null) or ("publications"."reason" is not null)),
	CONSTRAINT "publications_cancel" CHECK (("publications"."cancelled_at" is null) = ("publications"."cancelled_by" is null)),
	CONSTRAINT "publications_cancel_or_notify" CHECK ("publications"."cancelled_at" is null or "publications"."notified_at" is null)
);
--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_run_id_processing_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."processing_runs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "publications_year_idx" ON "publications" USING btree ("year","publish_at");--> statement-breakpoint
CREATE INDEX "publications_due_idx" ON "publications" USING btree ("publish_at") WHERE "publications"."notified_at" is null and "publications"."cancelled_at" is null;--> statement-breakpoint
-- A publication is never edited or deleted: a correction is a newer publication. Only two one-time changes
-- pass: cancelling one (before it took effect: the service checks the time, under the row's lock) and
-- recording that its notice was sent. Everything else is refused, like the results it publishes.
-- (drizzle-kit does not model triggers.)
CREATE FUNCTION "publications_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'TRUNCATE' OR TG_OP = 'DELETE' THEN
		RAISE EXCEPTION 'publications keep their history: % refused', TG_OP USING ERRCODE = 'P0001';
	END IF;
	IF NEW."id" IS DISTINCT FROM OLD."id" OR NEW."year" IS DISTINCT FROM OLD."year"
		OR NEW."run_id" IS DISTINCT FROM OLD."run_id" OR NEW."publish_at" IS DISTINCT FROM OLD."publish_at"
		OR NEW."reason" IS DISTINCT FROM OLD."reason" OR NEW."supersedes" IS DISTINCT FROM OLD."supersedes"
		OR NEW."created_by" IS DISTINCT FROM OLD."created_by" OR NEW."created_at" IS DISTINCT FROM OLD."created_at"
		OR (OLD."cancelled_at" IS NOT NULL AND NEW."cancelled_at" IS DISTINCT FROM OLD."cancelled_at")
		OR (OLD."cancelled_by" IS NOT NULL AND NEW."cancelled_by" IS DISTINCT FROM OLD."cancelled_by")
		OR (OLD."notified_at" IS NOT NULL AND NEW."notified_at" IS DISTINCT FROM OLD."notified_at")
		OR (OLD."notified_at" IS NOT NULL AND NEW."cancelled_at" IS NOT NULL) THEN
		RAISE EXCEPTION 'publication % cannot be changed (only cancelled once, or marked notified once)', OLD."id" USING ERRCODE = 'P0001';
	END IF;
	RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "publications_immutable" BEFORE UPDATE OR DELETE ON "publications" FOR EACH ROW EXECUTE FUNCTION "publications_refuse_change"();--> statement-breakpoint
CREATE TRIGGER "publications_no_truncate" BEFORE TRUNCATE ON "publications" FOR EACH STATEMENT EXECUTE FUNCTION "publications_refuse_change"();--> statement-breakpoint
-- Only a finished run of kind `run`, of the same year, is publishable (never a preview, a failed or an
-- unfinished run).
CREATE FUNCTION "publications_check_run"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	r record;
BEGIN
	SELECT "year", "kind", "status" INTO r FROM "processing_runs" WHERE "id" = NEW."run_id";
	IF r IS NULL OR r."kind" <> 'run' OR r."status" <> 'done' OR r."year" <> NEW."year" THEN
		RAISE EXCEPTION 'only a finished run of the year can be published' USING ERRCODE = 'P0001';
	END IF;
	RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "publications_publishable_run" BEFORE INSERT ON "publications" FOR EACH ROW EXECUTE FUNCTION "publications_check_run"();
