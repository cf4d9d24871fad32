CREATE TABLE "assessor_advice" (
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"entries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"overall" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessor_advice_agency_id_year_pk" PRIMARY KEY("agency_id","year"),
	CONSTRAINT "assessor_advice_entries_array" CHECK (jsonb_typeof("assessor_advice"."entries") = 'array'),
	CONSTRAINT "assessor_advice_version" CHECK ("assessor_advice"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "agency_results" ADD COLUMN "details" jsonb;--> statement-breakpoint
ALTER TABLE "assessor_advice" ADD CONSTRAINT "assessor_advice_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessor_advice" ADD CONSTRAINT "assessor_advice_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessor_advice" ADD CONSTRAINT "assessor_advice_participation_fk" FOREIGN KEY ("agency_id","year") REFERENCES "public"."participations"("agency_id","year") ON DELETE cascade ON UPDATE no action;