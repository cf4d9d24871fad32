// Request and response shapes of the OTP endpoints (agreed with the respondent pages; see the brief).
import { z } from 'zod';
import { EMAIL_MAX_LENGTH } from '../../shared/limits.ts';

export const ZAgencyParams = z.object({ agencyId: z.uuid() });

export const ZOtpRequestBody = z.strictObject({
  channel: z.enum(['sms', 'email']),
  /** A Thai mobile number in any common writing (081-234-5678, +66 81 234 5678) or an e-mail address. */
  destination: z.string().min(1).max(EMAIL_MAX_LENGTH),
});
export type OtpRequestBody = z.infer<typeof ZOtpRequestBody>;

export const ZOtpResendBody = z.strictObject({ challengeId: z.uuid() });

export const ZOtpVerifyBody = z.strictObject({
  challengeId: z.uuid(),
  /** Six digits; Thai digits and spaces are accepted. */
  code: z.string().min(1).max(20),
});
export type OtpVerifyBody = z.infer<typeof ZOtpVerifyBody>;

export const ZOtpSent = z.object({
  challengeId: z.uuid(),
  expiresInSeconds: z.number().int(),
  resendAfterSeconds: z.number().int(),
});
export type OtpSent = z.infer<typeof ZOtpSent>;

export const ZOtpGrant = z.object({ grant: z.string(), expiresAt: z.iso.datetime() });

export const ZUsageQuery = z.object({
  /** A day in Asia/Bangkok (YYYY-MM-DD); today when absent. */
  day: z.iso.date().optional(),
});

export const ZSmsUsage = z.object({
  day: z.iso.date(),
  cap: z.number().int(),
  /** Sent count at which NACC admins are warned (once per agency per day). */
  warningAt: z.number().int(),
  senders: z.object({
    sms: z.enum(['console', 'http-sms', 'off']),
    email: z.enum(['console', 'smtp', 'off']),
  }),
  agencies: z.array(
    z.object({
      agency: z.object({ id: z.uuid(), code: z.string(), nameTh: z.string(), nameEn: z.string().nullable() }),
      sent: z.number().int(),
      remaining: z.number().int(),
      /** When the 80 % warning went out, if it did. */
      warnedAt: z.iso.datetime().nullable(),
      atCap: z.boolean(),
    }),
  ),
});
export type SmsUsage = z.infer<typeof ZSmsUsage>;
