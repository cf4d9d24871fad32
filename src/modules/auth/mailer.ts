// Outgoing mail: SMTP through nodemailer, or (demo/development) written to the log.
import nodemailer from 'nodemailer';
import type { Mailer } from '../../app/context.ts';
import type { Config } from '../../config.ts';

export function createMailer(cfg: Config): Mailer {
  if (cfg.mail.transport === 'smtp' && cfg.mail.smtpUrl) {
    const transport = nodemailer.createTransport(cfg.mail.smtpUrl);
    return {
      async send(m) {
        await transport.sendMail({ from: cfg.mail.from, to: m.to, subject: m.subject, text: m.text });
      },
    };
  }
  return {
    async send(m) {
      process.stdout.write(`\n[mail → ${m.to}] ${m.subject}\n${m.text}\n\n`);
    },
  };
}
