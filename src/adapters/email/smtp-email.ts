// The real e-mail client: SMTP with nodemailer. SMTP replies 5xx (mailbox unknown, relay refused) are
// permanent; connection failures, timeouts and 4xx replies are worth retrying.
import nodemailer from 'nodemailer';
import { DeliveryError } from '../delivery.ts';
import type { EmailMessage, EmailSender } from './email.ts';

export interface SmtpOptions {
  /** nodemailer connection URL, e.g. smtps://user:pass@mail.example.vn:465 or smtp://127.0.0.1:2525. */
  url: string;
  from: string;
  /** Refuse self-signed certificates unless explicitly allowed (local test servers only). */
  allowInsecureTls?: boolean;
}

export function createSmtpEmailSender(options: SmtpOptions): EmailSender {
  const url = new URL(options.url);
  // A small pool of kept-alive connections: no TCP and SMTP handshake per message.
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: 4,
    host: url.hostname,
    port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 587),
    secure: url.protocol === 'smtps:',
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
    // Loopback (the local test server) speaks plain SMTP; anywhere else TLS is required (goal 24).
    ...(['127.0.0.1', 'localhost'].includes(url.hostname) ? { ignoreTLS: true } : { requireTLS: true }),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
    ...(options.allowInsecureTls ? { tls: { rejectUnauthorized: false } } : {}),
  });
  return {
    description: `SMTP ${url.protocol}//${url.hostname}:${url.port || 'default'}`,
    async send(message: EmailMessage) {
      try {
        const info = await transport.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          messageId: message.messageId,
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
        return { providerMessageId: info.messageId || message.messageId };
      } catch (error) {
        const responseCode = (error as { responseCode?: number }).responseCode;
        const permanent = responseCode !== undefined && responseCode >= 500 && responseCode < 600;
        throw new DeliveryError(`SMTP: ${(error as Error).message}`, permanent);
      }
    },
    async close() {
      transport.close();
    },
  };
}
