CREATE TABLE "agency_results" (
	"run_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"total" numeric(5, 2) NOT NULL,
	"rating_code" text NOT NULL,
	"passes" boolean NOT NULL,
	"instruments" jsonb NOT NULL,
	"indicators" jsonb NOT NULL,
	"indicators_by_instrument" jsonb NOT NULL,
	"questions" jsonb NOT NULL,
	"sub_indicators" jsonb NOT NULL,
	"inputs_hash" text NOT NULL,
	CONSTRAINT "agency_results_run_id_agency_id_pk" PRIMARY KEY("run_id","agency_id"),
	CONSTRAINT "agency_results_total_range" CHECK ("agency_results"."total" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "processing_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"framework_version" integer,
	"kind" text NOT NULL,
	"scope" text NOT NULL,
	"scope_value" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress_done" integer DEFAULT 0 NOT NULL,
	"progress_total" integer DEFAULT 0 NOT NULL,
	"inputs_hash" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"lease_until" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"error" text,
	CONSTRAINT "processing_runs_kind" CHECK ("processing_runs"."kind" in ('run', 'preview')),
	CONSTRAINT "processing_runs_scope" CHECK ("processing_runs"."scope" in ('all', 'province', 'agency')),
	CONSTRAINT "processing_runs_status" CHECK ("processing_runs"."status" in ('queued', 'running', 'done', 'failed')),
	CONSTRAINT "processing_runs_scope_value" CHECK (("processing_runs"."scope" = 'all') = ("processing_runs"."scope_value" is null)),
	CONSTRAINT "processing_runs_run_is_all" CHECK ("processing_runs"."kind" = 'preview' or "processing_runs"."scope" = 'all'),
	CONSTRAINT "processing_runs_progress" CHECK ("processing_runs"."progress_done" between 0 and "processing_runs"."progress_total" and "processing_runs"."progress_total" >= 0),
	CONSTRAINT "processing_runs_year_be" CHECK ("processing_runs"."year" between 2550 and 2700)
);
--> statement-breakpoint
ALTER TABLE "agency_results" ADD CONSTRAINT "agency_results_run_id_processing_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."processing_runs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_results" ADD CONSTRAINT "agency_results_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processing_runs" ADD CONSTRAINT "processing_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agency_results_agency_idx" ON "agency_results" USING btree ("agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "processing_runs_one_active" ON "processing_runs" USING btree ("year") WHERE "processing_runs"."status" in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "processing_runs_year_idx" ON "processing_runs" USING btree ("year","created_at");--> statement-breakpoint
-- A finished run (done or failed) is immutable, and so are the results of a done run: a correction is a new
-- run. A running run may still move (progress, lease, its end), and a restarted one deletes its partial
-- results before it starts over. (drizzle-kit does not model triggers.)
CREATE FUNCTION "processing_runs_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'TRUNCATE' THEN
		RAISE EXCEPTION 'processing_runs keeps its history: TRUNCATE refused' USING ERRCODE = 'P0001';
	END IF;
	IF OLD."status" IN ('done', 'failed') THEN
		RAISE EXCEPTION 'processing run % is finished and cannot be changed: % refused', OLD."id", TG_OP USING ERRCODE = 'P0001';
	END IF;
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "processing_runs_immutable" BEFORE UPDATE OR DELETE ON "processing_runs" FOR EACH ROW EXECUTE FUNCTION "processing_runs_refuse_change"();--> statement-breakpoint
CREATE TRIGGER "processing_runs_no_truncate" BEFORE TRUNCATE ON "processing_runs" FOR EACH STATEMENT EXECUTE FUNCTION "processing_runs_refuse_change"();--> statement-breakpoint
CREATE FUNCTION "agency_results_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	run_status text;
BEGIN
	IF TG_OP <> 'DELETE' THEN
		RAISE EXCEPTION 'agency_results are never changed in place: % refused', TG_OP USING ERRCODE = 'P0001';
	END IF;
	SELECT "status" INTO run_status FROM "processing_runs" WHERE "id" = OLD."run_id";
	IF run_status IS DISTINCT FROM 'running' THEN
		RAISE EXCEPTION 'agency_results of a run that is not running (%): DELETE refused', run_status USING ERRCODE = 'P0001';
	END IF;
	RETURN OLD;
END;
$$;--> statement-breakpoint
-- Not on INSERT: a restore (pg_restore) inserts the results of finished runs. The worker inserts only under a
-- current claim of a running run (results.repo.ts lockClaim).
CREATE TRIGGER "agency_results_immutable" BEFORE UPDATE OR DELETE ON "agency_results" FOR EACH ROW EXECUTE FUNCTION "agency_results_refuse_change"();--> statement-breakpoint
CREATE TRIGGER "agency_results_no_truncate" BEFORE TRUNCATE ON "agency_results" FOR EACH STATEMENT EXECUTE FUNCTION "agency_results_refuse_change"();
