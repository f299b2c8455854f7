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

export const InboundChatSchema = StrictObject(
  {
    from: Type.String({
      minLength: 3,
      maxLength: 20,
      pattern: '^\\+?[0-9]{3,19}$',
      description: "The user's phone number as the OA knows it",
    }),
    text: Type.String({ maxLength: 2000, description: 'Message text as received' }),
    messageId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: "The chat app's message id (idempotent reply)",
      }),
    ),
  },
  { description: "The local chat app's inbound format (OA webhook, reduced to what a lookup needs)" },
);
