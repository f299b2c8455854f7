import { type Static, Type } from '@sinclair/typebox';
import { LocalizedTextSchema, StrictObject } from '../../platform/http/schema.ts';
import type { RULE_SETS, TemplateName } from './document-models.ts';

export const RuleSetSchema = Type.Union([Type.Literal('tt01_2018'), Type.Literal('nd118_2025')], {
  description:
    'Legal rule set: tt01_2018 (TT 01/2018/TT-VPCP) or nd118_2025 (ND 118/2025, TT 03/2025/TT-VPCP)',
});
export const TemplateNameSchema = Type.Union([
  Type.Literal('receipt'),
  Type.Literal('completion_request'),
  Type.Literal('refusal'),
  Type.Literal('apology'),
  Type.Literal('stop_notice'),
  Type.Literal('control_slip'),
  Type.Literal('tracking_book'),
  Type.Literal('result_handover'),
  Type.Literal('paper_conversion_mark'),
]);
// The schemas list every name; the compiler checks they match the domain lists.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _ruleSets: Same<Static<typeof RuleSetSchema>, (typeof RULE_SETS)[number]> = true;
const _names: Same<Static<typeof TemplateNameSchema>, TemplateName> = true;
void _ruleSets;
void _names;

export const TemplateParamsSchema = StrictObject({ name: TemplateNameSchema });

export const TemplateQuerySchema = StrictObject({
  ruleSet: Type.Optional(RuleSetSchema),
  agencyCode: Type.Optional(
    Type.String({ maxLength: 20, description: 'Agency identifier code for its own wording' }),
  ),
  signed: Type.Optional(
    Type.Boolean({ description: 'Preview only: sign the PDF with the configured agency key' }),
  ),
});

const FormNumbers = Type.Object({
  tt01_2018: Type.Union([Type.String(), Type.Null()]),
  nd118_2025: Type.Union([Type.String(), Type.Null()]),
});

export const TemplateListSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      name: TemplateNameSchema,
      label: LocalizedTextSchema,
      formNumber: FormNumbers,
      legalBasis: Type.Object({ tt01_2018: Type.String(), nd118_2025: Type.String() }),
    }),
  ),
});
export type TemplateList = Static<typeof TemplateListSchema>;

const HeaderSchema = StrictObject({
  governingAgency: Type.Optional(Type.String({ maxLength: 200 })),
  agencyName: Type.Optional(Type.String({ maxLength: 200 })),
  place: Type.Optional(Type.String({ maxLength: 100 })),
});

export const TemplateDetailSchema = Type.Object({
  name: TemplateNameSchema,
  ruleSet: RuleSetSchema,
  agencyCode: Type.Union([Type.String(), Type.Null()]),
  texts: Type.Record(Type.String(), Type.String(), {
    description: 'Effective texts (defaults with overrides)',
  }),
  defaults: Type.Record(Type.String(), Type.String()),
  overridden: Type.Array(Type.String()),
  header: HeaderSchema,
});
export type TemplateDetail = Static<typeof TemplateDetailSchema>;

export const TemplateUpdateSchema = StrictObject({
  ruleSet: RuleSetSchema,
  agencyCode: Type.Optional(Type.String({ maxLength: 20 })),
  texts: Type.Record(
    Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9]{0,39}$' }),
    Type.String({ maxLength: 2000 }),
    {
      maxProperties: 60,
      description: 'Texts to override; an empty string restores the default',
    },
  ),
  header: HeaderSchema,
});
export type TemplateUpdate = Static<typeof TemplateUpdateSchema>;

export const PdfResponseSchema = Type.Unsafe<Buffer>({
  type: 'string',
  format: 'binary',
  description: 'application/pdf',
});
