CREATE TABLE "audit_log" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_username" text,
	"actor_role" text,
	"agency_id" uuid,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_log_prev_hash_unique" UNIQUE("prev_hash"),
	CONSTRAINT "audit_log_hash_unique" UNIQUE("hash"),
	CONSTRAINT "audit_log_seq_positive" CHECK ("audit_log"."seq" >= 1),
	CONSTRAINT "audit_log_entity_type_not_empty" CHECK (length("audit_log"."entity_type") > 0),
	CONSTRAINT "audit_log_entity_id_not_empty" CHECK (length("audit_log"."entity_id") > 0),
	CONSTRAINT "audit_log_action_not_empty" CHECK (length("audit_log"."action") > 0),
	CONSTRAINT "audit_log_hash_format" CHECK ("audit_log"."hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "audit_log_prev_hash_format" CHECK ("audit_log"."prev_hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "audit_log_genesis_first" CHECK (("audit_log"."seq" = 1) = ("audit_log"."prev_hash" = repeat('0', 64))),
	CONSTRAINT "audit_log_actor_named" CHECK (("audit_log"."actor_username" is null) = ("audit_log"."actor_role" is null)),
	CONSTRAINT "audit_log_actor_id_named" CHECK ("audit_log"."actor_user_id" is null or "audit_log"."actor_username" is not null)
);
--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","seq" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_agency_idx" ON "audit_log" USING btree ("agency_id","seq" DESC NULLS LAST);--> statement-breakpoint
-- The audit log is append-only: the database itself refuses to change or remove an entry. (Written by hand:
-- drizzle-kit does not model triggers. The hash chain still detects tampering by anyone able to drop this.)
CREATE FUNCTION "audit_log_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'P0001';
END
$$;--> statement-breakpoint
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "audit_log_refuse_change"();--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_refuse_change"();
