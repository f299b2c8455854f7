// A procedure pack: one procedure with all its versions, form files and e-forms as one JSON file, so
// provinces can share procedures and the national catalogue can be imported (R4). References are
// portable: sectors and agencies by code, form files by content hash.
import { type Static, type TProperties, type TSchema, Type } from '@sinclair/typebox';
import { OFFICER_ROLES } from '../../domain/access/roles.ts';
import { StrictObject } from '../../platform/http/schema.ts';
import { LOCAL_CODE_PATTERN, NATIONAL_CODE_PATTERN } from './catalogue.schemas.ts';
import { ProcedureContentSchema } from './procedure-content.schemas.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const CivilDate = Type.String({ format: 'date' });
const AgencyCode = Type.String({ pattern: '^[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9]{2}$' });
const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' });

const PackContentSchema = Type.Composite(
  [
    Type.Omit(ProcedureContentSchema, [
      'sectorId',
      'performingAgencyIds',
      'deskAgencyId',
      'decidingAgencyId',
      'components',
    ]),
    StrictObject({
      sectorCode: Type.String({ pattern: '^[A-Z0-9][A-Z0-9.-]{0,39}$' }),
      performingAgencyCodes: Type.Array(AgencyCode, { maxItems: 200, uniqueItems: true }),
      deskAgencyCode: Nullable(AgencyCode),
      decidingAgencyCode: Nullable(AgencyCode),
      components: Type.Array(
        Type.Composite([
          Type.Omit(ProcedureContentSchema.properties.components.items, ['formFileIds']),
          StrictObject({ formFiles: Type.Array(Sha256, { maxItems: 10, uniqueItems: true }) }),
        ]),
        { maxItems: 60 },
      ),
    }),
  ],
  { additionalProperties: false },
);
export type PackContent = Static<typeof PackContentSchema>;

export const PackVersionSchema = StrictObject({
  number: Type.Integer({ minimum: 1 }),
  status: Type.Union([
    Type.Literal('draft'),
    Type.Literal('published'),
    Type.Literal('superseded'),
    Type.Literal('abolished'),
  ]),
  decisionNumber: Nullable(Type.String({ minLength: 1, maxLength: 100 })),
  decisionDate: Nullable(CivilDate),
  effectiveFrom: Nullable(CivilDate),
  effectiveTo: Nullable(CivilDate),
  content: PackContentSchema,
});
export type PackVersion = Static<typeof PackVersionSchema>;

/**
 * A process of the procedure (issue 7), with its versions. Units are portable: the receiving desk, the
 * performing agency, or a fixed agency by identifier code. Named officers are local and stay behind.
 */
/** A process step's schema; the API names a fixed agency by id, a pack by identifier code. */
export function processStepSchema<U extends TProperties, X extends TProperties>(agencyRef: U, extra: X) {
  return StrictObject({
    key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }),
    name: StrictObject({
      vi: Type.String({ minLength: 1, maxLength: 200 }),
      en: Type.String({ maxLength: 200 }),
    }),
    role: Type.Union(OFFICER_ROLES.map((r) => Type.Literal(r))),
    unit: Type.Union([
      StrictObject({ kind: Type.Literal('desk') }),
      StrictObject({ kind: Type.Literal('performing_agency') }),
      StrictObject({ kind: Type.Literal('agency'), ...agencyRef }),
    ]),
    allottedMinutes: Type.Integer({ minimum: 0, maximum: 3650 * 480 }),
    allottedMinutesOnline: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 * 480 })),
    signature: Type.Boolean(),
    paperCheck: Type.Optional(Type.Boolean()),
    ...extra,
  });
}

const PackStepSchema = processStepSchema({ agencyCode: AgencyCode }, {});
export type PackStep = Static<typeof PackStepSchema>;

export const PackProcessSchema = StrictObject({
  agencyCode: Nullable(AgencyCode),
  versions: Type.Array(
    StrictObject({
      versionNo: Type.Integer({ minimum: 1 }),
      status: Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('retired')]),
      decisionRef: Nullable(Type.String({ minLength: 1, maxLength: 200 })),
      decisionDate: Nullable(CivilDate),
      steps: Type.Array(PackStepSchema, { minItems: 1, maxItems: 30 }),
    }),
    { minItems: 1, maxItems: 100 },
  ),
});
export type PackProcess = Static<typeof PackProcessSchema>;

export const ProcedurePackSchema = StrictObject({
  format: Type.Literal('motcua.procedure-pack'),
  formatVersion: Type.Literal(1),
  exportedAt: Type.String({ format: 'date-time' }),
  procedure: StrictObject({
    nationalCode: Nullable(Type.String({ pattern: NATIONAL_CODE_PATTERN })),
    localCode: Type.String({ pattern: LOCAL_CODE_PATTERN }),
    abolition: Nullable(
      StrictObject({
        decisionNumber: Type.String({ minLength: 1, maxLength: 100 }),
        decisionDate: CivilDate,
        effectiveFrom: CivilDate,
      }),
    ),
  }),
  versions: Type.Array(PackVersionSchema, { minItems: 1, maxItems: 200 }),
  files: Type.Array(
    StrictObject({
      sha256: Sha256,
      fileName: Type.String({ minLength: 1, maxLength: 200 }),
      contentBase64: Type.String({ maxLength: 30_000_000 }),
    }),
    { maxItems: 100 },
  ),
  processes: Type.Optional(Type.Array(PackProcessSchema, { maxItems: 50 })),
});
export type ProcedurePack = Static<typeof ProcedurePackSchema>;

export const ImportBodySchema = StrictObject({
  pack: ProcedurePackSchema,
  dryRun: Type.Boolean({ description: 'true: only report what would change' }),
});

export const ImportPlanSchema = Type.Object({
  action: Type.Union([
    Type.Literal('create'),
    Type.Literal('update'),
    Type.Literal('unchanged'),
    Type.Literal('refused'),
  ]),
  procedureId: Nullable(Type.String({ format: 'uuid' })),
  localCode: Type.String(),
  nationalCode: Nullable(Type.String()),
  addedVersions: Type.Array(Type.Integer()),
  unchangedVersions: Type.Array(Type.Integer()),
  conflicts: Type.Array(
    Type.Object({
      number: Type.Integer(),
      changes: Type.Array(
        Type.Object({
          path: Type.String(),
          kind: Type.String(),
          before: Type.Optional(Type.Unknown()),
          after: Type.Optional(Type.Unknown()),
        }),
      ),
    }),
  ),
  problems: Type.Array(
    Type.Object({ path: Type.String(), message: Type.Object({ vi: Type.String(), en: Type.String() }) }),
  ),
  newFiles: Type.Integer(),
  processes: Type.Array(
    Type.Object({
      agencyCode: Nullable(Type.String()),
      action: Type.Union([Type.Literal('create'), Type.Literal('unchanged'), Type.Literal('draft_added')], {
        description:
          'draft_added: the process differs from the local one; its steps arrive as a draft to review',
      }),
    }),
  ),
  applied: Type.Boolean(),
});
export type ImportPlan = Static<typeof ImportPlanSchema>;
