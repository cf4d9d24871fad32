// What makes an OIT answer acceptable and complete: evidence URLs must be absolute http(s) addresses within
// the limits, an answer counts as given when it says "hasn't", or "has" with a URL and an explanation, and a
// URL outside the agency's main website earns a warning (the framework wants most items on it).
// Pure: the service normalizes and checks a body with these before it writes anything.
import { OIT_EXPLANATION_MAX_LENGTH, OIT_URL_MAX_LENGTH, OIT_URLS_MAX } from '../../shared/limits.ts';

export interface OitAnswerInput {
  /** null = not decided yet (a draft may be saved at any time). */
  has: boolean | null;
  urls: readonly string[];
  explanation: string | null;
}

export interface OitAnswerValue {
  has: boolean | null;
  urls: string[];
  explanation: string | null;
}

export type AnswerProblemCode =
  | 'url_not_absolute'
  | 'url_not_http'
  | 'url_credentials'
  | 'url_too_long'
  | 'too_many_urls'
  | 'explanation_too_long';

export interface AnswerProblem {
  code: AnswerProblemCode;
  /** `urls.2`, `urls` or `explanation`. */
  path: string;
  url?: string;
  th: string;
  en: string;
}

/**
 * The answer as it will be stored: URLs and explanation trimmed, empty URL fields dropped, repeated URLs
 * kept once (in their first position), an empty explanation as null.
 */
export function normalizeAnswer(input: OitAnswerInput): OitAnswerValue {
  const urls = [...new Set(input.urls.map((u) => u.trim()).filter((u) => u.length > 0))];
  const explanation = input.explanation?.trim() ? input.explanation.trim() : null;
  return { has: input.has, urls, explanation };
}

/** Every problem of a normalized answer (empty when it may be saved). */
export function answerProblems(a: OitAnswerValue): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  if (a.urls.length > OIT_URLS_MAX)
    problems.push({
      code: 'too_many_urls',
      path: 'urls',
      th: `ระบุ URL ได้ไม่เกิน ${OIT_URLS_MAX} รายการต่อข้อ (ส่งมา ${a.urls.length} รายการ)`,
      en: `At most ${OIT_URLS_MAX} URLs per item (got ${a.urls.length})`,
    });
  a.urls.forEach((url, i) => {
    const problem = urlProblem(url);
    if (problem) problems.push({ ...problem, path: `urls.${i}`, url });
  });
  if (a.explanation !== null && a.explanation.length > OIT_EXPLANATION_MAX_LENGTH)
    problems.push({
      code: 'explanation_too_long',
      path: 'explanation',
      th: `คำอธิบายยาวได้ไม่เกิน ${OIT_EXPLANATION_MAX_LENGTH} ตัวอักษร (ส่งมา ${a.explanation.length})`,
      en: `The explanation may be at most ${OIT_EXPLANATION_MAX_LENGTH} characters (got ${a.explanation.length})`,
    });
  return problems;
}

function urlProblem(url: string): Omit<AnswerProblem, 'path' | 'url'> | null {
  if (url.length > OIT_URL_MAX_LENGTH)
    return {
      code: 'url_too_long',
      th: `URL ยาวเกิน ${OIT_URL_MAX_LENGTH} ตัวอักษร`,
      en: `The URL is longer than ${OIT_URL_MAX_LENGTH} characters`,
    };
  const parsed = parseUrl(url);
  if (!parsed || !/^[a-z][a-z0-9+.-]*:\/\//i.test(url))
    return {
      code: 'url_not_absolute',
      th: `"${url}" ไม่ใช่ URL ที่สมบูรณ์ กรุณาคัดลอกจากแถบที่อยู่ของเบราว์เซอร์ (ขึ้นต้นด้วย https://)`,
      en: `"${url}" is not a complete URL; copy it from the browser's address bar (starting with https://)`,
    };
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return {
      code: 'url_not_http',
      th: `"${url}" ต้องเป็นที่อยู่เว็บที่ขึ้นต้นด้วย http:// หรือ https://`,
      en: `"${url}" must be a web address starting with http:// or https://`,
    };
  if (parsed.username || parsed.password)
    return {
      code: 'url_credentials',
      th: 'URL ต้องไม่มีชื่อผู้ใช้หรือรหัสผ่านอยู่ในที่อยู่ ผู้ประเมินต้องเปิดหน้านั้นได้โดยไม่ต้องเข้าสู่ระบบ',
      en: 'The URL must not carry a user name or password: assessors must reach the page without signing in',
    };
  return null;
}

function parseUrl(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return parsed.hostname ? parsed : null;
  } catch {
    return null;
  }
}

/** Given: "hasn't", or "has" with at least one URL and an explanation of how to reach the data. */
export function isAnswered(a: { has: boolean | null; urls: readonly string[]; explanation: string | null }) {
  if (a.has === false) return true;
  return a.has === true && a.urls.length > 0 && (a.explanation?.trim().length ?? 0) > 0;
}

/** The host without a leading "www.", lowercased (URL already lowercases and punycodes it). */
function siteHost(url: string): string | null {
  const parsed = parseUrl(url);
  return parsed ? parsed.hostname.replace(/^www\./, '') : null;
}

/**
 * Is the URL on the agency's main website (its host or a subdomain of it, "www." ignored)? null when the
 * agency has no website on record, or either address does not parse.
 */
export function onMainDomain(url: string, website: string | null): boolean | null {
  if (!website) return null;
  const main = siteHost(website);
  const host = siteHost(url);
  if (!main || !host) return null;
  return host === main || host.endsWith(`.${main}`);
}

export type UrlWarning = 'not_main_domain' | 'main_website_unknown';

/** Warnings (not errors) for a URL of an item; none when the item may be published elsewhere. */
export function urlWarnings(url: string, website: string | null, mainWebsiteRequired: boolean): UrlWarning[] {
  if (!mainWebsiteRequired) return [];
  if (!website) return ['main_website_unknown'];
  return onMainDomain(url, website) === false ? ['not_main_domain'] : [];
}
