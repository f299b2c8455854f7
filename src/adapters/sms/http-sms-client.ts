// The real SMS client: POST <base>/v1/messages with the API key, an HMAC signature and an
// Idempotency-Key (docs/adapters/sms-gateway.md). 4xx answers other than 408/429 are permanent.
import { DeliveryError } from '../delivery.ts';
import type { SmsMessage, SmsSender } from './sms.ts';
import { signatureHeaders } from './sms-signature.ts';

export interface HttpSmsOptions {
  baseUrl: string;
  apiKey: string;
  secret: string;
  /** Where the gateway posts signed delivery receipts (our /api/v1/channels/sms/receipts). */
  receiptUrl?: string;
  sender?: string;
  timeoutMs?: number;
}

export function createHttpSmsSender(options: HttpSmsOptions): SmsSender {
  const base = options.baseUrl.replace(/\/+$/, '');
  return {
    description: `SMS gateway ${new URL(base).host}`,
    async send(message: SmsMessage) {
      const body = JSON.stringify({
        to: message.to,
        text: message.text,
        ...(options.sender ? { sender: options.sender } : {}),
        ...(options.receiptUrl ? { callbackUrl: options.receiptUrl } : {}),
      });
      let response: Response;
      try {
        response = await fetch(`${base}/v1/messages`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-api-key': options.apiKey,
            'idempotency-key': message.idempotencyKey,
            ...signatureHeaders(options.secret, body),
          },
          body,
          signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
        });
      } catch (error) {
        throw new DeliveryError(`SMS gateway unreachable: ${(error as Error).message}`, false);
      }
      const payload = (await response.json().catch(() => ({}))) as { messageId?: string; error?: string };
      if (response.ok && payload.messageId) {
        return { providerMessageId: payload.messageId };
      }
      const permanent =
        response.status >= 400 && response.status < 500 && ![408, 429].includes(response.status);
      throw new DeliveryError(
        `SMS gateway ${response.status}: ${payload.error ?? 'no message id'}`,
        permanent,
      );
    },
  };
}
