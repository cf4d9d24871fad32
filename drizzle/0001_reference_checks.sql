ALTER TABLE "ministries" ADD COLUMN "kind" text DEFAULT 'ministry' NOT NULL;--> statement-breakpoint
ALTER TABLE "ministries" ADD CONSTRAINT "ministries_kind_known" CHECK (kind in ('ministry', 'other'));--> statement-breakpoint
ALTER TABLE "provinces" ADD CONSTRAINT "provinces_region_known" CHECK (region in ('north', 'northeast', 'central', 'east', 'west', 'south'));