// Public catalogue routes (no sign-in): search, the procedure page, counts for browsing, form
// template downloads, and e-form validation (R2–R6, TT 32/2017 Đ5, Đ7, Đ8).
import { Type } from '@sinclair/typebox';
import { contentDisposition } from '../../platform/blobs/safe-file-name.ts';
import type { App } from '../../platform/http/app.ts';
import { errors } from '../../platform/http/errors.ts';
import { ErrorResponseSchema, StrictObject, standardErrorResponses } from '../../platform/http/schema.ts';
import { findVersion } from './catalogue.repository.ts';
import {
  CatalogueStatsSchema,
  DetailQuerySchema,
  EformValidateBodySchema,
  EformValidateParamsSchema,
  EformValidationSchema,
  ProcedureDetailSchema,
  ProcedureIdParamsSchema,
  ProcedureListQuerySchema,
  ProcedureListSchema,
} from './catalogue.schemas.ts';
import { catalogueStats, getProcedureDetail, searchProcedures } from './catalogue-read.service.ts';
import { validateEformData } from './eform.service.ts';
import { openFormTemplate } from './procedure-files.service.ts';

const EDITOR_ROLES = new Set(['procedure_control', 'system_admin']);

export async function catalogueRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;

  app.get(
    '/api/v1/procedures',
    {
      config: { access: 'public' },
      schema: {
        tags: ['catalogue'],
        summary: 'Search the procedures in force / Tìm kiếm thủ tục hành chính đang có hiệu lực',
        querystring: ProcedureListQuerySchema,
        response: { 200: ProcedureListSchema, ...standardErrorResponses },
      },
    },
    async (request) => searchProcedures(db(), request.query),
  );

  app.get(
    '/api/v1/procedures/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['catalogue'],
        summary: 'A procedure with every component of its version in force / Chi tiết thủ tục hành chính',
        params: ProcedureIdParamsSchema,
        querystring: DetailQuerySchema,
        response: {
          200: ProcedureDetailSchema,
          404: ErrorResponseSchema,
          410: ErrorResponseSchema,
          ...standardErrorResponses,
        },
      },
    },
    async (request) =>
      getProcedureDetail(db(), request.params.id, {
        ...(request.query.on ? { onDate: request.query.on } : {}),
        ...(request.query.version ? { versionId: request.query.version } : {}),
        countView: !request.query.on && !request.query.version,
      }),
  );

  app.get(
    '/api/v1/catalogue/stats',
    {
      config: { access: 'public' },
      schema: {
        tags: ['catalogue'],
        summary: 'Number of procedures by agency, sector, level and online level / Thống kê số thủ tục',
        response: { 200: CatalogueStatsSchema, ...standardErrorResponses },
      },
    },
    async () => catalogueStats(db()),
  );

  app.get(
    '/api/v1/procedure-files/:fileId',
    {
      config: { access: 'public' },
      schema: {
        tags: ['catalogue'],
        summary: 'Download a form template / Tải mẫu đơn, tờ khai',
        params: StrictObject({ fileId: Type.String({ format: 'uuid' }) }),
        response: {
          200: Type.String({ format: 'binary', description: 'The file' }),
          404: ErrorResponseSchema,
          ...standardErrorResponses,
        },
      },
    },
    async (request, reply) => {
      const canSeeUnpublished = Boolean(request.currentUser?.roles.some((r) => EDITOR_ROLES.has(r.role)));
      const file = await openFormTemplate(db(), app.deps.blobs, request.params.fileId, canSeeUnpublished);
      reply
        .header('content-type', file.mediaType)
        .header('content-length', String(file.size))
        .header('content-disposition', contentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'public, max-age=3600');
      // The declared 200 body is binary; the type provider only knows JSON shapes, hence the cast.
      return reply.send(file.stream as unknown as string);
    },
  );

  app.post(
    '/api/v1/procedure-versions/:versionId/eforms/:componentKey/validate',
    {
      config: { access: 'public' },
      schema: {
        tags: ['catalogue'],
        summary: 'Check a filled e-form against its schema / Kiểm tra dữ liệu biểu mẫu điện tử',
        params: EformValidateParamsSchema,
        body: EformValidateBodySchema,
        response: {
          200: EformValidationSchema,
          404: ErrorResponseSchema,
          413: ErrorResponseSchema,
          415: ErrorResponseSchema,
          ...standardErrorResponses,
        },
      },
    },
    async (request) => {
      const version = await findVersion(db(), request.params.versionId);
      const component = version?.components.find((c) => c.key === request.params.componentKey);
      const editor = Boolean(request.currentUser?.roles.some((r) => EDITOR_ROLES.has(r.role)));
      if (!version || !component?.eform || (version.status === 'draft' && !editor)) {
        throw errors.notFound();
      }
      return validateEformData(component.eform, request.body.data);
    },
  );
}
