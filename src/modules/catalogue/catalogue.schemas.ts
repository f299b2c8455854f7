// Public catalogue API shapes (R2, R3, R5, R6): the search list and the procedure page.
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { StrictObject } from '../../platform/http/schema.ts';
import {
  ComponentSchema,
  FeeSchema,
  LevelSchema,
  OnlineLevelSchema,
  ProcedureContentSchema,
  TimeUnitSchema,
} from './procedure-content.schemas.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });
const CivilDate = Type.String({ format: 'date' });

export const NATIONAL_CODE_PATTERN = '^[0-9]\\.[0-9]{6}$';
export const LOCAL_CODE_PATTERN = '^[A-Z0-9][A-Z0-9._-]{1,39}$';

export const ProcedureListQuerySchema = StrictObject({
  q: Type.Optional(
    Type.String({ maxLength: 200, description: 'Words of the name, with or without diacritics, or a code' }),
  ),
  sector: Type.Optional(
    Type.String({
      pattern: '^[A-Za-z0-9][A-Za-z0-9.-]{0,39}$|^[0-9a-f-]{36}$',
      description: 'Sector or field code or id',
    }),
  ),
  level: Type.Optional(LevelSchema),
  agency: Type.Optional(
    Type.String({
      pattern: '^[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9]{2}$|^[0-9a-f-]{36}$',
      description: 'Performing agency: identifier code or id',
    }),
  ),
  online: Type.Optional(
    Type.Union([OnlineLevelSchema, Type.Literal('any')], { description: "'any' = full or partial" }),
  ),
  immediate: Type.Optional(Type.Boolean()),
  sort: Type.Optional(
    Type.Union([Type.Literal('relevance'), Type.Literal('name'), Type.Literal('views')], {
      description: 'relevance (default with q), name (Vietnamese alphabetical, default without q), views',
    }),
  ),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});
export type ProcedureListQuery = Static<typeof ProcedureListQuerySchema>;

const SectorRef = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
});
const AgencyRef = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  level: LevelSchema,
  address: Nullable(Type.String()),
  email: Nullable(Type.String()),
  hotline: Nullable(Type.String()),
});
export type AgencyRef = Static<typeof AgencyRef>;

const ProcessingTime = Type.Object({
  value: Type.Integer(),
  unit: TimeUnitSchema,
  onlineValue: Nullable(Type.Integer()),
  note: Nullable(Type.String()),
});

export const ProcedureListItemSchema = Type.Object({
  id: Uuid,
  versionId: Uuid,
  code: Type.String({ description: 'National code (mã TTHC) when known, otherwise the local code' }),
  nationalCode: Nullable(Type.String()),
  localCode: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  sector: Nullable(SectorRef),
  field: Nullable(SectorRef),
  levels: Type.Array(LevelSchema),
  onlineLevel: OnlineLevelSchema,
  legacyLevel: Type.Integer(),
  immediateResult: Type.Boolean(),
  processingTime: ProcessingTime,
  agencies: Type.Array(Type.Object({ id: Uuid, code: Type.String(), name: Type.String() })),
  views: Type.Integer(),
});
export type ProcedureListItem = Static<typeof ProcedureListItemSchema>;

export const ProcedureListSchema = Type.Object({
  items: Type.Array(ProcedureListItemSchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const ProcedureIdParamsSchema = StrictObject({
  id: Type.String({
    pattern: `^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$|${NATIONAL_CODE_PATTERN}|${LOCAL_CODE_PATTERN}`,
    description: 'Procedure id, national code or local code',
  }),
});

export const FileRefSchema = Type.Object({
  id: Uuid,
  fileName: Type.String(),
  size: Type.Integer(),
  mediaType: Type.String(),
  url: Type.String(),
});
export type FileRef = Static<typeof FileRefSchema>;

export const VersionSummarySchema = Type.Object({
  id: Uuid,
  number: Type.Integer(),
  status: Type.Union([
    Type.Literal('draft'),
    Type.Literal('published'),
    Type.Literal('superseded'),
    Type.Literal('abolished'),
  ]),
  name: Type.String(),
  decisionNumber: Nullable(Type.String()),
  decisionDate: Nullable(CivilDate),
  effectiveFrom: Nullable(CivilDate),
  effectiveTo: Nullable(CivilDate),
  publishedAt: Nullable(Type.String({ format: 'date-time' })),
});
export type VersionSummary = Static<typeof VersionSummarySchema>;

/** A version as stored: its content plus its publication facts. */
export const VersionSchema = Type.Composite([
  Type.Omit(ProcedureContentSchema, ['components', 'fees']),
  Type.Object({
    components: Type.Array(ComponentSchema),
    fees: Type.Array(FeeSchema),
  }),
  VersionSummarySchema,
]);
export type Version = Static<typeof VersionSchema>;

export const ProcedureDetailSchema = Type.Object({
  id: Uuid,
  code: Type.String(),
  nationalCode: Nullable(Type.String()),
  localCode: Type.String(),
  views: Type.Integer(),
  abolishedFrom: Nullable(CivilDate),
  version: VersionSchema,
  sector: Nullable(SectorRef),
  field: Nullable(SectorRef),
  performingAgencies: Type.Array(AgencyRef),
  deskAgency: Nullable(AgencyRef),
  decidingAgency: Nullable(AgencyRef),
  files: Type.Array(FileRefSchema),
  upcoming: Nullable(VersionSummarySchema),
});
export type ProcedureDetail = Static<typeof ProcedureDetailSchema>;

export const DetailQuerySchema = StrictObject({
  on: Type.Optional(
    Type.String({ format: 'date', description: 'The version in force on this day (default: today)' }),
  ),
  version: Type.Optional(
    Type.String({
      format: 'uuid',
      description: 'This published version of the procedure: the one a dossier was received under',
    }),
  ),
});

export const EformValidateParamsSchema = StrictObject({
  versionId: Uuid,
  componentKey: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,39}$' }),
});
export const EformValidateBodySchema = StrictObject({
  data: Type.Record(Type.String({ maxLength: 64 }), Type.Unknown(), { maxProperties: 200 }),
});
export const EformValidationSchema = Type.Object({
  valid: Type.Boolean(),
  data: Type.Record(Type.String(), Type.Unknown(), { description: 'The data kept: hidden fields removed' }),
  errors: Type.Array(
    Type.Object({ field: Type.String(), message: Type.Object({ vi: Type.String(), en: Type.String() }) }),
  ),
});
export type EformValidation = Static<typeof EformValidationSchema>;

export const CatalogueStatsSchema = Type.Object({
  procedures: Type.Integer(),
  byAgency: Type.Array(Type.Object({ agencyId: Uuid, procedures: Type.Integer() })),
  bySector: Type.Array(Type.Object({ sectorId: Uuid, procedures: Type.Integer() })),
  byLevel: Type.Array(Type.Object({ level: LevelSchema, procedures: Type.Integer() })),
  byOnlineLevel: Type.Array(Type.Object({ onlineLevel: OnlineLevelSchema, procedures: Type.Integer() })),
});
export type CatalogueStats = Static<typeof CatalogueStatsSchema>;
