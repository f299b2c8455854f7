import { type Static, Type } from '@sinclair/typebox';
import { StrictObject } from '../../platform/http/schema.ts';
import { PASSWORD_MAX_LENGTH } from '../auth/password.ts';

const Contact = Type.String({
  minLength: 3,
  maxLength: 254,
  description: 'A Vietnamese mobile number (0912345678, +84 912 345 678) or an e-mail address',
});
const Code = Type.String({ pattern: '^[0-9]{6}$', description: 'The 6-digit code that was sent' });
const Password = Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const RegisterBodySchema = StrictObject({
  kind: Type.Union([Type.Literal('citizen'), Type.Literal('organisation')]),
  fullName: Type.String({
    minLength: 1,
    maxLength: 200,
    description: 'Person’s full name, or the organisation’s name',
  }),
  contact: Contact,
  password: Password,
  organisation: Type.Optional(
    StrictObject({
      taxCode: Type.String({
        pattern: '^[0-9]{10}(-[0-9]{3})?$',
        description: 'Mã số thuế (checksum verified)',
      }),
      representativeName: Type.String({ minLength: 1, maxLength: 200 }),
      representativeTitle: Type.Optional(Type.String({ maxLength: 200 })),
    }),
  ),
});
export type RegisterBody = Static<typeof RegisterBodySchema>;

export const CodeSentSchema = Type.Object({
  username: Type.String({ description: 'The sign-in name: the normalised phone number or e-mail' }),
  channel: Type.Union([Type.Literal('sms'), Type.Literal('email')]),
  destination: Type.String({ description: 'Where the code went, masked' }),
  expiresInSeconds: Type.Integer(),
  simulated: Type.Boolean({
    description: 'True: messages go to the simulated mailbox, not to a real gateway',
  }),
});

export const VerifyBodySchema = StrictObject({ username: Contact, code: Code });
export const UsernameBodySchema = StrictObject({ username: Contact });
export const ResetConfirmBodySchema = StrictObject({ username: Contact, code: Code, newPassword: Password });
export const OkSchema = Type.Object({ ok: Type.Literal(true) });

export const ProfileSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.Union([Type.Literal('citizen'), Type.Literal('organisation')]),
  username: Type.String(),
  fullName: Type.String(),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phoneVerified: Type.Boolean(),
  emailVerified: Type.Boolean(),
  dateOfBirth: Nullable(Type.String({ format: 'date' })),
  idNumber: Nullable(Type.String()),
  address: Nullable(Type.String()),
  taxCode: Nullable(Type.String()),
  representativeName: Nullable(Type.String()),
  representativeTitle: Nullable(Type.String()),
});
export type Profile = Static<typeof ProfileSchema>;

export const UpdateProfileBodySchema = StrictObject({
  fullName: Type.String({ minLength: 1, maxLength: 200 }),
  dateOfBirth: Nullable(Type.String({ format: 'date' })),
  idNumber: Nullable(Type.String({ maxLength: 20, description: '12-digit CCCD number' })),
  address: Nullable(Type.String({ maxLength: 500 })),
  taxCode: Type.Optional(Nullable(Type.String({ maxLength: 14 }))),
  representativeName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  representativeTitle: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
});
export type UpdateProfileBody = Static<typeof UpdateProfileBodySchema>;

export const OutboxListSchema = Type.Object({
  simulated: Type.Boolean(),
  items: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      channel: Type.Union([Type.Literal('sms'), Type.Literal('email')]),
      recipient: Type.String(),
      subject: Nullable(Type.String()),
      body: Type.String(),
      purpose: Type.String(),
      createdAt: Type.String({ format: 'date-time' }),
    }),
  ),
});

export const CitizenListQuerySchema = StrictObject({
  q: Type.String({ minLength: 2, maxLength: 100, description: 'Name, phone, e-mail or CCCD number' }),
});
export const CitizenSummarySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.Union([Type.Literal('citizen'), Type.Literal('organisation')]),
  fullName: Type.String(),
  username: Type.String(),
  status: Type.String(),
});
export const CitizenListSchema = Type.Object({ items: Type.Array(CitizenSummarySchema) });
export const CitizenIdParamsSchema = StrictObject({ id: Type.String({ format: 'uuid' }) });
