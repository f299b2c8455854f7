import { type Static, Type } from '@sinclair/typebox';
import { StrictObject } from '../../platform/http/schema.ts';

const ChannelSchema = Type.Union([Type.Literal('email'), Type.Literal('sms'), Type.Literal('chat')]);
const StatusSchema = Type.Union([
  Type.Literal('queued'),
  Type.Literal('sending'),
  Type.Literal('sent'),
  Type.Literal('failed'),
  Type.Literal('dead'),
]);
const LangSchema = Type.Union([Type.Literal('vi'), Type.Literal('en')]);
export const EventSchema = Type.Union([
  Type.Literal('received'),
  Type.Literal('completion_requested'),
  Type.Literal('refused'),
  Type.Literal('supplement_requested'),
  Type.Literal('apology'),
  Type.Literal('financial_obligation'),
  Type.Literal('stopped'),
  Type.Literal('result_ready'),
  Type.Literal('result_returned'),
  Type.Literal('step_due_soon'),
  Type.Literal('step_overdue'),
]);

export const NotificationListQuerySchema = StrictObject({
  channel: Type.Optional(ChannelSchema),
  status: Type.Optional(StatusSchema),
  dossierCode: Type.Optional(Type.String({ maxLength: 40 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
});

export const NotificationSchema = Type.Object({
  id: Type.String(),
  channel: ChannelSchema,
  recipient: Type.String({ description: 'Masked for display: the full address is personal data' }),
  lang: LangSchema,
  event: Type.String(),
  subject: Type.Union([Type.String(), Type.Null()]),
  body: Type.String(),
  dossierCode: Type.Union([Type.String(), Type.Null()]),
  status: StatusSchema,
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  nextAttemptAt: Type.String({ format: 'date-time' }),
  lastError: Type.Union([Type.String(), Type.Null()]),
  providerMessageId: Type.Union([Type.String(), Type.Null()]),
  deliveryStatus: Type.Union([Type.Literal('delivered'), Type.Literal('undelivered'), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  sentAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type NotificationView = Static<typeof NotificationSchema>;

const ProviderSchema = Type.Object({
  kind: Type.String({ description: 'local (simulated in this process), smtp, http, zns or off' }),
  simulated: Type.Boolean(),
  description: Type.Union([Type.String(), Type.Null()]),
});

export const NotificationListSchema = Type.Object({
  items: Type.Array(NotificationSchema),
  total: Type.Integer(),
  counts: Type.Array(Type.Object({ channel: ChannelSchema, status: StatusSchema, count: Type.Integer() })),
  providers: Type.Object({ email: ProviderSchema, sms: ProviderSchema, chat: ProviderSchema }),
  smsQuietHours: Type.Union([Type.String(), Type.Null()]),
});
export type NotificationList = Static<typeof NotificationListSchema>;

export const IdParamsSchema = StrictObject({ id: Type.String({ format: 'uuid' }) });

export const TemplateKeyParamsSchema = StrictObject({
  event: EventSchema,
  channel: ChannelSchema,
  lang: LangSchema,
});

export const NotificationTemplateSchema = Type.Object({
  event: EventSchema,
  channel: ChannelSchema,
  lang: LangSchema,
  subject: Type.Union([Type.String(), Type.Null()]),
  body: Type.String(),
  overridden: Type.Boolean(),
});
export type NotificationTemplateView = Static<typeof NotificationTemplateSchema>;

export const NotificationTemplateListSchema = Type.Object({
  items: Type.Array(NotificationTemplateSchema),
  params: Type.Array(Type.String(), { description: 'Placeholders a template may use, as {name}' }),
});
export type NotificationTemplateList = Static<typeof NotificationTemplateListSchema>;

export const NotificationTemplateUpdateSchema = StrictObject({
  subject: Type.Union([Type.String({ maxLength: 300 }), Type.Null()]),
  body: Type.String({ maxLength: 5000, description: 'Empty: back to the default wording' }),
});

export const SimulatedParamsSchema = StrictObject({ channel: ChannelSchema });

export const SimulatedListSchema = Type.Object({
  simulated: Type.Boolean({ description: 'False: a real provider is configured and nothing is kept here' }),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      to: Type.String(),
      from: Type.String(),
      subject: Type.Union([Type.String(), Type.Null()]),
      text: Type.String(),
      idempotencyKey: Type.Union([Type.String(), Type.Null()]),
      receivedAt: Type.String({ format: 'date-time' }),
    }),
  ),
});
export type SimulatedList = Static<typeof SimulatedListSchema>;

export const ZnsEventParamsSchema = StrictObject({ event: EventSchema });

export const ZnsTemplateSchema = Type.Object({
  event: EventSchema,
  audience: Type.Union([Type.Literal('applicant'), Type.Literal('officer')], {
    description: 'officer: reminders to officers, sent by e-mail only, never through Zalo',
  }),
  templateId: Type.Union([Type.String(), Type.Null()], { description: 'Null: no approved template mapped' }),
  params: Type.Record(Type.String(), Type.String()),
  updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const ZnsTemplateListSchema = Type.Object({
  items: Type.Array(ZnsTemplateSchema),
  params: Type.Array(Type.String(), { description: 'Placeholders a parameter value may use, as {name}' }),
  chatKind: Type.Union([Type.Literal('local'), Type.Literal('zalo'), Type.Literal('off')], {
    description: 'zalo: an unmapped applicant event is dead-lettered; local: sent to the simulated Zalo',
  }),
});
export type ZnsTemplateList = Static<typeof ZnsTemplateListSchema>;
export type ZnsTemplateView = Static<typeof ZnsTemplateSchema>;

export const ZnsTemplateUpdateSchema = StrictObject({
  templateId: Type.String({
    maxLength: 20,
    description: 'The numeric id Zalo assigned when it approved the template',
  }),
  params: Type.Record(Type.String({ maxLength: 30 }), Type.String({ maxLength: 300 }), {
    maxProperties: 20,
    description:
      'Parameter name ([a-z_]{1,30}) → value built from placeholders, e.g. { "ma_ho_so": "{code}" }',
  }),
});
export type ZnsTemplateUpdate = Static<typeof ZnsTemplateUpdateSchema>;
