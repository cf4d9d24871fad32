// E-mail codes through the application's mailer (nodemailer over SMTP_URL when MAIL_TRANSPORT=smtp), or a
// transport of its own on SMTP_URL when the rest of the application's mail is only logged.
import type { Transporter } from 'nodemailer';
import type { Mailer } from '../../../app/context.ts';
import type { Config } from '../../../config.ts';
import { OtpSendError, type OtpSender } from './sender.ts';

export const OTP_MAIL_SUBJECT = 'รหัส OTP สำหรับประเมิน ITA / ITA verification code';

export function smtpSender(cfg: Pick<Config, 'mail'>, appMailer: Mailer): OtpSender {
  const mailer = cfg.mail.transport === 'smtp' ? appMailer : ownTransport(cfg);
  return {
    async send(m) {
      try {
        await mailer.send({ to: m.to, subject: OTP_MAIL_SUBJECT, text: m.text });
      } catch (e) {
        throw new OtpSendError('the mail server refused the message', { cause: e });
      }
    },
  };
}

function ownTransport(cfg: Pick<Config, 'mail'>): Mailer {
  if (!cfg.mail.smtpUrl) throw new Error('OTP_EMAIL_SENDER=smtp needs SMTP_URL');
  const smtpUrl = cfg.mail.smtpUrl;
  let transport: Transporter | undefined; // nodemailer is loaded with the first code sent
  return {
    async send(m) {
      transport ??= (await import('nodemailer')).default.createTransport(smtpUrl);
      await transport.sendMail({ from: cfg.mail.from, to: m.to, subject: m.subject, text: m.text });
    },
  };
}
