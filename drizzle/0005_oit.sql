CREATE TABLE "evidence_bodies" (
	"snapshot_id" uuid PRIMARY KEY NOT NULL,
	"encoding" text DEFAULT 'gzip' NOT NULL,
	"body" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"item_code" text NOT NULL,
	"url" text NOT NULL,
	"purpose" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"requested_by" uuid,
	"fetched_at" timestamp with time zone,
	"final_url" text,
	"redirects" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"http_status" integer,
	"content_type" text,
	"size_bytes" integer,
	"truncated" boolean DEFAULT false NOT NULL,
	"title" text,
	"sha256" text,
	"mentions_year" boolean,
	"on_main_domain" boolean,
	CONSTRAINT "evidence_snapshots_purpose_known" CHECK ("evidence_snapshots"."purpose" in ('saved', 'approval', 'assessment', 'clarification')),
	CONSTRAINT "evidence_snapshots_status_known" CHECK ("evidence_snapshots"."status" in ('pending', 'running', 'done', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "oit_answers" (
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"item_code" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"has" boolean,
	"urls" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"explanation" text,
	"assignee_id" uuid,
	"return_comment" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	CONSTRAINT "oit_answers_agency_id_year_item_code_pk" PRIMARY KEY("agency_id","year","item_code"),
	CONSTRAINT "oit_answers_state_known" CHECK ("oit_answers"."state" in ('draft', 'submitted', 'approved', 'returned', 'assessed', 'disputed', 'confirmed')),
	CONSTRAINT "oit_answers_urls_array" CHECK (jsonb_typeof("oit_answers"."urls") = 'array')
);
--> statement-breakpoint
CREATE TABLE "oit_clarifications" (
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"item_code" text NOT NULL,
	"explanation" text NOT NULL,
	"location" text,
	"filed_by" uuid,
	"filed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decision" text,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "oit_clarifications_agency_id_year_item_code_pk" PRIMARY KEY("agency_id","year","item_code"),
	CONSTRAINT "oit_clarifications_decision_known" CHECK ("oit_clarifications"."decision" is null or "oit_clarifications"."decision" in ('accepted', 'rejected')),
	CONSTRAINT "oit_clarifications_reason_when_rejected" CHECK ("oit_clarifications"."decision" is distinct from 'rejected' or ("oit_clarifications"."decision_reason" is not null and length(trim("oit_clarifications"."decision_reason")) > 0))
);
--> statement-breakpoint
CREATE TABLE "oit_reviews" (
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'answering' NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	"assessed_at" timestamp with time zone,
	"assessed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"reopened_at" timestamp with time zone,
	"reopened_by" uuid,
	"reopen_reason" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "oit_reviews_agency_id_year_pk" PRIMARY KEY("agency_id","year"),
	CONSTRAINT "oit_reviews_status_known" CHECK ("oit_reviews"."status" in ('answering', 'awaiting_approval', 'approved', 'assessed', 'confirmed'))
);
--> statement-breakpoint
CREATE TABLE "oit_scores" (
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"item_code" text NOT NULL,
	"score" integer NOT NULL,
	"components_found" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"comment" text,
	"advice" text,
	"original_score" integer,
	"assessor_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "oit_scores_agency_id_year_item_code_pk" PRIMARY KEY("agency_id","year","item_code"),
	CONSTRAINT "oit_scores_binary" CHECK ("oit_scores"."score" in (0, 100)),
	CONSTRAINT "oit_scores_advice_when_zero" CHECK ("oit_scores"."score" <> 0 or ("oit_scores"."advice" is not null and length(trim("oit_scores"."advice")) > 0))
);
--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_role_known";--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_agency_roles_have_agency";--> statement-breakpoint
ALTER TABLE "evidence_bodies" ADD CONSTRAINT "evidence_bodies_snapshot_id_evidence_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."evidence_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_snapshots" ADD CONSTRAINT "evidence_snapshots_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_snapshots" ADD CONSTRAINT "evidence_snapshots_participation_fk" FOREIGN KEY ("agency_id","year") REFERENCES "public"."participations"("agency_id","year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oit_answers" ADD CONSTRAINT "oit_answers_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oit_answers" ADD CONSTRAINT "oit_answers_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oit_answers" ADD CONSTRAINT "oit_answers_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oit_answers" ADD CONSTRAINT "oit_answers_participation_fk" FOREIGN KEY ("agency_id","year") REFERENCES "public"."participations"("agency_id","year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oit_clarifications" ADD CONSTRAINT "oit_clarifications_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oit_clarifications" ADD CONSTRAINT "oit_clarifications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oit_clarifications" ADD CONSTRAINT "oit_clarifications_participation_fk" FOREIGN KEY ("agency_id","year") REFERENCES "public"."participations"("agency_id","year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oit_reviews" ADD CONSTRAINT "oit_reviews_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oit_reviews" ADD CONSTRAINT "oit_reviews_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oit_reviews" ADD CONSTRAINT "oit_reviews_assessed_by_users_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oit_reviews" ADD CONSTRAINT "oit_reviews_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oit_reviews" ADD CONSTRAINT "oit_reviews_reopened_by_users_id_fk" FOREIGN KEY ("reopened_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oit_reviews" ADD CONSTRAINT "oit_reviews_participation_fk" FOREIGN KEY ("agency_id","year") REFERENCES "public"."participations"("agency_id","year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oit_scores" ADD CONSTRAINT "oit_scores_assessor_id_users_id_fk" FOREIGN KEY ("assessor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oit_scores" ADD CONSTRAINT "oit_scores_participation_fk" FOREIGN KEY ("agency_id","year") REFERENCES "public"."participations"("agency_id","year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_snapshots_queue_idx" ON "evidence_snapshots" USING btree ("next_attempt_at") WHERE "evidence_snapshots"."status" in ('pending', 'running');--> statement-breakpoint
CREATE INDEX "evidence_snapshots_item_idx" ON "evidence_snapshots" USING btree ("agency_id","year","item_code");--> statement-breakpoint
CREATE INDEX "oit_answers_assignee_idx" ON "oit_answers" USING btree ("assignee_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_role_known" CHECK (role in ('admin', 'assessor', 'supervisor', 'agency_admin', 'executive', 'agency_staff'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_agency_roles_have_agency" CHECK (("users"."role" in ('agency_admin', 'executive', 'agency_staff')) = ("users"."agency_id" is not null));