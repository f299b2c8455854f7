// R38 over Zalo: the OA webhook (docs/adapters/zalo-oa.md). Zalo posts every OA event here signed with
// X-ZEvent-Signature; a follower's `user_send_text` "TC <mã hồ sơ>" gets the same answer as an SMS,
// sent back as an OA customer-service message through the chat adapter. Zalo only needs a 200: the
// JSON answer says what happened, for logs and tests.
import { verifyZaloSignature, zaloTimestampMs } from '../../adapters/chat/zalo-signature.ts';
import type { App } from '../../platform/http/app.ts';
import { ErrorResponseSchema, standardErrorResponses } from '../../platform/http/schema.ts';
import { channelErrors } from './channels.errors.ts';
import { ChatWebhookAnswerSchema, ZaloEventSchema } from './channels.schemas.ts';
import { firstDelivery } from './inbound-events.ts';
import type { LookupAnswer } from './lookup-answer.ts';
import { keepRawBody } from './raw-body.ts';
import { maskPhone } from './sender-rate-limit.ts';

export function registerChatWebhook(app: App, answer: LookupAnswer): void {
  const { config } = app.deps;

  app.post(
    '/api/v1/channels/chat/inbound',
    {
      schema: {
        tags: ['channels'],
        summary:
          'Zalo OA webhook: status lookup by "TC <code>" / Webhook Zalo OA: tra cứu hồ sơ bằng "TC <mã hồ sơ>"',
        description:
          "Called by Zalo with the OA's events. Requires X-ZEvent-Signature: mac=<hex SHA-256 of app_id + raw body + " +
          'timestamp + OA secret key>; events outside the replay window are refused. A user_send_text event is ' +
          'answered (same syntax and replies as SMS) by an OA customer-service message; each msg_id is answered ' +
          'once; other events are acknowledged and ignored. Rate-limited per Zalo user.',
        body: ZaloEventSchema,
        response: { 200: ChatWebhookAnswerSchema, 401: ErrorResponseSchema, ...standardErrorResponses },
      },
      // Zalo posts every follower's messages from a few addresses: a wider per-IP allowance than SMS.
      config: { access: 'public', csrfExempt: true, rateLimit: { max: 600 } },
      preParsing: keepRawBody,
    },
    async (request) => {
      const keys = app.deps.notifications.chatWebhook;
      if (!keys) {
        throw channelErrors.webhookNotConfigured();
      }
      const event = request.body;
      const timestamp = String(event.timestamp);
      if (event.app_id !== keys.appId) {
        throw channelErrors.zaloSignature('app_id');
      }
      const header = request.headers['x-zevent-signature'];
      const signature = typeof header === 'string' ? header : undefined;
      if (!verifyZaloSignature(signature, keys.appId, request.rawBody ?? '', timestamp, keys.oaSecretKey)) {
        throw channelErrors.zaloSignature('X-ZEvent-Signature');
      }
      const at = zaloTimestampMs(timestamp);
      if (at === null || Math.abs(Date.now() - at) > config.notifications.chatWebhookMaxAgeSeconds * 1000) {
        throw channelErrors.staleEvent();
      }
      if (event.event_name !== 'user_send_text') {
        request.log.info({ event: event.event_name }, 'Zalo OA event ignored');
        return { handled: 'ignored' as const, reply: '' };
      }
      const userId = event.sender?.id;
      const text = event.message?.text;
      if (!userId || text === undefined) {
        throw channelErrors.textMissing();
      }
      const sender = maskPhone(userId);
      const msgId = event.message?.msg_id ?? `${userId}:${timestamp}`;
      if (!(await firstDelivery(app.deps.database.db, 'zalo', msgId.slice(0, 200)))) {
        request.log.info({ sender, msgId }, 'CHAT lookup: event already answered (redelivery)');
        return { handled: 'duplicate' as const, reply: '' };
      }
      const reply = await answer(request.log, 'chat', userId, text);
      if (!reply) {
        return { handled: 'silent' as const, reply: '' };
      }
      const chat = app.deps.notifications.chat;
      try {
        if (!chat) {
          throw new Error('chat is not configured (MOTCUA_CHAT=off)');
        }
        const receipt = await chat.reply({ userId, text: reply });
        request.log.info(
          { sender, msgId, providerMessageId: receipt.providerMessageId },
          'CHAT lookup reply sent (OA message/cs)',
        );
        return { handled: 'replied' as const, reply };
      } catch (error) {
        // Zalo must still get its 200 (else it redelivers); the failure is in the log.
        request.log.warn({ err: error, sender, msgId }, 'CHAT lookup reply not sent');
        return { handled: 'reply_failed' as const, reply };
      }
    },
  );
}
