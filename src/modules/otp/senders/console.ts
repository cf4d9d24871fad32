// Demo and development: the code is written to standard output, one clearly marked line per message,
// `[otp → +66812345678] 123456` (the e2e test reads it from the server's output). Refused in production
// by src/config.ts.
import type { OtpSender } from './sender.ts';

export function consoleSender(write: (line: string) => void = (l) => process.stdout.write(l)): OtpSender {
  return {
    async send(m) {
      write(`\n[otp → ${m.to}] ${m.code}\n  ${m.text}\n`);
    },
  };
}
