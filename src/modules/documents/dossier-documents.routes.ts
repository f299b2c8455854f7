// Official documents of real dossiers as PDF (issue 8):
// - GET /api/v1/dossiers/{id}/documents — which documents the dossier has (from its history);
// - GET /api/v1/dossiers/{id}/documents/{kind} — one of them: receipt (Mẫu 01), completion request
//   (02), refusal (03), apology (04), stop notice (ND 118/2025 Mẫu 05), control slip (TT 01 Mẫu 05 /
//   TT 03 Mẫu 06), result hand-over receipt, paper copy of the electronic result with the ND 45/2020
//   Đ18 conversion mark. The applicant and the officers who may read the dossier.
// - GET /api/v1/documents/tracking-book — the tracking book of a unit for a period (Mẫu 06 / 07).
import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app.ts';
import {
  ErrorResponseSchema,
  LocalizedTextSchema,
  StrictObject,
  standardErrorResponses,
} from '../../platform/http/schema.ts';
import { loadForUser } from '../dossiers/use-cases/perform-action.ts';
import '../signatures/app-deps.ts';
import { signedInUser } from '../auth/actor.ts';
import { PdfResponseSchema, RuleSetSchema } from './documents.schemas.ts';
import { DOSSIER_DOCUMENT_KINDS } from './dossier-document-kinds.ts';
import { listDossierDocuments, renderDossierDocument } from './dossier-document-render.ts';
import { renderTrackingBook } from './tracking-book.ts';

const KindSchema = Type.Union(
  DOSSIER_DOCUMENT_KINDS.map((k) => Type.Literal(k)),
  {
    description:
      'receipt (Mẫu 01), completion_request (02), refusal (03), apology (04), stop_notice (ND 118/2025 Mẫu 05), ' +
      'control_slip (TT 01 Mẫu 05 / TT 03 Mẫu 06), result_handover, paper_conversion_mark (ND 45/2020 Đ18)',
  },
);
const IdParams = StrictObject({ id: Type.String({ format: 'uuid' }) });
const ParamsSchema = StrictObject({ id: Type.String({ format: 'uuid' }), kind: KindSchema });
const ListSchema = Type.Object({
  formSet: RuleSetSchema,
  items: Type.Array(
    Type.Object({
      kind: Type.String({ enum: [...DOSSIER_DOCUMENT_KINDS] }),
      formNumber: Type.Union([Type.String(), Type.Null()]),
      label: LocalizedTextSchema,
    }),
  ),
});
const Day = (description: string) => Type.String({ format: 'date', description });
const TrackingBookQuery = StrictObject({
  agencyId: Type.String({ format: 'uuid', description: 'The unit whose book it is' }),
  from: Day('First day of the period (yyyy-mm-dd, Vietnam time)'),
  to: Day('Last day of the period, included (yyyy-mm-dd); at most 366 days'),
});
const responses = {
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
  409: ErrorResponseSchema,
  ...standardErrorResponses,
};

export async function dossierDocumentsRoutes(app: App): Promise<void> {
  const db = app.deps.database.db;

  app.get(
    '/api/v1/dossiers/:id/documents',
    {
      schema: {
        tags: ['documents'],
        summary: 'Documents a dossier has / Các phiếu, giấy tờ hồ sơ đã có',
        params: IdParams,
        response: { 200: ListSchema, ...responses },
      },
      config: { access: 'self' },
    },
    async (request) =>
      listDossierDocuments(db, await loadForUser(db, signedInUser(request), request.params.id)),
  );

  app.get(
    '/api/v1/dossiers/:id/documents/:kind',
    {
      schema: {
        tags: ['documents'],
        summary: 'Official slip of a dossier as PDF / Phiếu, giấy tờ của hồ sơ (PDF)',
        params: ParamsSchema,
        response: { 200: PdfResponseSchema, ...responses },
      },
      config: { access: 'self' },
    },
    async (request, reply) => {
      const dossier = await loadForUser(db, signedInUser(request), request.params.id);
      const pdf = await renderDossierDocument(
        { db, publicUrl: app.deps.config.publicUrl, blobs: app.deps.blobs, signing: app.deps.signing },
        dossier,
        request.params.kind,
      );
      return reply
        .type('application/pdf')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `inline; filename="${request.params.kind}-${dossier.code}.pdf"`)
        .send(pdf);
    },
  );

  app.get(
    '/api/v1/documents/tracking-book',
    {
      schema: {
        tags: ['documents'],
        summary: 'Dossier tracking book of a unit / Sổ theo dõi hồ sơ (Mẫu 06 / 07)',
        querystring: TrackingBookQuery,
        response: { 200: PdfResponseSchema, 422: ErrorResponseSchema, ...responses },
      },
      config: { access: { action: 'dossier.read' } },
    },
    async (request, reply) => {
      const pdf = await renderTrackingBook(
        db,
        app.deps.config.publicUrl,
        signedInUser(request),
        request.query,
        new Date(),
      );
      return reply
        .type('application/pdf')
        .header('cache-control', 'private, no-store')
        .header(
          'content-disposition',
          `inline; filename="so-theo-doi-${request.query.from}-${request.query.to}.pdf"`,
        )
        .send(pdf);
    },
  );
}
