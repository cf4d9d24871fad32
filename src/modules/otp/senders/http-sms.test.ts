import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import { httpSmsSender, renderSmsBody } from './http-sms.ts';
import { OtpSendError } from './sender.ts';

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A stand-in SMS gateway on loopback: records requests, answers with the status the test asks for. */
describe('httpSmsSender', () => {
  let server: Server;
  let base: string;
  const received: Received[] = [];
  let status = 200;
  let delayMs = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        setTimeout(() => {
          res.statusCode = status;
          res.end('{"ok":true}');
        }, delayMs);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const settings = (over: Record<string, string> = {}) =>
    loadConfig({
      NODE_ENV: 'test',
      OTP_SMS_SENDER: 'http-sms',
      OTP_SMS_HTTP_URL: `${base}/send?account=demo`,
      OTP_SMS_HTTP_AUTH_HEADER: 'Authorization: Bearer secret-xyz',
      OTP_SMS_HTTP_TIMEOUT_MS: '500',
      ...over,
    }).otp.smsHttp;

  const message = { channel: 'sms' as const, to: '+66812345678', code: '123456', text: 'รหัส OTP: 123456' };

  it('posts the filled JSON template with the auth header to the gateway', async () => {
    status = 200;
    received.length = 0;
    const sut = httpSmsSender(
      settings({
        OTP_SMS_HTTP_BODY_TEMPLATE: '{"msisdn":"{{to_digits}}","message":"{{text}}","sender":"ITA"}',
      }),
    );
    await sut.send(message);
    expect(received).toHaveLength(1);
    const [req] = received;
    expect(req?.method).toBe('POST');
    expect(req?.url).toBe('/send?account=demo');
    expect(req?.headers.authorization).toBe('Bearer secret-xyz');
    expect(req?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req?.body ?? '')).toEqual({
      msisdn: '66812345678',
      message: 'รหัส OTP: 123456',
      sender: 'ITA',
    });
  });

  it('JSON-escapes values, so quotes and line breaks cannot break the body', async () => {
    const text = 'line one\n"quoted" \\ back } {{to}}';
    const body = renderSmsBody('{"to":"{{to}}","text":"{{text}}"}', '+66812345678', text);
    expect(JSON.parse(body)).toEqual({ to: '+66812345678', text });
  });

  it('fails on a non-2xx answer', async () => {
    status = 502;
    const sut = httpSmsSender(settings());
    await expect(sut.send(message)).rejects.toThrow(OtpSendError);
    await expect(sut.send(message)).rejects.toThrow('502');
    status = 200;
  });

  it('fails when the gateway does not answer within the timeout', async () => {
    delayMs = 2_000;
    const sut = httpSmsSender(settings({ OTP_SMS_HTTP_TIMEOUT_MS: '100' }));
    await expect(sut.send(message)).rejects.toThrow(/unreachable/);
    delayMs = 0;
  });

  it('fails, without echoing the URL, when nothing listens there', async () => {
    const sut = httpSmsSender(settings({ OTP_SMS_HTTP_URL: 'http://127.0.0.1:9/send?key=secret' }));
    const error = await sut.send(message).catch((e: Error) => e);
    expect(error).toBeInstanceOf(OtpSendError);
    expect(String((error as Error).message)).not.toContain('secret');
  });
});

describe('OTP sender configuration', () => {
  it('uses the console outside production and refuses it in production', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).otp).toMatchObject({
      smsSender: 'console',
      emailSender: 'console',
    });
    const prod = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) };
    expect(loadConfig(prod).otp).toMatchObject({ smsSender: 'off', emailSender: 'off' });
    expect(() => loadConfig({ ...prod, OTP_SMS_SENDER: 'console' })).toThrow(/not allowed in production/);
    expect(() => loadConfig({ ...prod, OTP_EMAIL_SENDER: 'console' })).toThrow(/not allowed in production/);
  });

  it('needs a URL and a JSON template for http-sms, and SMTP_URL for smtp', () => {
    expect(() => loadConfig({ OTP_SMS_SENDER: 'http-sms' })).toThrow(/OTP_SMS_HTTP_URL/);
    expect(() =>
      loadConfig({
        OTP_SMS_SENDER: 'http-sms',
        OTP_SMS_HTTP_URL: 'https://sms.example/send',
        OTP_SMS_HTTP_BODY_TEMPLATE: '{"to":{{to}}}',
      }),
    ).toThrow(/not JSON/);
    expect(() => loadConfig({ OTP_EMAIL_SENDER: 'smtp' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ OTP_SMS_HTTP_AUTH_HEADER: 'Bearer xyz' })).toThrow(/Header-Name: value/);
    expect(loadConfig({ MAIL_TRANSPORT: 'smtp', SMTP_URL: 'smtp://mail.example:587' }).otp.emailSender).toBe(
      'smtp',
    );
  });
});
