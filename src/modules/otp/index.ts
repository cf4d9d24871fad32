// EIT part-1 verification by one-time code. Other modules and tests import from here only.
export { otpPurgeTask } from './otp.startup.ts';
export {
  consoleSender,
  createOtpSenders,
  httpSmsSender,
  type OtpMessage,
  type OtpSender,
  type OtpSenders,
  renderSmsBody,
  replaceOtpSenders,
} from './senders/index.ts';
