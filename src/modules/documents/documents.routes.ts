// Administrators' view of the official forms: list, wording per rule set and agency, and a PDF
// preview with sample data (issue 8). The dossier module prints through documents.service.ts.
import type { App } from '../../platform/http/app.ts';
import { ErrorResponseSchema, standardErrorResponses } from '../../platform/http/schema.ts';
import { actorOf } from '../auth/actor.ts';
import { requireRole } from '../auth/guards.ts';
import '../signatures/app-deps.ts';
import { type RuleSet, ruleSetOn, type TemplateName } from './document-models.ts';
import { documentErrors } from './documents.errors.ts';
import { findAgencyIdByCode } from './documents.repository.ts';
import {
  PdfResponseSchema,
  TemplateDetailSchema,
  TemplateListSchema,
  TemplateParamsSchema,
  TemplateQuerySchema,
  TemplateUpdateSchema,
} from './documents.schemas.ts';
import {
  listTemplateDefinitions,
  renderPreview,
  resolveTemplate,
  saveTemplateOverride,
} from './documents.service.ts';
import { defaultTexts } from './templates/template-catalogue.ts';

const adminErrors = { 401: ErrorResponseSchema, 403: ErrorResponseSchema, ...standardErrorResponses };

export async function documentsRoutes(app: App): Promise<void> {
  const db = app.deps.database.db;
  const agencyIdOf = async (code: string | undefined) => {
    if (!code) {
      return null;
    }
    const id = await findAgencyIdByCode(db, code);
    if (!id) {
      throw documentErrors.unknownAgency();
    }
    return id;
  };
  const detail = async (name: TemplateName, ruleSet: RuleSet, agencyCode: string | undefined) => {
    const effective = await resolveTemplate(db, name, ruleSet, await agencyIdOf(agencyCode));
    return {
      name,
      ruleSet,
      agencyCode: agencyCode ?? null,
      texts: effective.texts,
      defaults: defaultTexts(name, ruleSet),
      overridden: effective.overridden,
      header: effective.header,
    };
  };

  app.get(
    '/api/v1/admin/documents/templates',
    {
      schema: {
        tags: ['documents'],
        summary: 'Official form templates / Danh sách mẫu phiếu, văn bản',
        response: { 200: TemplateListSchema, ...adminErrors },
      },
      preHandler: requireRole('system_admin'),
    },
    async () => ({ items: listTemplateDefinitions() }),
  );

  app.get(
    '/api/v1/admin/documents/templates/:name',
    {
      schema: {
        tags: ['documents'],
        summary: 'Wording of one form / Nội dung một mẫu',
        params: TemplateParamsSchema,
        querystring: TemplateQuerySchema,
        response: { 200: TemplateDetailSchema, 404: ErrorResponseSchema, ...adminErrors },
      },
      preHandler: requireRole('system_admin'),
    },
    async (request) =>
      detail(request.params.name, request.query.ruleSet ?? ruleSetOn(new Date()), request.query.agencyCode),
  );

  app.put(
    '/api/v1/admin/documents/templates/:name',
    {
      schema: {
        tags: ['documents'],
        summary: 'Change the wording or header of a form / Sửa nội dung, tiêu đề mẫu',
        params: TemplateParamsSchema,
        body: TemplateUpdateSchema,
        response: { 200: TemplateDetailSchema, 404: ErrorResponseSchema, ...adminErrors },
      },
      preHandler: requireRole('system_admin'),
    },
    async (request) => {
      const { name } = request.params;
      const body = request.body;
      await saveTemplateOverride(db, actorOf(request), {
        name,
        ruleSet: body.ruleSet,
        agencyId: await agencyIdOf(body.agencyCode),
        texts: body.texts,
        header: body.header,
      });
      return detail(name, body.ruleSet, body.agencyCode);
    },
  );

  app.get(
    '/api/v1/admin/documents/templates/:name/preview',
    {
      schema: {
        tags: ['documents'],
        summary: 'PDF preview with sample data / Xem thử mẫu với dữ liệu mẫu',
        params: TemplateParamsSchema,
        querystring: TemplateQuerySchema,
        response: { 200: PdfResponseSchema, 404: ErrorResponseSchema, ...adminErrors },
      },
      preHandler: requireRole('system_admin'),
    },
    async (request, reply) => {
      const { name } = request.params;
      const ruleSet = request.query.ruleSet ?? ruleSetOn(new Date());
      const rendered = await renderPreview(
        db,
        app.deps.config.publicUrl,
        name,
        ruleSet,
        await agencyIdOf(request.query.agencyCode),
      );
      // A signed sample lets administrators try verification (the demo key says DEMO in its name).
      const pdf = request.query.signed
        ? await app.deps.signing.sign(rendered, {
            name: 'MotCua preview',
            reason: 'Ban xem thu mau (preview)',
            location: 'MotCua',
          })
        : rendered;
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${name}-${ruleSet}-preview.pdf"`)
        .send(pdf);
    },
  );
}
