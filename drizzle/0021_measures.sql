CREATE TABLE "agency_divisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"source_year" integer NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"source" jsonb NOT NULL,
	"content" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"prepared_by" uuid,
	"prepared_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"progress_signed_by" uuid,
	"progress_signed_at" timestamp with time zone,
	CONSTRAINT "measure_documents_status" CHECK ("measure_documents"."status" IN ('draft', 'prepared', 'reviewed', 'approved')),
	CONSTRAINT "measure_documents_years" CHECK ("measure_documents"."source_year" = "measure_documents"."year" - 1),
	CONSTRAINT "measure_documents_version_positive" CHECK ("measure_documents"."version" >= 1),
	CONSTRAINT "measure_documents_published_approved" CHECK ("measure_documents"."published_at" IS NULL OR "measure_documents"."status" = 'approved')
);
--> statement-breakpoint
CREATE TABLE "measure_library" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator" text NOT NULL,
	"title" text NOT NULL,
	"steps" jsonb NOT NULL,
	"monitoring" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_library_steps_array" CHECK (jsonb_typeof("measure_library"."steps") = 'array')
);
--> statement-breakpoint
CREATE TABLE "measure_progress" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"day" date NOT NULL,
	"status" text NOT NULL,
	"note" text NOT NULL,
	"evidence_url" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_progress_status" CHECK ("measure_progress"."status" IN ('not_started', 'in_progress', 'done', 'cancelled'))
);
--> statement-breakpoint
ALTER TABLE "agency_divisions" ADD CONSTRAINT "agency_divisions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_documents" ADD CONSTRAINT "measure_documents_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_documents" ADD CONSTRAINT "measure_documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_documents" ADD CONSTRAINT "measure_documents_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_documents" ADD CONSTRAINT "measure_documents_prepared_by_users_id_fk" FOREIGN KEY ("prepared_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_documents" ADD CONSTRAINT "measure_documents_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_documents" ADD CONSTRAINT "measure_documents_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_documents" ADD CONSTRAINT "measure_documents_progress_signed_by_users_id_fk" FOREIGN KEY ("progress_signed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_library" ADD CONSTRAINT "measure_library_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_progress" ADD CONSTRAINT "measure_progress_document_id_measure_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."measure_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_progress" ADD CONSTRAINT "measure_progress_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agency_divisions_name" ON "agency_divisions" USING btree ("agency_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "measure_documents_version" ON "measure_documents" USING btree ("agency_id","year","version");--> statement-breakpoint
CREATE UNIQUE INDEX "measure_documents_one_open" ON "measure_documents" USING btree ("agency_id","year") WHERE "measure_documents"."status" <> 'approved';--> statement-breakpoint
CREATE UNIQUE INDEX "measure_library_title" ON "measure_library" USING btree ("indicator","title");--> statement-breakpoint
CREATE INDEX "measure_progress_document" ON "measure_progress" USING btree ("document_id","measure_id","day");--> statement-breakpoint
-- hand-written:
-- An approved measures document is locked: its content, source, status and approval record never change
-- again (a revision is a new version). Only publishing it and the executive's signature on the progress
-- report may still be set. Approved versions are never deleted (the agency's deletion cascades: TRUNCATE
-- and cascades from agencies are not row-level deletes of this table's own).
CREATE OR REPLACE FUNCTION measure_documents_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status = 'approved' AND pg_trigger_depth() = 1 THEN
      RAISE EXCEPTION 'an approved measures document is never deleted' USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'approved' AND (
    NEW.status IS DISTINCT FROM OLD.status OR NEW.content IS DISTINCT FROM OLD.content OR
    NEW.source IS DISTINCT FROM OLD.source OR NEW.agency_id IS DISTINCT FROM OLD.agency_id OR
    NEW.year IS DISTINCT FROM OLD.year OR NEW.version IS DISTINCT FROM OLD.version OR
    NEW.approved_by IS DISTINCT FROM OLD.approved_by OR NEW.approved_at IS DISTINCT FROM OLD.approved_at OR
    NEW.prepared_at IS DISTINCT FROM OLD.prepared_at OR NEW.reviewed_at IS DISTINCT FROM OLD.reviewed_at
  ) THEN
    RAISE EXCEPTION 'an approved measures document is locked' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER measure_documents_locked BEFORE UPDATE OR DELETE ON measure_documents
  FOR EACH ROW EXECUTE FUNCTION measure_documents_locked();
