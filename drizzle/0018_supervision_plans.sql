CREATE TABLE "supervision_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" text,
	"ministry_code" text,
	"year" integer NOT NULL,
	"activities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supervision_plans_one_scope" CHECK (num_nonnulls("supervision_plans"."province_code", "supervision_plans"."ministry_code") = 1),
	CONSTRAINT "supervision_plans_year" CHECK ("supervision_plans"."year" between 2550 and 2700),
	CONSTRAINT "supervision_plans_activities_array" CHECK (jsonb_typeof("supervision_plans"."activities") = 'array'),
	CONSTRAINT "supervision_plans_version" CHECK ("supervision_plans"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "supervision_plans" ADD CONSTRAINT "supervision_plans_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_plans" ADD CONSTRAINT "supervision_plans_ministry_code_ministries_code_fk" FOREIGN KEY ("ministry_code") REFERENCES "public"."ministries"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_plans" ADD CONSTRAINT "supervision_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_plans" ADD CONSTRAINT "supervision_plans_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_plans_province_year" ON "supervision_plans" USING btree ("province_code","year") WHERE "supervision_plans"."province_code" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_plans_ministry_year" ON "supervision_plans" USING btree ("ministry_code","year") WHERE "supervision_plans"."ministry_code" is not null;