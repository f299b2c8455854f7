// Public read of the legal rule sets, so anyone can see which rules applied on a given day.
import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app.ts';
import { LocalizedTextSchema, standardErrorResponses } from '../../platform/http/schema.ts';
import { listRuleSets } from './rule-sets.repository.ts';

const RuleSetSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  code: Type.String(),
  name: LocalizedTextSchema,
  legalBasis: Type.Array(Type.String()),
  effectiveFrom: Type.String({ format: 'date' }),
  effectiveTo: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  national: Type.Boolean(),
  settings: Type.Object({
    formSet: Type.String(),
    onlineReceptionWorkingHours: Type.Integer(),
    transferCutoff: Type.String(),
    transferWithinWorkingDays: Type.Integer(),
    apologyMaxPerDossier: Type.Integer(),
    apologyMinWorkingDaysBeforeDue: Type.Integer(),
    supplementClock: Type.Union([Type.Literal('restart'), Type.Literal('pause')]),
    onTimeGranularity: Type.Union([Type.Literal('instant'), Type.Literal('localDate')]),
    receiveAcrossBoundaries: Type.Boolean(),
  }),
});

export async function ruleSetRoutes(app: App): Promise<void> {
  app.get(
    '/api/v1/rule-sets',
    {
      schema: {
        tags: ['rules'],
        summary: 'Legal rule sets with their periods / Các bộ quy tắc pháp lý theo thời kỳ',
        response: { 200: Type.Object({ items: Type.Array(RuleSetSchema) }), ...standardErrorResponses },
      },
      config: { access: 'public' },
    },
    async () => ({ items: await listRuleSets(app.deps.database.db) }),
  );
}
