// How a one-time code leaves the system. One adapter per channel, chosen by configuration
// (README: "SMS and e-mail senders"); tests substitute a fake that captures messages.

import type { OtpChannel } from '../../../core/surveys/index.ts';

export type { OtpChannel };

export interface OtpMessage {
  channel: OtpChannel;
  /** Normalised destination: +66… for SMS, a lower-case address for e-mail. */
  to: string;
  /** The whole message, in Thai, code included. */
  text: string;
  /** The bare code, for adapters that format their own line (the console sender). */
  code: string;
}

export interface OtpSender {
  /** Resolves once the gateway or mail server accepted the message; rejects otherwise. */
  send(message: OtpMessage): Promise<void>;
}

/** A send that failed: the respondent is told to try again or use the other channel. */
export class OtpSendError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OtpSendError';
  }
}
