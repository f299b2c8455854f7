// The real chat client, ZNS-style: POST <base>/message/template with header `access_token`, body
// { phone, template_id, template_data, tracking_id }; the answer is HTTP 200 with { error: 0, data:
// { msg_id } } on success and a negative error code otherwise (Zalo's convention).
import { DeliveryError } from '../delivery.ts';
import type { ChatMessage, ChatSender } from './chat.ts';

export interface ZnsOptions {
  baseUrl: string;
  accessToken: string;
  timeoutMs?: number;
}

/** Error codes after which retrying cannot help: invalid phone, unknown template, bad parameters. */
const PERMANENT = new Set([-108, -109, -112, -118, -131, -139]);

/** Vietnamese numbers in the international form ZNS expects: 0912… → 84912…. */
export function znsPhone(phone: string): string {
  const digits = phone.replace(/[^\d]/g, '');
  return digits.startsWith('0') ? `84${digits.slice(1)}` : digits;
}

export function createZnsChatSender(options: ZnsOptions): ChatSender {
  const base = options.baseUrl.replace(/\/+$/, '');
  return {
    description: `chat (ZNS-style) ${new URL(base).host}`,
    async send(message: ChatMessage) {
      let response: Response;
      try {
        response = await fetch(`${base}/message/template`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', access_token: options.accessToken },
          body: JSON.stringify({
            phone: znsPhone(message.to),
            template_id: message.templateId,
            template_data: message.params,
            tracking_id: message.trackingId,
          }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
        });
      } catch (error) {
        throw new DeliveryError(`chat API unreachable: ${(error as Error).message}`, false);
      }
      const payload = (await response.json().catch(() => ({}))) as {
        error?: number;
        message?: string;
        data?: { msg_id?: string };
      };
      if (response.ok && payload.error === 0 && payload.data?.msg_id) {
        return { providerMessageId: payload.data.msg_id };
      }
      const code = payload.error ?? response.status;
      throw new DeliveryError(
        `chat API error ${code}: ${payload.message ?? response.statusText}`,
        PERMANENT.has(code),
      );
    },
  };
}
