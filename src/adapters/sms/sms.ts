// SMS to applicants and SMS lookup replies (R37, R38) through an SMS gateway over HTTP with an API key
// and HMAC-signed requests; the protocol is in docs/adapters/sms-gateway.md.
import type { DeliveryReceipt } from '../delivery.ts';

export interface SmsMessage {
  /** Vietnamese mobile number, e.g. 0912345678 or +84912345678. */
  to: string;
  text: string;
  /** The gateway keeps one message per key: a retry never sends twice. */
  idempotencyKey: string;
}

export interface SmsSender {
  send(message: SmsMessage): Promise<DeliveryReceipt>;
  readonly description: string;
}
