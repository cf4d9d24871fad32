CREATE TABLE "framework_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"base_year" integer NOT NULL,
	"base_version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_version" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "framework_drafts_status" CHECK ("framework_drafts"."status" in ('draft', 'published', 'discarded')),
	CONSTRAINT "framework_drafts_published_version" CHECK (("framework_drafts"."status" = 'published') = ("framework_drafts"."published_version" is not null)),
	CONSTRAINT "framework_drafts_revision_positive" CHECK ("framework_drafts"."revision" >= 1)
);
--> statement-breakpoint
ALTER TABLE "framework_versions" DROP CONSTRAINT "framework_versions_origin";--> statement-breakpoint
ALTER TABLE "framework_drafts" ADD CONSTRAINT "framework_drafts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_drafts" ADD CONSTRAINT "framework_drafts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "framework_drafts_one_open_per_year" ON "framework_drafts" USING btree ("year") WHERE "framework_drafts"."status" = 'draft';--> statement-breakpoint
ALTER TABLE "framework_versions" ADD CONSTRAINT "framework_versions_origin" CHECK ("framework_versions"."origin" in ('bundled', 'import', 'authored'));