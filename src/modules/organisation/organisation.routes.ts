// Public reads of the organisation: the agencies directory and the sector list (portal, catalogue
// filters). Administration of the tree comes with the accounts work (issue 4).

import { todayInVietnam } from '../../domain/time/vietnam-date.ts';
import type { App } from '../../platform/http/app.ts';
import { errors } from '../../platform/http/errors.ts';
import { ErrorResponseSchema, standardErrorResponses } from '../../platform/http/schema.ts';
import { countProceduresInForce } from '../catalogue/catalogue-read.service.ts';
import { findAgencyByCode, listActiveSectors, listAgencies } from './organisation.repository.ts';
import {
  AgencyCodeParamsSchema,
  AgencyListQuerySchema,
  AgencyListSchema,
  AgencySchema,
  SectorListSchema,
} from './organisation.schemas.ts';

export async function organisationRoutes(app: App): Promise<void> {
  app.get(
    '/api/v1/agencies',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Agencies directory / Danh bạ cơ quan, đơn vị',
        querystring: AgencyListQuerySchema,
        response: { 200: AgencyListSchema, ...standardErrorResponses },
      },
      config: { access: 'public' },
    },
    async (request) => {
      const items = await listAgencies(app.deps.database.db, {
        ...(request.query.level ? { level: request.query.level } : {}),
        ...(request.query.kind ? { kind: request.query.kind } : {}),
        ...(request.query.includeFormer ? {} : { validOn: todayInVietnam() }),
      });
      // Procedures each agency performs, for the directory (catalogue, issue 5).
      const counts = await countProceduresInForce(app.deps.database.db);
      return { items: items.map((a) => ({ ...a, procedureCount: counts.byAgency.get(a.id) ?? 0 })) };
    },
  );

  app.get(
    '/api/v1/agencies/:code',
    {
      schema: {
        tags: ['organisation'],
        summary: 'One agency by identifier code / Thông tin một cơ quan theo mã định danh',
        params: AgencyCodeParamsSchema,
        response: { 200: AgencySchema, 404: ErrorResponseSchema, ...standardErrorResponses },
      },
      config: { access: 'public' },
    },
    async (request) => {
      const agency = await findAgencyByCode(app.deps.database.db, request.params.code);
      if (!agency) {
        throw errors.notFound();
      }
      return agency;
    },
  );

  app.get(
    '/api/v1/sectors',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Sectors and fields / Danh mục ngành, lĩnh vực',
        response: { 200: SectorListSchema, ...standardErrorResponses },
      },
      config: { access: 'public' },
    },
    async () => {
      const counts = await countProceduresInForce(app.deps.database.db);
      const items = await listActiveSectors(app.deps.database.db);
      return { items: items.map((s) => ({ ...s, procedureCount: counts.bySector.get(s.id) ?? 0 })) };
    },
  );
}
