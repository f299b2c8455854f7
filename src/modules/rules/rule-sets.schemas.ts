// Rule sets in the API: what is read publicly and what an administrator sends to add one.
import { type Static, Type } from '@sinclair/typebox';
import { LocalizedTextSchema } from '../../platform/http/schema.ts';

export const SettingsSchema = Type.Object(
  {
    formSet: Type.Union([Type.Literal('tt01_2018'), Type.Literal('tt03_2025')]),
    onlineReceptionWorkingHours: Type.Integer(),
    transferCutoff: Type.String(),
    transferWithinWorkingDays: Type.Integer(),
    apologyMaxPerDossier: Type.Integer(),
    apologyMinWorkingDaysBeforeDue: Type.Integer(),
    supplementClock: Type.Union([Type.Literal('restart'), Type.Literal('pause')]),
    onTimeGranularity: Type.Union([Type.Literal('instant'), Type.Literal('localDate')]),
    receiveAcrossBoundaries: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const RuleSetSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  code: Type.String(),
  name: LocalizedTextSchema,
  legalBasis: Type.Array(Type.String()),
  effectiveFrom: Type.String({ format: 'date' }),
  effectiveTo: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  national: Type.Boolean(),
  settings: SettingsSchema,
});

export const NewRuleSetSchema = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,39}$' }),
    name: Type.Object(
      {
        vi: Type.String({ minLength: 3, maxLength: 200 }),
        en: Type.String({ minLength: 3, maxLength: 200 }),
      },
      { additionalProperties: false },
    ),
    legalBasis: Type.Array(Type.String({ minLength: 3, maxLength: 200 }), { minItems: 1, maxItems: 10 }),
    effectiveFrom: Type.String({ format: 'date' }),
    settings: SettingsSchema,
  },
  { additionalProperties: false },
);

export type StoredRuleSetView = Static<typeof RuleSetSchema>;
export type NewRuleSet = Static<typeof NewRuleSetSchema>;
