// Outgoing mail: SMTP through nodemailer, or (demo/development) written to the log.
import type { Transporter } from 'nodemailer';
import type { Mailer } from '../../app/context.ts';
import type { Config } from '../../config.ts';

export function createMailer(cfg: Config): Mailer {
  if (cfg.mail.transport === 'smtp' && cfg.mail.smtpUrl) {
    const smtpUrl = cfg.mail.smtpUrl;
    // nodemailer is loaded with the first mail, not when the server starts (src/app/lazy-imports.test.ts).
    let transport: Transporter | undefined;
    return {
      async send(m) {
        transport ??= (await import('nodemailer')).default.createTransport(smtpUrl);
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
