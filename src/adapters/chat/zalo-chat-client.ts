// The real chat client for Zalo (docs/adapters/zalo-oa.md), both calls with header `access_token`:
// - ZNS:  POST <znsBase>/message/template  { phone: "84…", template_id, template_data, tracking_id }
//         → { error: 0, message, data: { msg_id, sent_time, quota } }
// - OA:   POST <oaBase>/v3.0/oa/message/cs { recipient: { user_id }, message: { text } }
//         → { error: 0, message, data: { message_id, user_id } }
// Zalo answers HTTP 200 with a negative `error` on failure; which codes are final is configurable
// because the public sources disagree (see the doc). The access token comes from a source that
// renews it (zalo-token.ts); when Zalo refuses it (-124) the call is made once more with a new one.
import { DeliveryError } from '../delivery.ts';
import type { ChatMessage, ChatReply, ChatSender } from './chat.ts';
import type { AccessTokenSource } from './zalo-token.ts';

/** Zalo's "access token is invalid or expired". */
const TOKEN_REFUSED = -124;

/**
 * Error codes after which retrying cannot help: invalid phone (-108), no Zalo account (-118), template
 * not approved / not found (-131, -132), bad template data (-201, -217, -218), and the codes the first
 * version already treated as final (-109, -112, -139). Token (-124) and quota (-216) errors are retried:
 * an operator can renew the token, quotas reset daily.
 */
const DEFAULT_PERMANENT_ERRORS: readonly number[] = [
  -108, -109, -112, -118, -131, -132, -139, -201, -217, -218,
];

export interface ZaloClientOptions {
  znsBaseUrl: string;
  oaBaseUrl: string;
  token: AccessTokenSource;
  timeoutMs?: number;
  /** Auto-replies are sent while Zalo waits for the webhook's 200 (about 2 s): a shorter limit. */
  replyTimeoutMs?: number;
  permanentErrors?: readonly number[];
}

/** Vietnamese numbers in the international form ZNS expects: 0912… / +84912… → 84912…. */
export function znsPhone(phone: string): string {
  const digits = phone.replace(/[^\d]/g, '');
  return digits.startsWith('0') ? `84${digits.slice(1)}` : digits;
}

interface ZaloAnswer {
  error?: number;
  message?: string;
  data?: { msg_id?: string; message_id?: string };
}

export function createZaloChatSender(options: ZaloClientOptions): ChatSender {
  const zns = options.znsBaseUrl.replace(/\/+$/, '');
  const oa = options.oaBaseUrl.replace(/\/+$/, '');
  const permanent = new Set(options.permanentErrors ?? DEFAULT_PERMANENT_ERRORS);

  const post = async (url: string, what: string, body: unknown, token: string, timeoutMs: number) => {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', access_token: token },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new DeliveryError(`${what} unreachable: ${(error as Error).message}`, false);
    }
    const payload = (await response.json().catch(() => ({}))) as ZaloAnswer;
    const ok = response.ok && payload.error === 0;
    const code = ok
      ? 0
      : typeof payload.error === 'number' && payload.error !== 0
        ? payload.error
        : response.status;
    return { payload, ok, code, statusText: response.statusText };
  };

  const call = async (url: string, what: string, body: unknown, timeoutMs: number): Promise<ZaloAnswer> => {
    let token = await options.token.current();
    let answer = await post(url, what, body, token, timeoutMs);
    if (answer.code === TOKEN_REFUSED) {
      token = await options.token.renew(token);
      answer = await post(url, what, body, token, timeoutMs);
    }
    if (answer.ok) {
      return answer.payload;
    }
    throw new DeliveryError(
      `${what} error ${answer.code}: ${answer.payload.message ?? answer.statusText}`,
      permanent.has(answer.code),
    );
  };

  return {
    description: `chat (Zalo ZNS ${new URL(zns).host}, OA ${new URL(oa).host})`,
    async send(message: ChatMessage) {
      const answer = await call(
        `${zns}/message/template`,
        'Zalo ZNS',
        {
          phone: znsPhone(message.to),
          template_id: message.templateId,
          template_data: message.params,
          tracking_id: message.trackingId,
        },
        options.timeoutMs ?? 15_000,
      );
      if (!answer.data?.msg_id) {
        throw new DeliveryError('Zalo ZNS answered without msg_id', false);
      }
      return { providerMessageId: answer.data.msg_id };
    },
    async reply(message: ChatReply) {
      const answer = await call(
        `${oa}/v3.0/oa/message/cs`,
        'Zalo OA',
        {
          recipient: { user_id: message.userId },
          message: { text: message.text },
        },
        options.replyTimeoutMs ?? 1_500,
      );
      if (!answer.data?.message_id) {
        throw new DeliveryError('Zalo OA answered without message_id', false);
      }
      return { providerMessageId: answer.data.message_id };
    },
  };
}
