// SMS through a configurable HTTP gateway: POST to OTP_SMS_HTTP_URL with an optional auth header and a
// JSON body built from a template. Placeholder values are JSON-escaped, so a message with quotes or line
// breaks cannot break (or inject into) the body. Any non-2xx answer or a timeout is a failed send.
import type { Config } from '../../../config.ts';
import { OtpSendError, type OtpSender } from './sender.ts';

export type HttpSmsSettings = Config['otp']['smsHttp'];

/** The body for one message: {{to}} → +66…, {{to_digits}} → 66…, {{text}} → the message. */
export function renderSmsBody(template: string, to: string, text: string): string {
  const values: Record<string, string> = { to, to_digits: to.replace(/^\+/, ''), text };
  return template.replaceAll(/\{\{(to|to_digits|text)\}\}/g, (_, name: string) =>
    JSON.stringify(values[name]).slice(1, -1),
  );
}

export function parseHeaderLine(line: string): [string, string] {
  const colon = line.indexOf(':');
  return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
}

export function httpSmsSender(
  settings: HttpSmsSettings,
  fetchFn: typeof fetch = globalThis.fetch,
): OtpSender {
  const { url, authHeader, bodyTemplate, timeoutMs } = settings;
  if (!url) throw new Error('OTP_SMS_SENDER=http-sms needs OTP_SMS_HTTP_URL');
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authHeader) {
    const [name, value] = parseHeaderLine(authHeader);
    headers[name] = value;
  }
  return {
    async send(m) {
      let res: Response;
      try {
        res = await fetchFn(url, {
          method: 'POST',
          headers,
          body: renderSmsBody(bodyTemplate, m.to, m.text),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (e) {
        // Never include the URL's query string or headers: they may carry the gateway's credentials.
        throw new OtpSendError(`SMS gateway unreachable (${(e as Error).name})`, { cause: e });
      }
      // Drain the body so the connection is released; its content is of no use to us.
      await res.arrayBuffer().catch(() => undefined);
      if (!res.ok) throw new OtpSendError(`SMS gateway answered ${res.status}`);
    },
  };
}
