// Administration of the agency tree and the sector list (system administrators: agency.manage,
// sector.manage). Public reads stay in organisation.routes.ts.
import type { App } from '../../platform/http/app.ts';
import { ErrorResponseSchema, standardErrorResponses } from '../../platform/http/schema.ts';
import { actorOf } from '../auth/actor.ts';
import { closeAgency, createAgency, getAgency, updateAgency } from './agency-admin.service.ts';
import { exportAgencies, importAgencies } from './agency-transfer.ts';
import { AgencySchema } from './organisation.schemas.ts';
import {
  AdminSectorListSchema,
  AdminSectorSchema,
  AgencyIdParamsSchema,
  AgencyTransferSchema,
  CloseAgencyBodySchema,
  CloseAgencyResultSchema,
  CreateAgencyBodySchema,
  CreateSectorBodySchema,
  ImportResultSchema,
  SectorIdParamsSchema,
  UpdateAgencyBodySchema,
  UpdateSectorBodySchema,
} from './organisation-admin.schemas.ts';
import { createSector, listAllSectors, updateSector } from './sector-admin.service.ts';

const guarded = {
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
  409: ErrorResponseSchema,
  ...standardErrorResponses,
};
const agencyManage = { access: { action: 'agency.manage' as const } };
const sectorManage = { access: { action: 'sector.manage' as const } };

export async function organisationAdminRoutes(app: App): Promise<void> {
  const db = app.deps.database.db;

  app.post(
    '/api/v1/admin/agencies',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Create an agency or unit / Thêm cơ quan, đơn vị',
        body: CreateAgencyBodySchema,
        response: { 201: AgencySchema, ...guarded },
      },
      config: agencyManage,
    },
    async (request, reply) => reply.status(201).send(await createAgency(db, request.body, actorOf(request))),
  );

  app.get(
    '/api/v1/admin/agencies/export',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Export the agency tree as JSON / Xuất cây cơ quan (JSON)',
        response: { 200: AgencyTransferSchema, ...guarded },
      },
      config: agencyManage,
    },
    async (_request, reply) => {
      reply.header('content-disposition', 'attachment; filename="co-quan.json"');
      return exportAgencies(db);
    },
  );

  app.post(
    '/api/v1/admin/agencies/import',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Import agencies from JSON (upsert by code) / Nhập cây cơ quan từ JSON',
        body: AgencyTransferSchema,
        response: { 200: ImportResultSchema, 413: ErrorResponseSchema, ...guarded },
      },
      config: agencyManage,
    },
    async (request) => importAgencies(db, request.body, actorOf(request)),
  );

  app.patch(
    '/api/v1/admin/agencies/:id',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Edit an agency or unit / Sửa thông tin cơ quan, đơn vị',
        params: AgencyIdParamsSchema,
        body: UpdateAgencyBodySchema,
        response: { 200: AgencySchema, ...guarded },
      },
      config: agencyManage,
    },
    async (request) => updateAgency(db, request.params.id, request.body, actorOf(request)),
  );

  app.post(
    '/api/v1/admin/agencies/:id/close',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Close an agency, optionally merging it into a successor / Ngừng hoạt động, sáp nhập',
        params: AgencyIdParamsSchema,
        body: CloseAgencyBodySchema,
        response: { 200: CloseAgencyResultSchema, ...guarded },
      },
      config: agencyManage,
    },
    async (request) => {
      await getAgency(db, request.params.id);
      return closeAgency(
        db,
        request.params.id,
        request.body.validTo,
        request.body.successorId,
        actorOf(request),
      );
    },
  );

  app.get(
    '/api/v1/admin/sectors',
    {
      schema: {
        tags: ['organisation'],
        summary: 'All sectors and fields, inactive too / Toàn bộ ngành, lĩnh vực',
        response: { 200: AdminSectorListSchema, ...guarded },
      },
      config: sectorManage,
    },
    async () => ({ items: await listAllSectors(db) }),
  );

  app.post(
    '/api/v1/admin/sectors',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Add a sector or field / Thêm ngành, lĩnh vực',
        body: CreateSectorBodySchema,
        response: { 201: AdminSectorSchema, ...guarded },
      },
      config: sectorManage,
    },
    async (request, reply) => reply.status(201).send(await createSector(db, request.body, actorOf(request))),
  );

  app.patch(
    '/api/v1/admin/sectors/:id',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Edit or deactivate a sector or field / Sửa, ngừng sử dụng ngành, lĩnh vực',
        params: SectorIdParamsSchema,
        body: UpdateSectorBodySchema,
        response: { 200: AdminSectorSchema, ...guarded },
      },
      config: sectorManage,
    },
    async (request) => updateSector(db, request.params.id, request.body, actorOf(request)),
  );
}
