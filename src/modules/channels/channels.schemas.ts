import { type Static, Type } from '@sinclair/typebox';
import { StrictObject } from '../../platform/http/schema.ts';

export const InboundSmsSchema = StrictObject(
  {
    from: Type.String({
      minLength: 3,
      maxLength: 20,
      pattern: '^\\+?[0-9]{3,19}$',
      description: 'Sender phone number',
    }),
    text: Type.String({ maxLength: 1600, description: 'Message text as received' }),
  },
  { description: "The local SMS gateway's inbound format (docs/adapters/sms-gateway.md)" },
);
export type InboundSms = Static<typeof InboundSmsSchema>;

export const InboundReplySchema = Type.Object({
  reply: Type.String({ description: 'The text the gateway sends back to the sender; empty: send nothing' }),
});

export const DeliveryReceiptSchema = StrictObject({
  messageId: Type.String({ minLength: 1, maxLength: 200 }),
  to: Type.Optional(Type.String({ maxLength: 20 })),
  status: Type.Union([Type.Literal('delivered'), Type.Literal('undelivered')]),
  at: Type.String({ format: 'date-time' }),
  error: Type.Optional(Type.String({ maxLength: 500 })),
});

const ZaloId = Type.String({ minLength: 1, maxLength: 64 });

// Not strict: Zalo adds fields to its events over time; we read only these.
export const ZaloEventSchema = Type.Object(
  {
    app_id: ZaloId,
    event_name: Type.String({ minLength: 1, maxLength: 64, description: 'e.g. user_send_text, follow' }),
    timestamp: Type.Union([Type.String({ pattern: '^[0-9]{10,13}$' }), Type.Integer({ minimum: 0 })], {
      description: 'Unix milliseconds (signed together with the raw body)',
    }),
    sender: Type.Optional(Type.Object({ id: ZaloId })),
    recipient: Type.Optional(Type.Object({ id: ZaloId })),
    user_id_by_app: Type.Optional(Type.String({ maxLength: 64 })),
    message: Type.Optional(
      Type.Object({
        text: Type.Optional(Type.String({ maxLength: 2000 })),
        msg_id: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
      }),
    ),
  },
  {
    description:
      'Zalo OA webhook event (docs/adapters/zalo-oa.md); signed with X-ZEvent-Signature: mac=sha256(app_id + body + timestamp + OA secret key)',
  },
);

export const ChatWebhookAnswerSchema = Type.Object({
  handled: Type.Union(
    [
      Type.Literal('replied'),
      Type.Literal('reply_failed'),
      Type.Literal('silent'),
      Type.Literal('duplicate'),
      Type.Literal('ignored'),
    ],
    { description: 'What happened; Zalo only needs the 200' },
  ),
  reply: Type.String({ description: 'The text sent back through the OA (empty: nothing sent)' }),
});
