import type { App } from '../../platform/http/app.ts';
import { ErrorResponseSchema, standardErrorResponses } from '../../platform/http/schema.ts';
import { actorOf } from '../auth/actor.ts';
import { SiteInfoSchema, SiteSettingsSchema } from './site.schemas.ts';
import { getSiteInfo, updateSiteSettings } from './site.service.ts';

export async function siteRoutes(app: App): Promise<void> {
  app.get(
    '/api/v1/site',
    {
      schema: {
        tags: ['site'],
        summary: 'Deployment name and contacts / Tên cổng và thông tin liên hệ',
        response: { 200: SiteInfoSchema, ...standardErrorResponses },
      },
      config: { access: 'public' },
    },
    async () => getSiteInfo(app.deps.database.db, app.deps.config.demo),
  );

  app.put(
    '/api/v1/admin/site',
    {
      schema: {
        tags: ['site'],
        summary: 'Change the deployment name and contacts / Cập nhật tên cổng (system administrator)',
        body: SiteSettingsSchema,
        response: {
          200: SiteInfoSchema,
          401: ErrorResponseSchema,
          403: ErrorResponseSchema,
          413: ErrorResponseSchema,
          415: ErrorResponseSchema,
          ...standardErrorResponses,
        },
      },
      config: { access: { action: 'site.manage' } },
    },
    async (request) => {
      await updateSiteSettings(app.deps.database.db, actorOf(request), request.body);
      return getSiteInfo(app.deps.database.db, app.deps.config.demo);
    },
  );
}
