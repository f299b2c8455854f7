// GET /api/v1/dossiers/{id}/documents/{kind} (issue 8 contract): the official slips of a real dossier
// as PDF — the receipt (Mẫu 01) and, where the history has them, the completion request (02), the
// refusal (03) and the apology (04). The applicant and the officers who may read the dossier.
import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app.ts';
import { errors } from '../../platform/http/errors.ts';
import { ErrorResponseSchema, StrictObject, standardErrorResponses } from '../../platform/http/schema.ts';
import { loadForUser } from '../dossiers/use-cases/perform-action.ts';
import { PdfResponseSchema } from './documents.schemas.ts';
import { DOSSIER_DOCUMENT_KINDS, renderDossierDocument } from './dossier-documents.ts';

const ParamsSchema = StrictObject({
  id: Type.String({ format: 'uuid' }),
  kind: Type.Union(
    DOSSIER_DOCUMENT_KINDS.map((k) => Type.Literal(k)),
    { description: 'receipt (Mẫu 01), completion_request (02), refusal (03), apology (04)' },
  ),
});

export async function dossierDocumentsRoutes(app: App): Promise<void> {
  app.get(
    '/api/v1/dossiers/:id/documents/:kind',
    {
      schema: {
        tags: ['documents'],
        summary: 'Official slip of a dossier as PDF / Phiếu, giấy tờ của hồ sơ (PDF)',
        params: ParamsSchema,
        response: {
          200: PdfResponseSchema,
          401: ErrorResponseSchema,
          403: ErrorResponseSchema,
          404: ErrorResponseSchema,
          409: ErrorResponseSchema,
          ...standardErrorResponses,
        },
      },
      config: { access: 'self' },
    },
    async (request, reply) => {
      const user = request.currentUser;
      if (!user) {
        throw errors.unauthenticated();
      }
      const db = app.deps.database.db;
      const dossier = await loadForUser(db, user, request.params.id);
      const pdf = await renderDossierDocument(db, app.deps.config.publicUrl, dossier, request.params.kind);
      return reply
        .type('application/pdf')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `inline; filename="${request.params.kind}-${dossier.code}.pdf"`)
        .send(pdf);
    },
  );
}
