// E-mail to applicants (R37). Real: SMTP through nodemailer (smtp-email.ts). Local: an in-process SMTP
// server that keeps what it receives (local-smtp-server.ts), used by tests and the demo.
import type { DeliveryReceipt } from '../delivery.ts';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Stable Message-ID derived from the notification's dedup key: a retry carries the same id. */
  messageId: string;
}

export interface EmailSender {
  send(message: EmailMessage): Promise<DeliveryReceipt>;
  /** For the administrators' view and logs, without credentials. */
  readonly description: string;
  close(): Promise<void>;
}
