// The senders an application uses, built once per application from its configuration. Tests replace them
// with `replaceOtpSenders(deps, fake)`.
import type { AppDeps } from '../../../app/context.ts';
import { consoleSender } from './console.ts';
import { httpSmsSender } from './http-sms.ts';
import type { OtpChannel, OtpSender } from './sender.ts';
import { smtpSender } from './smtp.ts';

export { consoleSender } from './console.ts';
export { httpSmsSender, renderSmsBody } from './http-sms.ts';
export { type OtpChannel, type OtpMessage, OtpSendError, type OtpSender } from './sender.ts';
export { OTP_MAIL_SUBJECT, smtpSender } from './smtp.ts';

/** A sender per channel; null when the channel is off (production without a configured sender). */
export type OtpSenders = Record<OtpChannel, OtpSender | null>;

const byDeps = new WeakMap<AppDeps, OtpSenders>();

export function createOtpSenders(deps: Pick<AppDeps, 'config' | 'mailer'>): OtpSenders {
  const { otp } = deps.config;
  const sms =
    otp.smsSender === 'console'
      ? consoleSender()
      : otp.smsSender === 'http-sms'
        ? httpSmsSender(otp.smsHttp)
        : null;
  const email =
    otp.emailSender === 'console'
      ? consoleSender()
      : otp.emailSender === 'smtp'
        ? smtpSender(deps.config, deps.mailer)
        : null;
  return { sms, email };
}

export function otpSendersOf(deps: AppDeps): OtpSenders {
  let senders = byDeps.get(deps);
  if (!senders) {
    senders = createOtpSenders(deps);
    byDeps.set(deps, senders);
  }
  return senders;
}

/** Replaces the senders of one application (tests: a fake that captures messages). */
export function replaceOtpSenders(deps: AppDeps, senders: OtpSender | OtpSenders): void {
  byDeps.set(deps, 'send' in senders ? { sms: senders, email: senders } : senders);
}
