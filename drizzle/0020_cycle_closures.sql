CREATE TABLE "cycle_closures" (
	"year" integer PRIMARY KEY NOT NULL,
	"closed_at" timestamp with time zone NOT NULL,
	"closed_by" uuid,
	"reason" text NOT NULL,
	CONSTRAINT "cycle_closures_year_be" CHECK ("cycle_closures"."year" between 2550 and 2700),
	CONSTRAINT "cycle_closures_reason" CHECK (length(trim("cycle_closures"."reason")) > 0)
);
--> statement-breakpoint
ALTER TABLE "cycle_closures" ADD CONSTRAINT "cycle_closures_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;