CREATE TABLE "notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"year" integer NOT NULL,
	"agency_id" uuid,
	"stage" text,
	"reason" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"mail_started_at" timestamp with time zone,
	"mailed_to" text,
	"mail_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"delivered_at" timestamp with time zone,
	"cancelled_reason" text,
	"read_at" timestamp with time zone,
	CONSTRAINT "notices_dedupe_key_unique" UNIQUE("dedupe_key"),
	CONSTRAINT "notices_kind_known" CHECK ("notices"."kind" in ('stage_reminder', 'manual_reminder', 'digest')),
	CONSTRAINT "notices_status_known" CHECK ("notices"."status" in ('pending', 'sending', 'delivered', 'cancelled')),
	CONSTRAINT "notices_cancel_reason_known" CHECK (("notices"."status" = 'cancelled') = ("notices"."cancelled_reason" is not null) and ("notices"."cancelled_reason" is null or "notices"."cancelled_reason" in ('work_done', 'deadline_passed', 'no_laggards', 'recipient_inactive'))),
	CONSTRAINT "notices_delivered_at" CHECK (("notices"."status" = 'delivered') = ("notices"."delivered_at" is not null)),
	CONSTRAINT "notices_read_delivered" CHECK ("notices"."read_at" is null or "notices"."status" = 'delivered'),
	CONSTRAINT "notices_reason_object" CHECK (jsonb_typeof("notices"."reason") = 'object')
);
--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notices_queue_idx" ON "notices" USING btree ("due_at") WHERE "notices"."status" in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "notices_inbox_idx" ON "notices" USING btree ("user_id","delivered_at") WHERE "notices"."status" = 'delivered';