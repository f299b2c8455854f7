// Back-office catalogue routes for procedure-control focal points and administrators (R4, R5):
// list, create, edit the draft, publish, abolish, diff, upload form templates, check e-forms.
import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app.ts';
import { errors } from '../../platform/http/errors.ts';
import { ErrorResponseSchema, standardErrorResponses } from '../../platform/http/schema.ts';
import { actorOf } from '../auth/actor.ts';
import { requireRole } from '../auth/guards.ts';
import { FileRefSchema } from './catalogue.schemas.ts';
import {
  AbolishSchema,
  AdminListQuerySchema,
  AdminListSchema,
  AdminProcedureSchema,
  CreatedSchema,
  CreateProcedureSchema,
  DecisionSchema,
  DiffQuerySchema,
  DiffSchema,
  DraftSchema,
  EformCheckResultSchema,
  EformCheckSchema,
  ProcedureUuidParamsSchema,
  SaveDraftResultSchema,
} from './catalogue-admin.schemas.ts';
import {
  abolishProcedure,
  createProcedure,
  diffProcedureVersions,
  discardDraft,
  publishDraft,
  saveDraft,
  startDraft,
} from './catalogue-admin.service.ts';
import { getProcedureForAdmin, listProceduresForAdmin } from './catalogue-admin-read.service.ts';
import { eformProblems, validateEformData } from './eform.service.ts';
import { ProcedureContentSchema } from './procedure-content.schemas.ts';
import { storeFormTemplate } from './procedure-files.service.ts';

const guarded = { preHandler: requireRole('procedure_control', 'system_admin') };
const denied = { 401: ErrorResponseSchema, 403: ErrorResponseSchema };
const writeErrors = {
  ...denied,
  404: ErrorResponseSchema,
  409: ErrorResponseSchema,
  413: ErrorResponseSchema,
  415: ErrorResponseSchema,
  ...standardErrorResponses,
};

export async function catalogueAdminRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;

  app.get(
    '/api/v1/admin/procedures',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'All procedures with drafts and abolished ones / Danh sách thủ tục (quản trị)',
        querystring: AdminListQuerySchema,
        response: { 200: AdminListSchema, ...denied, ...standardErrorResponses },
      },
      ...guarded,
    },
    async (request) => listProceduresForAdmin(db(), request.query),
  );

  app.post(
    '/api/v1/admin/procedures',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Create a procedure as a draft / Thêm mới thủ tục (bản dự thảo)',
        body: CreateProcedureSchema,
        response: { 201: CreatedSchema, ...writeErrors },
      },
      ...guarded,
    },
    async (request, reply) => {
      const created = await createProcedure(db(), actorOf(request), request.body);
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/v1/admin/procedures/:id',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'A procedure with all its versions and files / Thủ tục và các phiên bản',
        params: ProcedureUuidParamsSchema,
        response: {
          200: AdminProcedureSchema,
          404: ErrorResponseSchema,
          ...denied,
          ...standardErrorResponses,
        },
      },
      ...guarded,
    },
    async (request) => getProcedureForAdmin(db(), request.params.id),
  );

  app.post(
    '/api/v1/admin/procedures/:id/draft',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Start an amendment draft from the latest version / Tạo bản dự thảo sửa đổi',
        params: ProcedureUuidParamsSchema,
        response: { 201: DraftSchema, ...writeErrors },
      },
      ...guarded,
    },
    async (request, reply) =>
      reply.status(201).send(await startDraft(db(), actorOf(request), request.params.id)),
  );

  app.put(
    '/api/v1/admin/procedures/:id/draft',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Save the draft / Lưu bản dự thảo',
        params: ProcedureUuidParamsSchema,
        body: ProcedureContentSchema,
        response: { 200: SaveDraftResultSchema, ...writeErrors },
      },
      ...guarded,
    },
    async (request) => saveDraft(db(), actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/admin/procedures/:id/draft',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Discard the draft / Hủy bản dự thảo',
        params: ProcedureUuidParamsSchema,
        response: { 204: Type.Null(), ...writeErrors },
      },
      ...guarded,
    },
    async (request, reply) => {
      await discardDraft(db(), actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/admin/procedures/:id/publish',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Publish the draft under a decision / Công bố theo quyết định của Chủ tịch UBND',
        params: ProcedureUuidParamsSchema,
        body: DecisionSchema,
        response: { 200: DraftSchema, ...writeErrors },
      },
      ...guarded,
    },
    async (request) => publishDraft(db(), actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/admin/procedures/:id/abolish',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Abolish the procedure from a date / Bãi bỏ thủ tục',
        params: ProcedureUuidParamsSchema,
        body: AbolishSchema,
        response: { 204: Type.Null(), ...writeErrors },
      },
      ...guarded,
    },
    async (request, reply) => {
      await abolishProcedure(db(), actorOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/admin/procedures/:id/diff',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Differences between two versions / So sánh hai phiên bản',
        params: ProcedureUuidParamsSchema,
        querystring: DiffQuerySchema,
        response: { 200: DiffSchema, 404: ErrorResponseSchema, ...denied, ...standardErrorResponses },
      },
      ...guarded,
    },
    async (request) => ({
      changes: await diffProcedureVersions(db(), request.params.id, request.query.from, request.query.to),
    }),
  );

  app.post(
    '/api/v1/admin/procedures/:id/files',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Upload a form template (multipart, field "file") / Tải lên mẫu đơn, tờ khai',
        params: ProcedureUuidParamsSchema,
        consumes: ['multipart/form-data'],
        response: { 201: FileRefSchema, ...writeErrors },
      },
      ...guarded,
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw errors.unsupportedMediaType();
      }
      const part = await request.file();
      if (!part) {
        throw errors.validation('file', { vi: 'Vui lòng chọn tệp.', en: 'Please choose a file.' });
      }
      const content = await part.toBuffer();
      const file = await storeFormTemplate(db(), app.deps.blobs, actorOf(request), {
        procedureId: request.params.id,
        fileName: part.filename,
        content,
        maxBytes: app.deps.config.uploadLimit,
      });
      return reply.status(201).send(file);
    },
  );

  app.post(
    '/api/v1/admin/eforms/check',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Check an e-form definition and preview data / Kiểm tra biểu mẫu điện tử',
        body: EformCheckSchema,
        response: { 200: EformCheckResultSchema, ...writeErrors },
      },
      ...guarded,
    },
    async (request) => {
      const problems = eformProblems(request.body.eform);
      const data = request.body.data;
      return {
        problems,
        validation: problems.length === 0 && data ? validateEformData(request.body.eform, data) : null,
      };
    },
  );
}
