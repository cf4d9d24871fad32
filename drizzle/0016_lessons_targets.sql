CREATE TABLE "lessons_targets" (
	"year" integer NOT NULL,
	"scope_kind" text NOT NULL,
	"scope_code" text NOT NULL,
	"threshold" double precision NOT NULL,
	"share" double precision NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "lessons_targets_year_scope_kind_scope_code_pk" PRIMARY KEY("year","scope_kind","scope_code"),
	CONSTRAINT "lessons_targets_kind" CHECK ("lessons_targets"."scope_kind" in ('nation', 'province', 'ministry')),
	CONSTRAINT "lessons_targets_code" CHECK (("lessons_targets"."scope_kind" = 'nation') = ("lessons_targets"."scope_code" = '')),
	CONSTRAINT "lessons_targets_year_be" CHECK ("lessons_targets"."year" between 2550 and 2700),
	CONSTRAINT "lessons_targets_threshold" CHECK ("lessons_targets"."threshold" between 0 and 100),
	CONSTRAINT "lessons_targets_share" CHECK ("lessons_targets"."share" between 0 and 1)
);
--> statement-breakpoint
ALTER TABLE "lessons_targets" ADD CONSTRAINT "lessons_targets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;