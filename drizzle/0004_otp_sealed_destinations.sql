CREATE TABLE "otp_sealed_destinations" (
	"challenge_id" uuid PRIMARY KEY NOT NULL,
	"sealed" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "otp_sealed_destinations" ADD CONSTRAINT "otp_sealed_destinations_challenge_id_otp_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."otp_challenges"("id") ON DELETE cascade ON UPDATE no action;