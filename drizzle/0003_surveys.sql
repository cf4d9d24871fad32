CREATE TABLE "eit2_interviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"contact_id" uuid NOT NULL,
	"interviewer_id" uuid,
	"outcome" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone NOT NULL,
	"paradata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"pending_answers" jsonb,
	"status" text DEFAULT 'entered' NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_reason" text,
	CONSTRAINT "eit2_interviews_outcome" CHECK ("eit2_interviews"."outcome" in ('completed', 'refused', 'unreachable', 'wrong_number')),
	CONSTRAINT "eit2_interviews_status" CHECK ("eit2_interviews"."status" in ('entered', 'approved', 'rejected')),
	CONSTRAINT "eit2_interviews_times" CHECK ("eit2_interviews"."ended_at" >= "eit2_interviews"."started_at"),
	CONSTRAINT "eit2_interviews_answers_only_pending" CHECK (("eit2_interviews"."status" = 'entered' and "eit2_interviews"."outcome" = 'completed') = ("eit2_interviews"."pending_answers" is not null)),
	CONSTRAINT "eit2_interviews_rejection_reason" CHECK ("eit2_interviews"."status" <> 'rejected' or length(trim(coalesce("eit2_interviews"."review_reason", ''))) > 0)
);
--> statement-breakpoint
CREATE TABLE "eit2_samples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"seed" text NOT NULL,
	"algorithm" text NOT NULL,
	"size" integer NOT NULL,
	"reserve_count" integer NOT NULL,
	"selected" jsonb NOT NULL,
	"reserves" jsonb NOT NULL,
	"drawn_by" uuid,
	"drawn_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "eit2_samples_sizes" CHECK ("eit2_samples"."size" >= 1 and "eit2_samples"."reserve_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "eit_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"email" text,
	"relation" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "eit_contacts_reachable" CHECK (num_nonnulls("eit_contacts"."phone", "eit_contacts"."email") >= 1),
	CONSTRAINT "eit_contacts_phone_format" CHECK ("eit_contacts"."phone" is null or "eit_contacts"."phone" ~ '^\+66[0-9]{9}$')
);
--> statement-breakpoint
CREATE TABLE "eit_respondents" (
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"destination_hash" text NOT NULL,
	CONSTRAINT "eit_respondents_agency_id_year_destination_hash_pk" PRIMARY KEY("agency_id","year","destination_hash")
);
--> statement-breakpoint
CREATE TABLE "otp_challenges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"channel" text NOT NULL,
	"destination_hash" text NOT NULL,
	"code_hash" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"last_sent_at" timestamp with time zone NOT NULL,
	"sends" integer DEFAULT 1 NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"verified_at" timestamp with time zone,
	CONSTRAINT "otp_challenges_channel" CHECK ("otp_challenges"."channel" in ('sms', 'email'))
);
--> statement-breakpoint
CREATE TABLE "rate_buckets" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_buckets_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "response_reviews" (
	"response_id" uuid PRIMARY KEY NOT NULL,
	"decision" text NOT NULL,
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "response_reviews_decision" CHECK ("response_reviews"."decision" in ('keep', 'exclude')),
	CONSTRAINT "response_reviews_reason" CHECK ("response_reviews"."decision" = 'keep' or length(trim(coalesce("response_reviews"."reason", ''))) > 0)
);
--> statement-breakpoint
CREATE TABLE "sms_daily_usage" (
	"agency_id" uuid NOT NULL,
	"day" date NOT NULL,
	"sent" integer DEFAULT 0 NOT NULL,
	"warned_at" timestamp with time zone,
	CONSTRAINT "sms_daily_usage_agency_id_day_pk" PRIMARY KEY("agency_id","day")
);
--> statement-breakpoint
CREATE TABLE "stage_extensions" (
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"stage" text NOT NULL,
	"ends_on" date NOT NULL,
	"reason" text NOT NULL,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stage_extensions_agency_id_year_stage_pk" PRIMARY KEY("agency_id","year","stage"),
	CONSTRAINT "stage_extensions_reason" CHECK (length(trim("stage_extensions"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "stakeholder_data" (
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"iit_population" integer,
	"eit_population" integer,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_revision" integer,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	CONSTRAINT "stakeholder_data_agency_id_year_pk" PRIMARY KEY("agency_id","year"),
	CONSTRAINT "stakeholder_data_iit_range" CHECK ("stakeholder_data"."iit_population" is null or "stakeholder_data"."iit_population" between 0 and 5000000),
	CONSTRAINT "stakeholder_data_eit_range" CHECK ("stakeholder_data"."eit_population" is null or "stakeholder_data"."eit_population" between 0 and 100000000),
	CONSTRAINT "stakeholder_data_approval" CHECK ("stakeholder_data"."approved_revision" is null or "stakeholder_data"."approved_revision" between 1 and "stakeholder_data"."revision")
);
--> statement-breakpoint
CREATE TABLE "survey_access" (
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"access_code" text NOT NULL,
	"code_rotated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"tokens_required" boolean DEFAULT false NOT NULL,
	CONSTRAINT "survey_access_agency_id_year_pk" PRIMARY KEY("agency_id","year"),
	CONSTRAINT "survey_access_code_format" CHECK ("survey_access"."access_code" ~ '^[A-Z0-9]{6,12}$')
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"instrument" text NOT NULL,
	"framework_version" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"duration_seconds" integer NOT NULL,
	"submitted_on" date NOT NULL,
	"channel" text NOT NULL,
	CONSTRAINT "survey_responses_submission_id_unique" UNIQUE("submission_id"),
	CONSTRAINT "survey_responses_instrument" CHECK ("survey_responses"."instrument" ~ '^[A-Z][A-Z0-9]{1,9}$'),
	CONSTRAINT "survey_responses_channel" CHECK ("survey_responses"."channel" in ('web', 'interview')),
	CONSTRAINT "survey_responses_duration" CHECK ("survey_responses"."duration_seconds" between 0 and 86400)
);
--> statement-breakpoint
CREATE TABLE "survey_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"batch_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "used_survey_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "eit2_interviews" ADD CONSTRAINT "eit2_interviews_contact_id_eit_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."eit_contacts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eit2_interviews" ADD CONSTRAINT "eit2_interviews_interviewer_id_users_id_fk" FOREIGN KEY ("interviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eit2_interviews" ADD CONSTRAINT "eit2_interviews_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eit2_interviews" ADD CONSTRAINT "eit2_interviews_participation_fk" FOREIGN KEY ("agency_id","year") REFERENCES "public"."participations"("agency_id","year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eit2_samples" ADD CONSTRAINT "eit2_samples_drawn_by_users_id_fk" FOREIGN KEY ("drawn_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eit2_samples" ADD CONSTRAINT "eit2_samples_participation_fk" FOREIGN KEY ("agency_id","year") REFERENCES "public"."participations"("agency_id","year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eit_contacts" ADD CONSTRAINT "eit_contacts_participation_fk" FOREIGN KEY ("agency_id","year") REFERENCES "public"."participations"("agency_id","year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eit_respondents" ADD CONSTRAINT "eit_respondents_participation_fk" FOREIGN KEY ("agency_id","year") REFERENCES "public"."participations"("agency_id","year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "otp_challenges" ADD CONSTRAINT "otp_challenges_participation_fk" FOREIGN KEY ("agency_id","year") REFERENCES "public"."participations"("agency_id","year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_reviews" ADD CONSTRAINT "response_reviews_response_id_survey_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_reviews" ADD CONSTRAINT "response_reviews_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_extensions" ADD CONSTRAINT "stage_extensions_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_extensions" ADD CONSTRAINT "stage_extensions_participation_fk" FOREIGN KEY ("agency_id","year") REFERENCES "public"."participations"("agency_id","year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_data" ADD CONSTRAINT "stakeholder_data_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_data" ADD CONSTRAINT "stakeholder_data_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_data" ADD CONSTRAINT "stakeholder_data_participation_fk" FOREIGN KEY ("agency_id","year") REFERENCES "public"."participations"("agency_id","year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_access" ADD CONSTRAINT "survey_access_participation_fk" FOREIGN KEY ("agency_id","year") REFERENCES "public"."participations"("agency_id","year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_participation_fk" FOREIGN KEY ("agency_id","year") REFERENCES "public"."participations"("agency_id","year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_framework_fk" FOREIGN KEY ("year","framework_version") REFERENCES "public"."framework_versions"("year","version") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_tokens" ADD CONSTRAINT "survey_tokens_participation_fk" FOREIGN KEY ("agency_id","year") REFERENCES "public"."participations"("agency_id","year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "eit2_interviews_agency_idx" ON "eit2_interviews" USING btree ("agency_id","year","status");--> statement-breakpoint
CREATE UNIQUE INDEX "eit2_samples_one_per_year" ON "eit2_samples" USING btree ("agency_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "eit_contacts_phone_unique" ON "eit_contacts" USING btree ("agency_id","year","phone") WHERE "eit_contacts"."phone" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "eit_contacts_email_unique" ON "eit_contacts" USING btree ("agency_id","year",lower("email")) WHERE "eit_contacts"."email" is not null;--> statement-breakpoint
CREATE INDEX "eit_contacts_agency_year_idx" ON "eit_contacts" USING btree ("agency_id","year");--> statement-breakpoint
CREATE INDEX "otp_challenges_issued_idx" ON "otp_challenges" USING btree ("issued_at");--> statement-breakpoint
CREATE INDEX "rate_buckets_window_idx" ON "rate_buckets" USING btree ("window_start");--> statement-breakpoint
CREATE INDEX "survey_responses_agency_idx" ON "survey_responses" USING btree ("agency_id","year","instrument");--> statement-breakpoint
CREATE INDEX "survey_tokens_batch_idx" ON "survey_tokens" USING btree ("batch_id");