import { type Static, Type } from '@sinclair/typebox';
import { OFFICER_ROLES } from '../../domain/access/roles.ts';
import { StrictObject } from '../../platform/http/schema.ts';

const Uuid = Type.String({ format: 'uuid' });
const NullableString = Type.Union([Type.String(), Type.Null()]);

export const RoleNameSchema = Type.String({ enum: [...OFFICER_ROLES], description: 'An officer role (R9)' });

export const GrantInputSchema = StrictObject({
  role: RoleNameSchema,
  scopeId: Type.Union([Uuid, Type.Null()], {
    description: 'Agency or unit the role applies to (with its units); null = the whole province',
  }),
});

export const AdminUserSchema = Type.Object({
  id: Uuid,
  username: Type.String(),
  fullName: Type.String(),
  email: NullableString,
  phone: NullableString,
  unitId: Type.Union([Uuid, Type.Null()]),
  unitName: NullableString,
  status: Type.Union([
    Type.Literal('pending'),
    Type.Literal('active'),
    Type.Literal('locked'),
    Type.Literal('disabled'),
  ]),
  statusReason: NullableString,
  lockedOutUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'Set while sign-in is locked after 5 failures (goal 4)',
  }),
  roles: Type.Array(
    Type.Object({ role: Type.String(), scopeId: Type.Union([Uuid, Type.Null()]), scopeName: NullableString }),
  ),
  mustChangePassword: Type.Boolean(),
  totpEnabled: Type.Boolean(),
  isDemo: Type.Boolean(),
  lastLoginAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export type AdminUser = Static<typeof AdminUserSchema>;

export const AdminUserListQuerySchema = StrictObject({
  q: Type.Optional(
    Type.String({ maxLength: 100, description: 'Name or username, with or without diacritics' }),
  ),
  unitId: Type.Optional(Uuid),
  status: Type.Optional(
    Type.Union([
      Type.Literal('pending'),
      Type.Literal('active'),
      Type.Literal('locked'),
      Type.Literal('disabled'),
    ]),
  ),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});

export const AdminUserListSchema = Type.Object({
  items: Type.Array(AdminUserSchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

const Phone = Type.String({ pattern: '^[0-9 +().-]{8,20}$' });
const Email = Type.String({ format: 'email', maxLength: 254 });

export const CreateUserBodySchema = StrictObject({
  username: Type.Optional(
    Type.String({
      pattern: '^[a-z0-9][a-z0-9._-]{2,63}$',
      description: 'Leave out to use the suggested hovaten.tendonvi',
    }),
  ),
  fullName: Type.String({ minLength: 1, maxLength: 200 }),
  email: Type.Union([Email, Type.Null()]),
  phone: Type.Union([Phone, Type.Null()]),
  unitId: Uuid,
  roles: Type.Array(GrantInputSchema, { maxItems: 20 }),
});
export type CreateUserBody = Static<typeof CreateUserBodySchema>;

export const CreatedUserSchema = Type.Object({
  user: AdminUserSchema,
  temporaryPassword: Type.String({
    description: 'Shown once; the officer must change it at first sign-in (R9)',
  }),
});

export const UpdateUserBodySchema = StrictObject({
  fullName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  email: Type.Optional(Type.Union([Email, Type.Null()])),
  phone: Type.Optional(Type.Union([Phone, Type.Null()])),
  unitId: Type.Optional(Uuid),
});
export type UpdateUserBody = Static<typeof UpdateUserBodySchema>;

export const UserIdParamsSchema = StrictObject({ id: Uuid });

export const ReasonBodySchema = StrictObject({
  reason: Type.Optional(Type.String({ maxLength: 500 })),
});

export const RolesBodySchema = StrictObject({ roles: Type.Array(GrantInputSchema, { maxItems: 20 }) });

export const TemporaryPasswordSchema = Type.Object({ temporaryPassword: Type.String() });

export const UsernameSuggestionQuerySchema = StrictObject({
  fullName: Type.String({ minLength: 1, maxLength: 200 }),
  unitId: Uuid,
});
export const UsernameSuggestionSchema = Type.Object({ username: Type.String() });
