// Public read of the legal rule sets, so anyone can see which rules applied on a given day; the
// system administrator adds one from a day on (rule-sets.service.ts).
import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app.ts';
import { ErrorResponseSchema, standardErrorResponses } from '../../platform/http/schema.ts';
import { actorOf } from '../auth/actor.ts';
import { listRuleSets } from './rule-sets.repository.ts';
import { NewRuleSetSchema, RuleSetSchema } from './rule-sets.schemas.ts';
import { addRuleSet } from './rule-sets.service.ts';

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

  app.post(
    '/api/v1/admin/rule-sets',
    {
      schema: {
        tags: ['rules'],
        summary:
          'Add a rule set from a day on; the one in force ends the day before / Thêm bộ quy tắc có hiệu lực từ một ngày (quản trị hệ thống)',
        body: NewRuleSetSchema,
        response: {
          201: RuleSetSchema,
          401: ErrorResponseSchema,
          403: ErrorResponseSchema,
          409: ErrorResponseSchema,
          413: ErrorResponseSchema,
          415: ErrorResponseSchema,
          ...standardErrorResponses,
        },
      },
      config: { access: { action: 'site.manage' } },
    },
    async (request, reply) => {
      const added = await addRuleSet(
        app.deps.database.db,
        actorOf(request),
        { ...request.body, effectiveTo: null },
        new Date(),
      );
      return reply.code(201).send(added);
    },
  );
}
