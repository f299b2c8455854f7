// R38 lookup channels: the SMS gateway posts inbound messages here and sends our reply back to the
// phone; it also posts signed delivery receipts for the SMS we sent (docs/adapters/sms-gateway.md).
// The Zalo OA webhook is in chat-webhook.routes.ts. Server-to-server callbacks: exempt from the
// browser CSRF rule, authenticated by signatures.
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { verifySignature } from '../../adapters/sms/sms-signature.ts';
import type { App } from '../../platform/http/app.ts';
import { ErrorResponseSchema, standardErrorResponses } from '../../platform/http/schema.ts';
import { recordDeliveryReceipt } from '../notifications/notifications.repository.ts';
import { channelErrors } from './channels.errors.ts';
import { DeliveryReceiptSchema, InboundReplySchema, InboundSmsSchema } from './channels.schemas.ts';
import { registerChatWebhook } from './chat-webhook.routes.ts';
import { dossierLookupProvider } from './dossier-lookup-provider.ts';
import { createLookupAnswer } from './lookup-answer.ts';
import type { LookupProvider } from './lookup-provider.ts';
import { keepRawBody } from './raw-body.ts';

export interface ChannelsOptions {
  /** Defaults to the dossiers' public lookup; tests may pass their own. */
  lookup?: LookupProvider;
}

export async function channelsRoutes(app: App, options: ChannelsOptions = {}): Promise<void> {
  const lookup = options.lookup ?? dossierLookupProvider(app.deps.database.db);
  const { config } = app.deps;
  const answer = createLookupAnswer(app, lookup);
  const signed = (request: FastifyRequest, required: boolean): boolean => {
    const secret = app.deps.notifications.smsSecret;
    const ts = request.headers['x-timestamp'];
    const sig = request.headers['x-signature'];
    if (sig === undefined && !required) {
      return true;
    }
    return (
      secret !== null &&
      verifySignature(
        secret,
        request.rawBody ?? '',
        typeof ts === 'string' ? ts : undefined,
        typeof sig === 'string' ? sig : undefined,
      )
    );
  };

  app.post(
    '/api/v1/channels/sms/inbound',
    {
      schema: {
        tags: ['channels'],
        summary:
          'Inbound SMS: status lookup by "TC <code>" / Tin nhắn đến: tra cứu hồ sơ bằng "TC <mã hồ sơ>"',
        description:
          'Called by the SMS gateway. Signed with X-Timestamp and X-Signature (HMAC-SHA256) when the gateway has a secret; ' +
          'unsigned calls are accepted outside production. Rate-limited per sender number and per IP.',
        body: InboundSmsSchema,
        response: { 200: InboundReplySchema, 401: ErrorResponseSchema, ...standardErrorResponses },
      },
      config: { access: 'public', csrfExempt: true, rateLimit: { max: 120 } },
      preParsing: keepRawBody,
    },
    async (request) => {
      // Outside production an unsigned call is accepted (demo, tests, curl); a signature, when present, must hold.
      if (!signed(request, config.env === 'production')) {
        throw channelErrors.badSignature();
      }
      const reply = await answer(request.log, 'sms', request.body.from, request.body.text);
      return { reply };
    },
  );

  registerChatWebhook(app, answer);

  app.post(
    '/api/v1/channels/sms/receipts',
    {
      schema: {
        tags: ['channels'],
        summary: 'SMS delivery receipt from the gateway / Báo cáo chuyển phát tin nhắn từ nhà cung cấp',
        description: 'Signed with X-Timestamp and X-Signature (HMAC-SHA256); unsigned receipts are refused.',
        body: DeliveryReceiptSchema,
        response: { 204: Type.Null(), 401: ErrorResponseSchema, ...standardErrorResponses },
      },
      config: { access: 'public', csrfExempt: true },
      preParsing: keepRawBody,
    },
    async (request, reply) => {
      if (!signed(request, true)) {
        throw channelErrors.badSignature();
      }
      const body = request.body;
      await recordDeliveryReceipt(app.deps.database.db, body.messageId, body.status, new Date(body.at));
      return reply.status(204).send(null);
    },
  );
}
