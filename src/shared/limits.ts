// Limits shared by the server (zod schemas) and the web app (form hints), so both always agree.

/** Passwords: long enough to resist guessing; capped so hashing stays cheap for the server. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

/** Usernames: lowercase letters, digits and . _ -, starting with a letter or digit (matches the DB check). */
export const USERNAME_MIN_LENGTH = 3;
export const USERNAME_MAX_LENGTH = 64;
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export const DISPLAY_NAME_MAX_LENGTH = 200;
export const EMAIL_MAX_LENGTH = 254;

/** How long a password-reset link stays valid. */
export const PASSWORD_RESET_TTL_MINUTES = 30;

/** Paged lists. */
export const PAGE_SIZE_DEFAULT = 50;
export const PAGE_SIZE_MAX = 200;

/** Agencies: stable codes (letters, digits, . _ -), name and website lengths, the search box. */
export const AGENCY_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const AGENCY_NAME_MAX_LENGTH = 300;
export const AGENCY_LABEL_MAX_LENGTH = 64; // peer group, size class
export const AGENCY_WEBSITE_MAX_LENGTH = 500;
export const AGENCY_SEARCH_MAX_LENGTH = 100;

/** Agency CSV import: the whole national registry (~8,300 agencies) fits in one file. */
export const AGENCY_IMPORT_MAX_BYTES = 4 * 1024 * 1024;
export const AGENCY_IMPORT_MAX_ROWS = 10_000;

/** Home-page dashboards list at most this many agencies (the full list is paged at /api/agencies). */
export const DASHBOARD_AGENCIES_MAX = 200;

/** One-time codes for EIT part 1: short enough to type from an SMS, valid briefly, few guesses, no SMS flood. */
export const OTP_LENGTH = 6;
export const OTP_TTL_SECONDS = 300;
export const OTP_MAX_ATTEMPTS = 5;
export const OTP_RESEND_COOLDOWN_SECONDS = 60;
/** Codes sent for one verification (first send + resends); more needs a new verification. */
export const OTP_MAX_SENDS = 5;

/** Stakeholder numbers (match the checks on stakeholder_data). */
export const IIT_POPULATION_MAX = 5_000_000;
export const EIT_POPULATION_MAX = 100_000_000;
/** EIT part-2 contact list upload (CSV or XLSX): a list to draw a sample from, not a customer database. */
export const EIT_CONTACTS_MAX_BYTES = 5 * 1024 * 1024;
export const EIT_CONTACTS_MAX_ROWS = 20_000;
export const EIT_CONTACT_NAME_MAX_LENGTH = 300;
export const EIT_CONTACT_RELATION_MAX_LENGTH = 200;
/** Reason given for a calendar extension. */
export const EXTENSION_REASON_MAX_LENGTH = 1000;
export const CYCLE_CLOSE_REASON_MAX_LENGTH = 1000;
/** Flagged responses decided at once on the quality page (one reason for all; each audited). */
export const QUALITY_BULK_MAX = 200;

/** An OIT answer: a few evidence URLs (browsers cap URLs near 2,000 characters), a short explanation. */
export const OIT_URLS_MAX = 10;
export const OIT_URL_MAX_LENGTH = 2000;
export const OIT_EXPLANATION_MAX_LENGTH = 4000;
/** The executive's comment when returning an item. */
export const OIT_RETURN_COMMENT_MAX_LENGTH = 2000;
/** Assessor comments, advice, clarification explanations and reasons, decisions, reopening reasons. */
export const OIT_ASSESSMENT_TEXT_MAX_LENGTH = 4000;

/** Past years' published results (CSV/XLSX): one file may cover every agency for several years. */
export const PAST_RESULTS_MAX_BYTES = 8 * 1024 * 1024;
export const PAST_RESULTS_MAX_ROWS = 50_000;

/**
 * Evidence files of a measure's progress entry (issue 12 §2): scans and photos of what was done, the signed
 * memo, a spreadsheet of figures. The type is read from the file's bytes (magic numbers), never from its
 * name or the browser's content type; the web form's `accept` list and hint come from here too.
 */
export const MEASURE_EVIDENCE_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const MEASURE_EVIDENCE_FILES_MAX = 5;
export const MEASURE_EVIDENCE_NAME_MAX_LENGTH = 200;
export const MEASURE_EVIDENCE_TYPES = [
  { ext: 'pdf', mime: 'application/pdf', label: 'PDF' },
  { ext: 'jpg', mime: 'image/jpeg', label: 'JPEG' },
  { ext: 'png', mime: 'image/png', label: 'PNG' },
  {
    ext: 'docx',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'DOCX',
  },
  { ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'XLSX' },
] as const;
export type MeasureEvidenceType = (typeof MEASURE_EVIDENCE_TYPES)[number];
