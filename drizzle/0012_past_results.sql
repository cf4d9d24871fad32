CREATE TABLE "past_results" (
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"total" double precision NOT NULL,
	"rating_code" text NOT NULL,
	"instruments" jsonb NOT NULL,
	"indicators" jsonb NOT NULL,
	"source_file" text NOT NULL,
	"source_line" integer NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "past_results_agency_id_year_pk" PRIMARY KEY("agency_id","year"),
	CONSTRAINT "past_results_year_be" CHECK ("past_results"."year" between 2550 and 2700),
	CONSTRAINT "past_results_total_range" CHECK ("past_results"."total" between 0 and 100),
	CONSTRAINT "past_results_source_line" CHECK ("past_results"."source_line" >= 2)
);
--> statement-breakpoint
ALTER TABLE "past_results" ADD CONSTRAINT "past_results_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "past_results" ADD CONSTRAINT "past_results_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;