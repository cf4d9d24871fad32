// NACC's view of SMS spending: per agency, codes sent on a day against the daily cap, and warnings.
import type { AppDeps } from '../../app/context.ts';
import { type Actor, authorize } from '../../core/authz.ts';
import { bangkokDay } from '../responses/index.ts';
import { SMS_CAP_WARNING_SHARE } from './otp.limits.ts';
import { presentUsage } from './otp.present.ts';
import { smsUsageOfDay } from './otp.repo.ts';
import type { SmsUsage } from './otp.schema.ts';

export async function smsUsage(deps: AppDeps, actor: Actor | null, day?: string): Promise<SmsUsage> {
  authorize(actor, 'otp.usage', null);
  const theDay = day ?? bangkokDay(deps.now());
  const cap = deps.config.otp.smsDailyCapPerAgency;
  const rows = await smsUsageOfDay(deps.db, theDay);
  return presentUsage(
    theDay,
    cap,
    Math.ceil(cap * SMS_CAP_WARNING_SHARE),
    { sms: deps.config.otp.smsSender, email: deps.config.otp.emailSender },
    rows,
  );
}
