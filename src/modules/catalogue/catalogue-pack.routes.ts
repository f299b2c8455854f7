// Procedure packs (issue 5): export one procedure as JSON; import with a dry run first.
import type { App } from '../../platform/http/app.ts';
import { ErrorResponseSchema, standardErrorResponses } from '../../platform/http/schema.ts';
import { actorOf } from '../auth/actor.ts';
import { requireRole } from '../auth/guards.ts';
import { ProcedureUuidParamsSchema } from './catalogue-admin.schemas.ts';
import { ImportBodySchema, ImportPlanSchema, ProcedurePackSchema } from './procedure-pack.schemas.ts';
import { importPack } from './procedure-pack.service.ts';
import { exportPack } from './procedure-pack-export.ts';

export async function cataloguePackRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;
  const errorsOf = {
    401: ErrorResponseSchema,
    403: ErrorResponseSchema,
    404: ErrorResponseSchema,
    409: ErrorResponseSchema,
    413: ErrorResponseSchema,
    415: ErrorResponseSchema,
    ...standardErrorResponses,
  };

  app.get(
    '/api/v1/admin/procedures/:id/pack',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Export a procedure pack (all versions, forms, e-forms) / Xuất gói thủ tục',
        params: ProcedureUuidParamsSchema,
        response: { 200: ProcedurePackSchema, ...errorsOf },
      },
      preHandler: requireRole('procedure_control', 'system_admin'),
    },
    async (request, reply) => {
      const pack = await exportPack(db(), app.deps.blobs, request.params.id);
      reply.header('content-disposition', `attachment; filename="thu-tuc-${pack.procedure.localCode}.json"`);
      return pack;
    },
  );

  app.post(
    '/api/v1/admin/procedure-packs/import',
    {
      // A pack carries its form files (base64): allow up to the upload limit, not the JSON limit.
      bodyLimit: Math.ceil(app.deps.config.uploadLimit * 1.4),
      schema: {
        tags: ['catalogue'],
        summary: 'Import a procedure pack, or preview it with dryRun / Nhập gói thủ tục (có chạy thử)',
        body: ImportBodySchema,
        response: { 200: ImportPlanSchema, ...errorsOf },
      },
      preHandler: requireRole('procedure_control', 'system_admin'),
    },
    async (request) =>
      importPack(
        db(),
        app.deps.blobs,
        actorOf(request),
        request.body.pack,
        request.body.dryRun,
        app.deps.config.uploadLimit,
      ),
  );
}
