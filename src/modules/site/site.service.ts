import type { Db } from '../../platform/db/database.ts';
import { API_VERSION } from '../../platform/http/openapi.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import { DEMO_PASSWORD } from '../demo/demo-password.ts';
import { findSiteSettings, listDemoAccounts, saveSiteSettings } from './site.repository.ts';
import type { SiteInfo, SiteSettings } from './site.schemas.ts';

/** Shown until an administrator names the deployment. */
const UNNAMED_SITE: SiteSettings = {
  name: { vi: 'Cổng dịch vụ công trực tuyến', en: 'Online public-service portal' },
  provinceName: { vi: 'Chưa cấu hình', en: 'Not configured' },
  hotline: null,
  email: null,
};

export async function getSiteInfo(db: Db, demo: boolean): Promise<SiteInfo> {
  const settings = (await findSiteSettings(db)) ?? UNNAMED_SITE;
  // Demo accounts are published (README, sign-in page) only while the deployment runs on demo data.
  const demoAccounts = demo ? await listDemoAccounts(db) : [];
  return {
    ...settings,
    demo,
    demoAccounts,
    demoPassword: demo ? DEMO_PASSWORD : null,
    version: API_VERSION,
  };
}

export async function updateSiteSettings(db: Db, actor: Actor, settings: SiteSettings): Promise<void> {
  const normalized: SiteSettings = {
    ...settings,
    name: { vi: settings.name.vi.normalize('NFC').trim(), en: settings.name.en.normalize('NFC').trim() },
    provinceName: {
      vi: settings.provinceName.vi.normalize('NFC').trim(),
      en: settings.provinceName.en.normalize('NFC').trim(),
    },
  };
  await db.transaction().execute(async (trx) => {
    const before = await findSiteSettings(trx);
    await saveSiteSettings(trx, normalized);
    await appendAudit(trx, {
      ...actor,
      action: 'site.update',
      resourceType: 'app_settings',
      resourceId: 'site',
      details: { before: before ?? null, after: normalized },
    });
  });
}
