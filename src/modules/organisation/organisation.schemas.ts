import { type Static, Type } from '@sinclair/typebox';
import { StrictObject } from '../../platform/http/schema.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const AgencyLevelSchema = Type.Union(
  [Type.Literal('province'), Type.Literal('district'), Type.Literal('commune')],
  {
    description: 'Administrative level: province / district (where it still exists) / commune',
  },
);
export const AgencyKindSchema = Type.Union(
  [
    Type.Literal('committee'),
    Type.Literal('department'),
    Type.Literal('service_centre'),
    Type.Literal('unit'),
    Type.Literal('other'),
  ],
  {
    description:
      'UBND (committee), sở/ban/ngành (department), Trung tâm PVHCC (service_centre), phòng/ban inside an agency (unit)',
  },
);

export const AgencySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  code: Type.String({ description: 'Electronic identifier code (mã định danh), e.g. 000.00.11.H99' }),
  shortName: Nullable(Type.String({ description: 'Short name used in usernames, e.g. stp' })),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  level: AgencyLevelSchema,
  kind: AgencyKindSchema,
  parentId: Nullable(Type.String({ format: 'uuid' })),
  deskAgencyId: Nullable(
    Type.String({ format: 'uuid', description: 'Whose one-stop desk receives for this agency' }),
  ),
  address: Nullable(Type.String()),
  email: Nullable(Type.String()),
  hotline: Nullable(Type.String()),
  validFrom: Type.String({ format: 'date' }),
  validTo: Nullable(Type.String({ format: 'date' })),
  successorId: Nullable(Type.String({ format: 'uuid' })),
  procedureCount: Type.Optional(
    Type.Integer({ description: 'Procedures in force this agency performs (catalogue; list only)' }),
  ),
});
export type Agency = Static<typeof AgencySchema>;

export const AgencyListQuerySchema = StrictObject({
  level: Type.Optional(AgencyLevelSchema),
  kind: Type.Optional(AgencyKindSchema),
  includeFormer: Type.Optional(
    Type.Boolean({ description: 'Also list agencies no longer valid (merged, dissolved)' }),
  ),
});

export const AgencyListSchema = Type.Object({ items: Type.Array(AgencySchema) });

export const AgencyCodeParamsSchema = StrictObject({
  code: Type.String({ pattern: '^[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9]{2}$' }),
});

export const SectorSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  code: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  parentId: Nullable(
    Type.String({
      format: 'uuid',
      description: 'The sector (ngành) of a field (lĩnh vực); null for a sector',
    }),
  ),
  procedureCount: Type.Optional(
    Type.Integer({ description: 'Procedures in force in this sector (with its fields) or field' }),
  ),
});
export type Sector = Static<typeof SectorSchema>;

export const SectorListSchema = Type.Object({ items: Type.Array(SectorSchema) });
