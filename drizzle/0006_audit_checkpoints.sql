CREATE TABLE "audit_checkpoints" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_checkpoints_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"seq" bigint NOT NULL,
	"head_hash" text NOT NULL,
	"taken_at" timestamp (3) with time zone NOT NULL,
	"reason" text NOT NULL,
	"key_id" text NOT NULL,
	"day" date,
	"signed" text NOT NULL,
	CONSTRAINT "audit_checkpoints_day_unique" UNIQUE("day"),
	CONSTRAINT "audit_checkpoints_signed_unique" UNIQUE("signed"),
	CONSTRAINT "audit_checkpoints_seq_not_negative" CHECK ("audit_checkpoints"."seq" >= 0),
	CONSTRAINT "audit_checkpoints_head_hash_format" CHECK ("audit_checkpoints"."head_hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "audit_checkpoints_daily_reason" CHECK (("audit_checkpoints"."day" is null) = ("audit_checkpoints"."reason" <> 'daily'))
);
--> statement-breakpoint
CREATE INDEX "audit_checkpoints_taken_idx" ON "audit_checkpoints" USING btree ("taken_at" DESC NULLS LAST);--> statement-breakpoint
-- custom SQL (hand-written)
-- Checkpoints are append-only like the audit log. This does not make them trustworthy (the owner can drop
-- the triggers; the signatures and the e-mailed copies are the protection), only hard to lose by mistake.
CREATE FUNCTION "audit_checkpoints_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'audit_checkpoints is append-only: % refused', TG_OP USING ERRCODE = 'P0001';
END
$$;--> statement-breakpoint
CREATE TRIGGER "audit_checkpoints_append_only" BEFORE UPDATE OR DELETE ON "audit_checkpoints" FOR EACH ROW EXECUTE FUNCTION "audit_checkpoints_refuse_change"();--> statement-breakpoint
CREATE TRIGGER "audit_checkpoints_no_truncate" BEFORE TRUNCATE ON "audit_checkpoints" FOR EACH STATEMENT EXECUTE FUNCTION "audit_checkpoints_refuse_change"();
