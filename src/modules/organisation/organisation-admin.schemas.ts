import { type Static, Type } from '@sinclair/typebox';
import { StrictObject } from '../../platform/http/schema.ts';
import { AgencyKindSchema, AgencyLevelSchema } from './organisation.schemas.ts';

const Uuid = Type.String({ format: 'uuid' });
const CODE = '^[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9]{2}$';
const AgencyCode = Type.String({ pattern: CODE, description: 'Mã định danh, e.g. 000.00.11.H99' });
const ShortName = Type.String({ pattern: '^[a-z][a-z0-9]{1,19}$', description: 'Used in usernames (stp)' });
const Day = Type.String({ format: 'date' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const OptionalNullable = <T extends ReturnType<typeof Type.String>>(schema: T) =>
  Type.Optional(Type.Union([schema, Type.Null()]));

export const AgencyIdParamsSchema = StrictObject({ id: Uuid });

export const CreateAgencyBodySchema = StrictObject({
  code: AgencyCode,
  shortName: OptionalNullable(ShortName),
  name: Text(300),
  nameEn: OptionalNullable(Text(300)),
  level: AgencyLevelSchema,
  kind: AgencyKindSchema,
  parentId: Type.Union([Uuid, Type.Null()]),
  deskAgencyId: OptionalNullable(Uuid),
  address: OptionalNullable(Text(500)),
  email: OptionalNullable(Type.String({ format: 'email', maxLength: 254 })),
  hotline: OptionalNullable(Type.String({ pattern: '^[0-9 +().-]{3,20}$' })),
  validFrom: Day,
});
export type CreateAgencyBody = Static<typeof CreateAgencyBodySchema>;

export const UpdateAgencyBodySchema = StrictObject({
  shortName: OptionalNullable(ShortName),
  name: Type.Optional(Text(300)),
  nameEn: OptionalNullable(Text(300)),
  level: Type.Optional(AgencyLevelSchema),
  kind: Type.Optional(AgencyKindSchema),
  parentId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  deskAgencyId: OptionalNullable(Uuid),
  address: OptionalNullable(Text(500)),
  email: OptionalNullable(Type.String({ format: 'email', maxLength: 254 })),
  hotline: OptionalNullable(Type.String({ pattern: '^[0-9 +().-]{3,20}$' })),
});
export type UpdateAgencyBody = Static<typeof UpdateAgencyBodySchema>;

export const CloseAgencyBodySchema = StrictObject({
  validTo: Day,
  successorId: Type.Union([Uuid, Type.Null()], {
    description: 'The agency taking over (merger): its officers, roles and units move there, with history',
  }),
});

export const CloseAgencyResultSchema = Type.Object({
  movedUsers: Type.Integer(),
  movedRoles: Type.Integer(),
  movedUnits: Type.Integer(),
});

export const AgencyTransferItemSchema = StrictObject({
  code: AgencyCode,
  shortName: Type.Union([ShortName, Type.Null()]),
  name: Text(300),
  nameEn: Type.Union([Text(300), Type.Null()]),
  level: AgencyLevelSchema,
  kind: AgencyKindSchema,
  parentCode: Type.Union([AgencyCode, Type.Null()]),
  deskCode: Type.Union([AgencyCode, Type.Null()]),
  address: Type.Union([Text(500), Type.Null()]),
  email: Type.Union([Type.String({ maxLength: 254 }), Type.Null()]),
  hotline: Type.Union([Type.String({ maxLength: 20 }), Type.Null()]),
  validFrom: Day,
  validTo: Type.Union([Day, Type.Null()]),
  successorCode: Type.Union([AgencyCode, Type.Null()]),
});
export type AgencyTransferItem = Static<typeof AgencyTransferItemSchema>;

export const AgencyTransferSchema = StrictObject({
  format: Type.Literal('motcua.agencies.v1'),
  agencies: Type.Array(AgencyTransferItemSchema, { maxItems: 5000 }),
});
export type AgencyTransfer = Static<typeof AgencyTransferSchema>;

export const ImportResultSchema = Type.Object({ created: Type.Integer(), updated: Type.Integer() });

export const AdminSectorSchema = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.Union([Type.String(), Type.Null()]),
  parentId: Type.Union([Uuid, Type.Null()]),
  active: Type.Boolean(),
  sortOrder: Type.Integer(),
});
export const AdminSectorListSchema = Type.Object({ items: Type.Array(AdminSectorSchema) });

export const CreateSectorBodySchema = StrictObject({
  code: Type.String({ pattern: '^[A-Z0-9][A-Z0-9.-]{0,39}$' }),
  name: Text(300),
  nameEn: OptionalNullable(Text(300)),
  parentId: Type.Union([Uuid, Type.Null()]),
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
});
export type CreateSectorBody = Static<typeof CreateSectorBodySchema>;

export const UpdateSectorBodySchema = StrictObject({
  name: Type.Optional(Text(300)),
  nameEn: OptionalNullable(Text(300)),
  active: Type.Optional(Type.Boolean()),
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
});
export type UpdateSectorBody = Static<typeof UpdateSectorBodySchema>;

export const SectorIdParamsSchema = StrictObject({ id: Uuid });
