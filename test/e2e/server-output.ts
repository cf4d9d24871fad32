// What the e2e server printed: the console OTP sender writes `[otp → <destination>] <code>` and the log mail
// transport `[mail → <address>] <subject>` to stdout, which the global setup copies to a file. Tests read the
// newest code sent to a destination, and the mails sent to an address, from there.
import { readFile } from 'node:fs/promises';
import { expect, inject } from 'vitest';

const OTP_LINE = /\[otp → ([^\]]+)\] (\d+)/g;

/** Phones are logged normalised (+66812345678): compare them by their last nine digits. */
function sameDestination(logged: string, wanted: string): boolean {
  if (logged.toLowerCase() === wanted.trim().toLowerCase()) return true;
  const a = logged.replace(/\D/g, '');
  const b = wanted.replace(/\D/g, '');
  return b.length >= 9 && a.length >= 9 && a.slice(-9) === b.slice(-9);
}

/** Every code sent to the destination so far, oldest first. */
export async function otpCodesSentTo(destination: string): Promise<string[]> {
  const output = await readFile(inject('serverOutput'), 'utf8').catch(() => '');
  return [...output.matchAll(OTP_LINE)]
    .filter((m) => sameDestination(m[1] ?? '', destination))
    .map((m) => m[2] ?? '');
}

/**
 * The newest code sent to the destination, waiting until the server has written at least `atLeast` codes
 * for it (1 for the first code, 2 after one resend, …).
 */
export async function latestOtp(destination: string, atLeast = 1): Promise<string> {
  let codes: string[] = [];
  await expect
    .poll(
      async () => {
        codes = await otpCodesSentTo(destination);
        return codes.length;
      },
      { timeout: 10_000, interval: 100 },
    )
    .toBeGreaterThanOrEqual(atLeast);
  return codes[codes.length - 1] as string;
}

/** The subjects of every mail the log transport wrote to the address so far, oldest first. */
export async function mailsTo(address: string): Promise<string[]> {
  const output = await readFile(inject('serverOutput'), 'utf8').catch(() => '');
  return [...output.matchAll(/\[mail → ([^\]]+)\] (.+)/g)]
    .filter((m) => m[1] === address)
    .map((m) => m[2] ?? '');
}
