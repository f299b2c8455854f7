// The content of one procedure version: every component TT 32/2017 Điều 5 requires (legal digest
// §4.2): name, steps (trình tự), ways (cách thức), dossier components and quantities, time limit,
// subjects (đối tượng), deciding agency, result, forms, requirements and conditions, fees and charges,
// ways of submitting and receiving, legal basis; plus the responsibilities of the parties (R2).
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { StrictObject } from '../../platform/http/schema.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Line = (max = 500) => Type.String({ minLength: 1, maxLength: max });
const Text = (max = 4000) => Type.String({ minLength: 1, maxLength: max });
const Uuid = Type.String({ format: 'uuid' });
const Local = StrictObject({ vi: Line(300), en: Type.String({ maxLength: 300 }) });

export const LevelSchema = Type.Union([
  Type.Literal('province'),
  Type.Literal('district'),
  Type.Literal('commune'),
]);
export const OnlineLevelSchema = Type.Union(
  [Type.Literal('full'), Type.Literal('partial'), Type.Literal('none')],
  {
    description: 'ND 42/2022 Đ11: toàn trình (full) / một phần (partial) / not online (none)',
  },
);
export const TimeUnitSchema = Type.Union(
  [
    Type.Literal('working_days'),
    Type.Literal('working_hours'),
    Type.Literal('calendar_days'),
    Type.Literal('immediate'),
  ],
  { description: 'ngày làm việc / giờ làm việc / ngày (lịch) / giải quyết ngay' },
);

const EformFieldSchemaSchema = StrictObject({
  type: Type.Union([
    Type.Literal('string'),
    Type.Literal('number'),
    Type.Literal('integer'),
    Type.Literal('boolean'),
  ]),
  title: Type.Optional(Type.String({ maxLength: 300 })),
  format: Type.Optional(Type.Union([Type.Literal('date'), Type.Literal('email')])),
  enum: Type.Optional(
    Type.Array(Type.Union([Type.String({ maxLength: 300 }), Type.Number()]), { minItems: 1, maxItems: 100 }),
  ),
  minLength: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
  maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
  minimum: Type.Optional(Type.Number()),
  maximum: Type.Optional(Type.Number()),
  // Patterns are written by officers; kept short, and checked for nested quantifiers (ReDoS).
  pattern: Type.Optional(Type.String({ maxLength: 200 })),
});

const FieldName = Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9_]{0,63}$' });

export const EformSchemaSchema = StrictObject(
  {
    schema: StrictObject({
      type: Type.Literal('object'),
      properties: Type.Record(FieldName, EformFieldSchemaSchema, { maxProperties: 100 }),
      required: Type.Optional(Type.Array(FieldName, { maxItems: 100, uniqueItems: true })),
      additionalProperties: Type.Literal(false),
    }),
    layout: StrictObject({
      title: Local,
      fields: Type.Array(
        StrictObject({
          name: FieldName,
          label: Local,
          help: Type.Optional(Nullable(Local)),
          widget: Type.Optional(
            Type.Union([
              Type.Literal('text'),
              Type.Literal('textarea'),
              Type.Literal('number'),
              Type.Literal('date'),
              Type.Literal('email'),
              Type.Literal('tel'),
              Type.Literal('select'),
              Type.Literal('radio'),
              Type.Literal('checkbox'),
            ]),
          ),
          showIf: Type.Optional(
            Nullable(
              StrictObject({
                field: FieldName,
                equals: Type.Union([Type.String({ maxLength: 300 }), Type.Number(), Type.Boolean()]),
              }),
            ),
          ),
          prefill: Type.Optional(
            Nullable(
              Type.Union([
                Type.Literal('fullName'),
                Type.Literal('dateOfBirth'),
                Type.Literal('gender'),
                Type.Literal('idNumber'),
                Type.Literal('phone'),
                Type.Literal('email'),
                Type.Literal('address'),
              ]),
            ),
          ),
          optionLabels: Type.Optional(Nullable(Type.Array(Local, { maxItems: 100 }))),
        }),
        { maxItems: 100 },
      ),
    }),
  },
  {
    description:
      'Interactive e-form: JSON Schema of the data + layout (order, labels vi/en, help, conditions)',
  },
);

export const ComponentSchema = StrictObject({
  key: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,39}$', description: 'Stable key within the procedure' }),
  name: Line(1000),
  quantity: Type.Integer({ minimum: 1, maximum: 20 }),
  copyKind: Type.Union(
    [
      Type.Literal('original'),
      Type.Literal('certified_copy'),
      Type.Literal('copy'),
      Type.Literal('original_or_certified_copy'),
      Type.Literal('presented'),
    ],
    {
      description:
        'bản chính / bản sao chứng thực / bản sao / bản chính hoặc bản sao chứng thực / xuất trình',
    },
  ),
  required: Type.Boolean({ description: 'false: conditional, see condition' }),
  condition: Nullable(Text(1000)),
  formFileIds: Type.Array(Uuid, { maxItems: 10, uniqueItems: true }),
  eform: Nullable(EformSchemaSchema),
});

export const FeeSchema = StrictObject({
  name: Line(500),
  amountVnd: Nullable(
    Type.Integer({
      minimum: 0,
      maximum: 1_000_000_000_000,
      description: 'VND; null when set by a formula or table',
    }),
  ),
  kind: Type.Union([Type.Literal('fee'), Type.Literal('charge')], {
    description: 'phí (fee) / lệ phí (charge)',
  }),
  whenPaid: Type.Union([Type.Literal('on_submission'), Type.Literal('on_result')]),
  exemptions: Nullable(Text(1000)),
});

export const ProcedureContentSchema = StrictObject({
  name: Line(500),
  nameEn: Nullable(Line(500)),
  sectorId: Type.String({ format: 'uuid', description: 'The field (lĩnh vực) or sector (ngành)' }),
  levels: Type.Array(LevelSchema, { minItems: 1, uniqueItems: true }),
  subjects: Type.Array(Type.Union([Type.Literal('individual'), Type.Literal('organisation')]), {
    minItems: 1,
    uniqueItems: true,
  }),
  onlineLevel: OnlineLevelSchema,
  legacyLevel: Type.Integer({
    minimum: 1,
    maximum: 4,
    description: 'ND 43/2011 levels 1–4, kept as history',
  }),
  immediateResult: Type.Boolean({ description: 'Result given at once (no appointment slip needed)' }),
  processingTime: StrictObject({
    value: Type.Integer({ minimum: 0, maximum: 3650 }),
    unit: TimeUnitSchema,
    onlineValue: Nullable(Type.Integer({ minimum: 0, maximum: 3650, description: 'When submitted online' })),
    note: Nullable(Text(1000)),
  }),
  decidingAgencyId: Nullable(Uuid),
  decidingAuthority: Line(300),
  performingAgencyIds: Type.Array(Uuid, { maxItems: 200, uniqueItems: true }),
  deskAgencyId: Nullable(Uuid),
  whereToSubmit: Nullable(Text(1000)),
  ways: Type.Array(
    StrictObject({
      channel: Type.Union([Type.Literal('in_person'), Type.Literal('post'), Type.Literal('online')]),
      note: Nullable(Text(1000)),
    }),
    { minItems: 1, maxItems: 3 },
  ),
  steps: Type.Array(StrictObject({ title: Line(300), description: Text(4000) }), {
    minItems: 1,
    maxItems: 30,
  }),
  components: Type.Array(ComponentSchema, { maxItems: 60 }),
  result: StrictObject({ name: Line(500), isDocument: Type.Boolean() }),
  fees: Type.Array(FeeSchema, { maxItems: 30 }),
  requirements: Type.Array(Text(2000), { maxItems: 30 }),
  legalBasis: Type.Array(Line(500), { minItems: 1, maxItems: 50 }),
  responsibilities: Type.Array(
    StrictObject({
      party: Type.Union([Type.Literal('applicant'), Type.Literal('agency'), Type.Literal('desk')]),
      text: Text(2000),
    }),
    { maxItems: 20 },
  ),
});
export type ProcedureContent = Static<typeof ProcedureContentSchema>;
export type ProcedureComponent = Static<typeof ComponentSchema>;
export type EformDefinition = Static<typeof EformSchemaSchema>;
