CREATE TABLE "measure_progress_file_bodies" (
	"file_id" uuid PRIMARY KEY NOT NULL,
	"body" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure_progress_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"progress_id" uuid NOT NULL,
	"name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_progress_files_type" CHECK ("measure_progress_files"."media_type" IN ('application/pdf', 'image/jpeg', 'image/png', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')),
	CONSTRAINT "measure_progress_files_size" CHECK ("measure_progress_files"."size" > 0)
);
--> statement-breakpoint
ALTER TABLE "measure_progress_file_bodies" ADD CONSTRAINT "measure_progress_file_bodies_file_id_measure_progress_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."measure_progress_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_progress_files" ADD CONSTRAINT "measure_progress_files_progress_id_measure_progress_id_fk" FOREIGN KEY ("progress_id") REFERENCES "public"."measure_progress"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_progress_files" ADD CONSTRAINT "measure_progress_files_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "measure_progress_files_progress" ON "measure_progress_files" USING btree ("progress_id");--> statement-breakpoint
-- hand-written:
-- Progress entries and their evidence files are append-only, like the approved document they belong to
-- (0021): a file is never changed nor deleted by itself, nor is the entry that holds it (which would take its
-- files along), whether or not the executive has signed the report yet — a signature covers the entries
-- and files of its date, and a later correction is a new entry. Only the agency's own deletion removes them
-- (cascades run at trigger depth > 1, as in 0021).
CREATE OR REPLACE FUNCTION measure_progress_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF pg_trigger_depth() = 1 THEN
      RAISE EXCEPTION '% rows are never deleted', TG_TABLE_NAME USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% rows are never changed', TG_TABLE_NAME USING ERRCODE = 'check_violation';
END $$;--> statement-breakpoint
CREATE TRIGGER measure_progress_append_only BEFORE UPDATE OR DELETE ON measure_progress
  FOR EACH ROW EXECUTE FUNCTION measure_progress_append_only();--> statement-breakpoint
CREATE TRIGGER measure_progress_files_append_only BEFORE UPDATE OR DELETE ON measure_progress_files
  FOR EACH ROW EXECUTE FUNCTION measure_progress_append_only();--> statement-breakpoint
CREATE TRIGGER measure_progress_file_bodies_append_only BEFORE UPDATE OR DELETE ON measure_progress_file_bodies
  FOR EACH ROW EXECUTE FUNCTION measure_progress_append_only();--> statement-breakpoint
CREATE OR REPLACE FUNCTION measure_progress_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'TRUNCATE refused on %: progress entries and evidence files are kept', TG_TABLE_NAME
    USING ERRCODE = 'check_violation';
END $$;--> statement-breakpoint
CREATE TRIGGER measure_progress_files_no_truncate BEFORE TRUNCATE ON measure_progress_files
  FOR EACH STATEMENT EXECUTE FUNCTION measure_progress_no_truncate();--> statement-breakpoint
CREATE TRIGGER measure_progress_file_bodies_no_truncate BEFORE TRUNCATE ON measure_progress_file_bodies
  FOR EACH STATEMENT EXECUTE FUNCTION measure_progress_no_truncate();
