// Limits on asking for one-time codes, beyond the code policy itself (src/core/surveys/otp.ts: 6 digits,
// 5 minutes, 5 attempts, resend cool-down). Counted in rate_buckets under hashed keys, in fixed windows.

export const OTP_RATE_WINDOW_SECONDS = 60 * 60;

export const OTP_RATE_LIMITS = {
  /** New verifications per phone/e-mail per hour (each may resend a few times: OTP_MAX_SENDS). */
  destination: 3,
  /**
   * New verifications per client address per hour. Mobile carriers put many phones behind one address
   * (CGNAT), so this is generous; the per-destination and per-agency limits do the fine work.
   */
  client: 20,
} as const;
// Per agency per hour (bounds SMS cost even with many addresses and numbers): OTP_AGENCY_HOURLY_LIMIT,
// default 300, in src/config.ts.

/** Share of the daily SMS cap at which NACC admins are warned (once per agency per day). */
export const SMS_CAP_WARNING_SHARE = 0.8;

/** Challenges older than the code lifetime plus this margin are purged: a resend needs a live challenge. */
export const OTP_PURGE_MARGIN_SECONDS = 10 * 60;

/** Keys of this module in rate_buckets start with this prefix (other modules count other things there). */
export const OTP_BUCKET_PREFIX = 'otp:';
