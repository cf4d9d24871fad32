import { describe, expect, it } from 'vitest';
import { consoleSender } from './console.ts';

describe('consoleSender', () => {
  it('writes one marked line with the destination and the code, which a test can read from the log', async () => {
    const lines: string[] = [];
    const sut = consoleSender((l) => lines.push(l));
    await sut.send({ channel: 'sms', to: '+66812345678', code: '042137', text: 'รหัส OTP …: 042137' });
    const out = lines.join('');
    expect(out).toContain('[otp → +66812345678] 042137\n');
    expect(/\[otp → \+66812345678\] (\d{6})/.exec(out)?.[1]).toBe('042137');
  });
});
