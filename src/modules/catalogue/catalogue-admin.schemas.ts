// Back-office shapes: the procedure list with drafts and abolished ones, create, publish, abolish,
// diffs, e-form checks.
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { StrictObject } from '../../platform/http/schema.ts';
import {
  FileRefSchema,
  LOCAL_CODE_PATTERN,
  NATIONAL_CODE_PATTERN,
  VersionSchema,
  VersionSummarySchema,
} from './catalogue.schemas.ts';
import { EformSchemaSchema, ProcedureContentSchema } from './procedure-content.schemas.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });
const CivilDate = Type.String({ format: 'date' });

export const ProcedureUuidParamsSchema = StrictObject({ id: Uuid });

export const AdminListQuerySchema = StrictObject({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  status: Type.Optional(
    Type.Union([
      Type.Literal('in_force'),
      Type.Literal('draft'),
      Type.Literal('abolished'),
      Type.Literal('scheduled'),
    ]),
  ),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});
export type AdminListQuery = Static<typeof AdminListQuerySchema>;

export const AdminListItemSchema = Type.Object({
  id: Uuid,
  code: Type.String(),
  nationalCode: Nullable(Type.String()),
  localCode: Type.String(),
  name: Type.String({ description: 'Name in the latest version' }),
  latestNumber: Type.Integer(),
  latestStatus: VersionSummarySchema.properties.status,
  inForceNumber: Nullable(Type.Integer()),
  hasDraft: Type.Boolean(),
  scheduledFrom: Nullable(CivilDate),
  abolishedFrom: Nullable(CivilDate),
  agencies: Type.Array(Type.Object({ id: Uuid, code: Type.String(), name: Type.String() })),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type AdminListItem = Static<typeof AdminListItemSchema>;

export const AdminListSchema = Type.Object({
  items: Type.Array(AdminListItemSchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const CreateProcedureSchema = StrictObject({
  nationalCode: Nullable(
    Type.String({ pattern: NATIONAL_CODE_PATTERN, description: 'mã TTHC; null when unknown' }),
  ),
  localCode: Type.String({ pattern: LOCAL_CODE_PATTERN }),
  content: ProcedureContentSchema,
});

export const CreatedSchema = Type.Object({ id: Uuid, versionId: Uuid });
export const DraftSchema = Type.Object({ versionId: Uuid });

export const DecisionSchema = StrictObject({
  decisionNumber: Type.String({
    minLength: 1,
    maxLength: 100,
    pattern: '^[^\\n\\r\\t]+$',
    description: 'e.g. 1234/QĐ-UBND',
  }),
  decisionDate: CivilDate,
  effectiveFrom: CivilDate,
});
export const AbolishSchema = StrictObject({
  ...DecisionSchema.properties,
  reason: Type.String({ minLength: 1, maxLength: 1000 }),
});

export const AdminProcedureSchema = Type.Object({
  id: Uuid,
  code: Type.String(),
  nationalCode: Nullable(Type.String()),
  localCode: Type.String(),
  abolishedFrom: Nullable(CivilDate),
  abolitionDecisionNumber: Nullable(Type.String()),
  views: Type.Integer(),
  inForceVersionId: Nullable(Uuid),
  versions: Type.Array(VersionSchema),
  files: Type.Array(FileRefSchema),
});
export type AdminProcedure = Static<typeof AdminProcedureSchema>;

export const DiffQuerySchema = StrictObject({ from: Uuid, to: Uuid });
export const DiffEntrySchema = Type.Object({
  path: Type.String(),
  kind: Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed')]),
  before: Type.Optional(Type.Unknown()),
  after: Type.Optional(Type.Unknown()),
});
export const DiffSchema = Type.Object({ changes: Type.Array(DiffEntrySchema) });
export const SaveDraftResultSchema = Type.Object({ versionId: Uuid, changes: Type.Array(DiffEntrySchema) });

export const EformCheckSchema = StrictObject({
  eform: EformSchemaSchema,
  data: Type.Optional(Type.Record(Type.String({ maxLength: 64 }), Type.Unknown(), { maxProperties: 200 })),
});
export const EformCheckResultSchema = Type.Object({
  problems: Type.Array(
    Type.Object({ path: Type.String(), message: Type.Object({ vi: Type.String(), en: Type.String() }) }),
  ),
  validation: Nullable(
    Type.Object({
      valid: Type.Boolean(),
      data: Type.Record(Type.String(), Type.Unknown()),
      errors: Type.Array(
        Type.Object({ field: Type.String(), message: Type.Object({ vi: Type.String(), en: Type.String() }) }),
      ),
    }),
  ),
});
