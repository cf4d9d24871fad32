CREATE TABLE "agencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text,
	"type" text NOT NULL,
	"peer_group" text,
	"size_class" text,
	"ministry_code" text,
	"parent_id" uuid,
	"province_code" text,
	"website" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agencies_code_unique" UNIQUE("code"),
	CONSTRAINT "agencies_type_known" CHECK (type in ('central_department', 'ministry_office', 'province', 'district', 'pao', 'city_municipality', 'town_municipality', 'subdistrict_municipality', 'sao', 'special_local', 'police_station', 'university', 'state_enterprise', 'public_organization', 'independent_agency', 'judicial', 'legislative')),
	CONSTRAINT "agencies_not_own_parent" CHECK ("agencies"."parent_id" is null or "agencies"."parent_id" <> "agencies"."id"),
	CONSTRAINT "agencies_website_http" CHECK ("agencies"."website" is null or "agencies"."website" ~ '^https?://')
);
--> statement-breakpoint
CREATE TABLE "participations" (
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"registered" boolean DEFAULT false NOT NULL,
	"registered_at" timestamp with time zone,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participations_agency_id_year_pk" PRIMARY KEY("agency_id","year"),
	CONSTRAINT "participations_year_be" CHECK ("participations"."year" between 2550 and 2700),
	CONSTRAINT "participations_registered_at" CHECK (not "participations"."registered" or "participations"."registered_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "framework_versions" (
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"sha256" text NOT NULL,
	"origin" text NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "framework_versions_year_version_pk" PRIMARY KEY("year","version"),
	CONSTRAINT "framework_versions_origin" CHECK ("framework_versions"."origin" in ('bundled', 'import')),
	CONSTRAINT "framework_versions_version_positive" CHECK ("framework_versions"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "ministries" (
	"code" text PRIMARY KEY NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text NOT NULL,
	CONSTRAINT "ministries_name_th_unique" UNIQUE("name_th")
);
--> statement-breakpoint
CREATE TABLE "provinces" (
	"code" text PRIMARY KEY NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text NOT NULL,
	"region" text NOT NULL,
	CONSTRAINT "provinces_name_th_unique" UNIQUE("name_th")
);
--> statement-breakpoint
CREATE TABLE "assessor_assignments" (
	"user_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessor_assignments_user_id_agency_id_year_pk" PRIMARY KEY("user_id","agency_id","year")
);
--> statement-breakpoint
CREATE TABLE "password_resets" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid,
	"data" jsonb NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervisor_scopes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"province_code" text,
	"ministry_code" text,
	"agency_id" uuid,
	CONSTRAINT "supervisor_scopes_exactly_one" CHECK (num_nonnulls("supervisor_scopes"."province_code", "supervisor_scopes"."ministry_code", "supervisor_scopes"."agency_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"email" text,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"agency_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_role_known" CHECK (role in ('admin', 'assessor', 'supervisor', 'agency_admin', 'executive')),
	CONSTRAINT "users_agency_roles_have_agency" CHECK (("users"."role" in ('agency_admin', 'executive')) = ("users"."agency_id" is not null)),
	CONSTRAINT "users_username_format" CHECK ("users"."username" ~ '^[a-z0-9][a-z0-9._-]{2,63}$')
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_ministry_code_ministries_code_fk" FOREIGN KEY ("ministry_code") REFERENCES "public"."ministries"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_parent_id_agencies_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_versions" ADD CONSTRAINT "framework_versions_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessor_assignments" ADD CONSTRAINT "assessor_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessor_assignments" ADD CONSTRAINT "assessor_assignments_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisor_scopes" ADD CONSTRAINT "supervisor_scopes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisor_scopes" ADD CONSTRAINT "supervisor_scopes_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisor_scopes" ADD CONSTRAINT "supervisor_scopes_ministry_code_ministries_code_fk" FOREIGN KEY ("ministry_code") REFERENCES "public"."ministries"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisor_scopes" ADD CONSTRAINT "supervisor_scopes_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agencies_province_idx" ON "agencies" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "agencies_ministry_idx" ON "agencies" USING btree ("ministry_code");--> statement-breakpoint
CREATE INDEX "participations_year_idx" ON "participations" USING btree ("year");--> statement-breakpoint
CREATE INDEX "assessor_assignments_agency_idx" ON "assessor_assignments" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "password_resets_user_idx" ON "password_resets" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supervisor_scopes_unique" ON "supervisor_scopes" USING btree ("user_id","province_code","ministry_code","agency_id");--> statement-breakpoint
CREATE INDEX "supervisor_scopes_user_idx" ON "supervisor_scopes" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_unique" ON "users" USING btree (lower("username"));--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree (lower("email"));