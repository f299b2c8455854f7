// R38 lookup channels: the SMS gateway posts inbound messages here and sends our reply back to the
// phone; it also posts signed delivery receipts for the SMS we sent (docs/adapters/sms-gateway.md).
// Server-to-server callbacks: exempt from the browser CSRF rule, authenticated by HMAC signatures.
import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { verifySignature } from '../../adapters/sms/sms-signature.ts';
import { parseLookupMessage } from '../../domain/lookup/lookup-message.ts';
import { composeLookupReply, replyRateLimited } from '../../domain/lookup/lookup-reply.ts';
import type { App } from '../../platform/http/app.ts';
import { ErrorResponseSchema, standardErrorResponses } from '../../platform/http/schema.ts';
import { recordDeliveryReceipt } from '../notifications/notifications.repository.ts';
import { findSiteSettings } from '../site/site.repository.ts';
import { channelErrors } from './channels.errors.ts';
import {
  DeliveryReceiptSchema,
  InboundChatSchema,
  InboundReplySchema,
  InboundSmsSchema,
} from './channels.schemas.ts';
import { dossierLookupProvider } from './dossier-lookup-provider.ts';
import type { LookupProvider } from './lookup-provider.ts';
import { maskPhone, SenderRateLimiter } from './sender-rate-limit.ts';

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: string;
  }
}

export interface ChannelsOptions {
  /** Defaults to the dossiers' public lookup; tests may pass their own. */
  lookup?: LookupProvider;
}

/** Keeps the exact bytes of the body: signatures are computed over them, not over re-encoded JSON. */
async function keepRawBody(request: FastifyRequest, _reply: unknown, payload: NodeJS.ReadableStream) {
  const chunks: Buffer[] = [];
  for await (const chunk of payload) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  }
  const raw = Buffer.concat(chunks);
  request.rawBody = raw.toString('utf8');
  return Readable.from(raw);
}

export async function channelsRoutes(app: App, options: ChannelsOptions = {}): Promise<void> {
  const lookup = options.lookup ?? dossierLookupProvider(app.deps.database.db);
  const { config } = app.deps;
  // One allowance per sender and channel: a number texting and chatting is counted on each.
  const limiters = {
    sms: new SenderRateLimiter(config.notifications.lookupsPerNumberPerHour),
    chat: new SenderRateLimiter(config.notifications.lookupsPerNumberPerHour),
  };
  const signed = (
    request: FastifyRequest,
    required: boolean,
    secret: string | null = app.deps.notifications.smsSecret,
  ): boolean => {
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

  /** Rate limit, parse, look up, compose: the same answer for every text channel. */
  const answer = async (
    request: FastifyRequest,
    channel: 'sms' | 'chat',
    from: string,
    text: string,
  ): Promise<string> => {
    const gate = limiters[channel].hit(from);
    if (!gate.allowed) {
      request.log.warn(
        { sender: maskPhone(from) },
        `${channel.toUpperCase()} lookup rate limit exceeded (possible enumeration)`,
      );
      return gate.firstRefusal ? replyRateLimited() : '';
    }
    const parsed = parseLookupMessage(text);
    const result = parsed.ok ? await lookup.lookup(parsed.code) : null;
    const site = await findSiteSettings(app.deps.database.db);
    const reply = composeLookupReply(parsed, result, {
      publicUrl: config.publicUrl,
      hotline: site?.hotline ?? undefined,
    });
    request.log.info(
      { sender: maskPhone(from), parsed: parsed.ok ? 'code' : parsed.reason, found: result !== null },
      `${channel.toUpperCase()} lookup`,
    );
    return reply;
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
      config: { access: 'public', csrfExempt: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
      preParsing: keepRawBody,
    },
    async (request) => {
      // Outside production an unsigned call is accepted (demo, tests, curl); a signature, when present, must hold.
      if (!signed(request, config.env === 'production')) {
        throw channelErrors.badSignature();
      }
      const reply = await answer(request, 'sms', request.body.from, request.body.text);
      return { reply };
    },
  );

  app.post(
    '/api/v1/channels/chat/inbound',
    {
      schema: {
        tags: ['channels'],
        summary: 'Inbound chat message: status lookup by "TC <code>" / Tin nhắn ứng dụng chat: tra cứu hồ sơ',
        description:
          'Called by the chat app (OA webhook). Same syntax and replies as SMS; the reply is also sent back ' +
          'to the user through the chat adapter. Signed like the SMS webhook (X-Timestamp, X-Signature) with ' +
          'the chat webhook secret; unsigned calls are accepted outside production.',
        body: InboundChatSchema,
        response: { 200: InboundReplySchema, 401: ErrorResponseSchema, ...standardErrorResponses },
      },
      config: { access: 'public', csrfExempt: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
      preParsing: keepRawBody,
    },
    async (request) => {
      if (!signed(request, config.env === 'production', app.deps.notifications.chatSecret ?? null)) {
        throw channelErrors.badSignature();
      }
      const { from, text, messageId } = request.body;
      const reply = await answer(request, 'chat', from, text);
      const chat = app.deps.notifications.chat;
      if (reply && chat) {
        try {
          await chat.send({
            to: from,
            templateId: 'lookup_reply',
            params: { content: reply },
            trackingId: `lookup-${messageId ?? `${from}-${Date.now()}`}`,
          });
        } catch (error) {
          request.log.warn({ err: error, sender: maskPhone(from) }, 'chat lookup reply not sent');
        }
      }
      return { reply };
    },
  );

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
