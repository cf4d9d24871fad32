// The only module that reads process.env. Everything else imports `config` (or calls loadConfig in tests).
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Where to listen; default every interface, but only 127.0.0.1 while the demo (well-known passwords) is on. */
  HOST: z.string().min(1).optional(),
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  DATABASE_URL: z.string().url().optional(),
  PRONGSAI_DATA_DIR: z.string().default('./data'),
  /**
   * Redis for the per-route rate-limit counters of several instances (redis:// or rediss://). Optional:
   * without it they are kept in the database, which every instance shares anyway.
   */
  REDIS_URL: z
    .string()
    .url()
    .refine((u) => /^rediss?:\/\//.test(u), 'expected redis://… or rediss://…')
    .optional(),
  /** Public base URL used in e-mails and QR codes. */
  PUBLIC_URL: z.string().url().optional(),
  /** Signs session cookies; required in production (README "Secrets"). */
  SESSION_SECRET: z.string().min(32).optional(),
  /** Older SESSION_SECRETs, comma-separated: their cookies stay valid while rotating (README "Secrets"). */
  SESSION_SECRET_PREVIOUS: z.string().optional(),
  /** Keys the stored keyed hashes, sealed OTP destinations and respondent grants; default SESSION_SECRET. */
  HASH_SECRET: z.string().min(32).optional(),
  /** Seed the demo province on start (default: on outside production). */
  PRONGSAI_DEMO: bool.optional(),
  MAIL_TRANSPORT: z.enum(['log', 'smtp']).default('log'),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Prongsai <no-reply@prongsai.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Cookies marked Secure (default: on in production). Turn off only behind plain-HTTP test setups. */
  COOKIE_SECURE: bool.optional(),
  /** Trust X-Forwarded-For from a reverse proxy: 'true', or comma-separated proxy addresses/subnets. */
  TRUST_PROXY: z.string().default('false'),
  /**
   * Quiet hours for reminders and notices (20:00–08:00 Bangkok: nothing is sent, it waits for the morning).
   * On by default; end-to-end tests turn them off so a run at night still sees its notices delivered.
   */
  NOTICE_QUIET_HOURS: bool.optional(),
  NOTICES_WORKER: bool.optional(),
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  // One-time codes for EIT part 1 (README: "SMS and e-mail senders"). `console` writes codes to the log.
  OTP_SMS_SENDER: z.enum(['console', 'http-sms']).optional(),
  OTP_EMAIL_SENDER: z.enum(['console', 'smtp']).optional(),
  OTP_SMS_HTTP_URL: z.string().url().optional(),
  /** One header line sent with every SMS request, e.g. "Authorization: Bearer xyz". */
  OTP_SMS_HTTP_AUTH_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]+:\s*\S.*$/, 'expected "Header-Name: value"')
    .optional(),
  /** JSON body with {{to}} (+66…), {{to_digits}} (66…) and {{text}} placeholders; values are JSON-escaped. */
  OTP_SMS_HTTP_BODY_TEMPLATE: z.string().default('{"to":"{{to}}","text":"{{text}}"}'),
  OTP_SMS_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(10000),
  OTP_SMS_DAILY_CAP_PER_AGENCY: z.coerce.number().int().min(1).default(500),
  /** New code requests per agency per hour (all channels): raise it for agencies serving crowds. */
  OTP_AGENCY_HOURLY_LIMIT: z.coerce.number().int().min(1).default(300),
  // Evidence checker (README: "Evidence snapshots"). The fetcher refuses loopback, private, link-local and
  // metadata addresses; EVIDENCE_ALLOW_HOSTS names hosts exempt from that rule — for tests and the demo
  // only, refused in production.
  EVIDENCE_ALLOW_HOSTS: z.string().optional(),
  EVIDENCE_FETCH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120000).default(15000),
  EVIDENCE_MAX_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(5_000_000),
  EVIDENCE_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  /** Run the background fetch worker in this process (default on). */
  EVIDENCE_WORKER: bool.optional(),
  /**
   * How long (ms) one instance keeps which publication is in effect before asking the database again, for the
   * public results routes (0: every request asks). Never early: a publication under embargo shows at most
   * this late; a correction too (the answers say Cache-Control max-age=300 anyway). Default 1000; 0 in tests.
   */
  PUBLIC_RESULTS_FRESH_MS: z.coerce.number().int().min(0).max(60_000).optional(),
  // Audit checkpoints (README: "Audit checkpoints"). The Ed25519 private key that signs them, as PEM text
  // or as a file; never in the database. Required in production; elsewhere generated on first use into
  // PRONGSAI_DATA_DIR/audit-signing-key.pem (beside the database folder, not in it).
  AUDIT_SIGNING_KEY: z.string().min(1).optional(),
  AUDIT_SIGNING_KEY_FILE: z.string().min(1).optional(),
  /** PEM public keys of earlier signing keys, so checkpoints signed before a key rotation still verify. */
  AUDIT_TRUSTED_KEYS_FILE: z.string().min(1).optional(),
  /** Take the daily checkpoint from this process (default on; instances share one per day). */
  AUDIT_CHECKPOINT_DAILY: bool.optional(),
  /**
   * Answers are released from the holding table in shuffled batches of at least this many per agency and
   * instrument (ARCHITECTURE.md, "Anonymity of respondents"): the smallest anonymity set a respondent gets.
   */
  RESPONSE_RELEASE_BATCH: z.coerce.number().int().min(2).max(1000).default(5),
  /**
   * LibreOffice for official documents as PDF (measures, provincial plans): the `soffice` binary, or `off` to
   * serve DOCX only (PDF downloads then answer 409 `documents_pdf_unavailable`). One conversion at a time.
   */
  DOCUMENTS_SOFFICE: z.string().min(1).default('soffice'),
  DOCUMENTS_PDF_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
  /**
   * How long the monitoring matrix, roll-up and to-do lists may reuse the facts they read of one scope
   * (seconds; 0: never). Default 15, and 0 under NODE_ENV=test.
   */
  MONITORING_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).optional(),
});

export type Config = ReturnType<typeof loadConfig>;

export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration / การตั้งค่าไม่ถูกต้อง:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && !e.SESSION_SECRET)
    throw new Error('SESSION_SECRET (≥32 characters) is required in production');
  if (e.MAIL_TRANSPORT === 'smtp' && !e.SMTP_URL) throw new Error('MAIL_TRANSPORT=smtp needs SMTP_URL');
  const otp = otpSenders(e, production);
  const demo = e.PRONGSAI_DEMO ?? !production;
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  // A fixed development secret keeps sessions valid across restarts; production must set its own.
  const sessionSecret = e.SESSION_SECRET ?? 'prongsai-development-secret-not-for-production-use';
  return {
    env: e.NODE_ENV,
    production,
    port: e.PORT,
    ...listenHost(e.HOST, demo),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    dataDir: path.resolve(e.PRONGSAI_DATA_DIR),
    publicUrl,
    sessionSecret,
    previousSessionSecrets: previousSecrets(e.SESSION_SECRET_PREVIOUS),
    // Installations from before HASH_SECRET keyed their hashes with SESSION_SECRET: that stays the default.
    hashSecret: e.HASH_SECRET ?? sessionSecret,
    demo,
    mail: { transport: e.MAIL_TRANSPORT, smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE ?? production,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    login: { maxAttempts: e.LOGIN_MAX_ATTEMPTS, lockMinutes: e.LOGIN_LOCK_MINUTES },
    otp,
    responses: { releaseBatch: e.RESPONSE_RELEASE_BATCH },
    monitoring: { cacheMs: (e.MONITORING_CACHE_SECONDS ?? (e.NODE_ENV === 'test' ? 0 : 15)) * 1000 },
    evidence: {
      allowHosts: evidenceAllowHosts(e, production, demo, publicUrl),
      timeoutMs: e.EVIDENCE_FETCH_TIMEOUT_MS,
      maxBytes: e.EVIDENCE_MAX_BYTES,
      maxRedirects: 5,
      concurrency: e.EVIDENCE_CONCURRENCY,
      worker: e.EVIDENCE_WORKER ?? true,
    },
    audit: auditKeyConfig(e),
    notices: { quietHours: e.NOTICE_QUIET_HOURS ?? true, worker: e.NOTICES_WORKER ?? true },
    publicResults: { freshMs: e.PUBLIC_RESULTS_FRESH_MS ?? (e.NODE_ENV === 'test' ? 0 : 1000) },
    documents: {
      soffice: e.DOCUMENTS_SOFFICE === 'off' ? null : e.DOCUMENTS_SOFFICE,
      pdfTimeoutMs: e.DOCUMENTS_PDF_TIMEOUT_MS,
    },
  };
}

/** Where the checkpoint signing key comes from (read by src/modules/audit/checkpoint.keys.ts). */
function auditKeyConfig(e: z.infer<typeof ZEnv>) {
  if (e.AUDIT_SIGNING_KEY && e.AUDIT_SIGNING_KEY_FILE)
    throw new Error('Set AUDIT_SIGNING_KEY or AUDIT_SIGNING_KEY_FILE, not both');
  return {
    signingKey: e.AUDIT_SIGNING_KEY,
    signingKeyFile: e.AUDIT_SIGNING_KEY_FILE && path.resolve(e.AUDIT_SIGNING_KEY_FILE),
    trustedKeysFile: e.AUDIT_TRUSTED_KEYS_FILE && path.resolve(e.AUDIT_TRUSTED_KEYS_FILE),
    dailyCheckpoint: e.AUDIT_CHECKPOINT_DAILY ?? true,
  };
}

/**
 * Hosts (`host` or `host:port`, lower case) the evidence fetcher may reach even on loopback or private
 * addresses. Production never allows any: there the address rules are the whole protection against a URL
 * pointing the server at its own network. Outside production the demo also allows the app's own host, since
 * the demo's evidence URLs point at pages the demo itself serves.
 */
function evidenceAllowHosts(
  e: z.infer<typeof ZEnv>,
  production: boolean,
  demo: boolean,
  publicUrl: string,
): string[] {
  const listed = (e.EVIDENCE_ALLOW_HOSTS ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h.length > 0);
  if (production && listed.length > 0)
    throw new Error('EVIDENCE_ALLOW_HOSTS is for tests and the demo: not allowed in production');
  for (const h of listed)
    if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/.test(h))
      throw new Error(`EVIDENCE_ALLOW_HOSTS: "${h}" is not host or host:port`);
  if (!demo || production) return listed;
  const own = new URL(publicUrl);
  const port = own.port || (own.protocol === 'https:' ? '443' : '80');
  return [...new Set([...listed, `${own.hostname}:${port}`, `localhost:${e.PORT}`, `127.0.0.1:${e.PORT}`])];
}

/**
 * The demo's accounts have published passwords: with demo data on, the server listens on the loopback
 * interface only, unless HOST says otherwise. `hostSource` lets the start message say why.
 */
function listenHost(host: string | undefined, demo: boolean) {
  if (host !== undefined) return { host, hostSource: 'env' as const };
  return demo
    ? { host: '127.0.0.1', hostSource: 'demo-loopback' as const }
    : { host: '0.0.0.0', hostSource: 'default' as const };
}

/**
 * Which senders deliver one-time codes. `console` (codes in the log) is the default outside production and
 * refused in production; there, a channel without a configured sender is 'off' (the respondent page offers
 * the other channel).
 */
function otpSenders(e: z.infer<typeof ZEnv>, production: boolean) {
  if (production && e.OTP_SMS_SENDER === 'console')
    throw new Error('OTP_SMS_SENDER=console writes codes to the log: not allowed in production');
  if (production && e.OTP_EMAIL_SENDER === 'console')
    throw new Error('OTP_EMAIL_SENDER=console writes codes to the log: not allowed in production');
  const sms = e.OTP_SMS_SENDER ?? (production ? 'off' : 'console');
  if (sms === 'http-sms' && !e.OTP_SMS_HTTP_URL)
    throw new Error('OTP_SMS_SENDER=http-sms needs OTP_SMS_HTTP_URL');
  if (sms === 'http-sms') assertBodyTemplate(e.OTP_SMS_HTTP_BODY_TEMPLATE);
  const email = e.OTP_EMAIL_SENDER ?? (e.MAIL_TRANSPORT === 'smtp' ? 'smtp' : production ? 'off' : 'console');
  if (email === 'smtp' && !e.SMTP_URL) throw new Error('OTP_EMAIL_SENDER=smtp needs SMTP_URL');
  return {
    smsSender: sms as 'console' | 'http-sms' | 'off',
    emailSender: email as 'console' | 'smtp' | 'off',
    smsHttp: {
      url: e.OTP_SMS_HTTP_URL,
      authHeader: e.OTP_SMS_HTTP_AUTH_HEADER,
      bodyTemplate: e.OTP_SMS_HTTP_BODY_TEMPLATE,
      timeoutMs: e.OTP_SMS_HTTP_TIMEOUT_MS,
    },
    smsDailyCapPerAgency: e.OTP_SMS_DAILY_CAP_PER_AGENCY,
    agencyHourlyLimit: e.OTP_AGENCY_HOURLY_LIMIT,
  };
}

/** The template must be JSON once its placeholders are filled, or every SMS would fail at send time. */
function assertBodyTemplate(template: string) {
  const sample = template.replaceAll(/\{\{(to|to_digits|text)\}\}/g, 'x');
  try {
    JSON.parse(sample);
  } catch {
    throw new Error('OTP_SMS_HTTP_BODY_TEMPLATE is not JSON (placeholders go inside strings: "{{text}}")');
  }
}

function previousSecrets(value: string | undefined): string[] {
  const list = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (list.some((s) => s.length < 32))
    throw new Error('SESSION_SECRET_PREVIOUS: each secret has ≥ 32 characters');
  return list;
}

function parseTrustProxy(value: string): boolean | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return value;
}

let cached: Config | undefined;
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}
