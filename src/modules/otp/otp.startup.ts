// At start, remove what a stopped server may have left: dead challenges (with their sealed destinations) and
// ended rate windows. Running requests purge the same way; this covers the quiet time after a restart.

import { OTP_TTL_SECONDS } from '../../shared/limits.ts';
import type { StartupTask } from '../startup.ts';
import { OTP_PURGE_MARGIN_SECONDS, OTP_RATE_WINDOW_SECONDS } from './otp.limits.ts';
import { purgeStale } from './otp.repo.ts';

export const otpPurgeTask: StartupTask = async (deps) => {
  const now = deps.now().getTime();
  await purgeStale(
    deps.db,
    new Date(now - (OTP_TTL_SECONDS + OTP_PURGE_MARGIN_SECONDS) * 1000),
    new Date(now - OTP_RATE_WINDOW_SECONDS * 1000),
  );
  return [];
};
