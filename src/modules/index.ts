// Every module's routes, registered in one place; the folder list under src/modules is the map.
import type { App } from '../platform/http/app.ts';
import { adminUsersRoutes } from './accounts/admin-users.routes.ts';
import { registerAccessControl } from './auth/access.ts';
import { accountFromCompanion, findActiveUser } from './auth/auth.repository.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { ssoRoutes } from './auth/sso.routes.ts';
import { calendarRoutes } from './calendar/calendar.routes.ts';
import { calendarAdminRoutes } from './calendar/calendar-admin.routes.ts';
import { catalogueRoutes } from './catalogue/catalogue.routes.ts';
import { catalogueAdminRoutes } from './catalogue/catalogue-admin.routes.ts';
import { cataloguePackRoutes } from './catalogue/catalogue-pack.routes.ts';
import { cataloguePageRoutes } from './catalogue/catalogue-pages.routes.ts';
import { channelsRoutes } from './channels/channels.routes.ts';
import { widgetRoutes } from './channels/widget.routes.ts';
import { citizensRoutes } from './citizens/citizens.routes.ts';
import { documentsRoutes } from './documents/documents.routes.ts';
import { dossierDocumentsRoutes } from './documents/dossier-documents.routes.ts';
import { dossierRoutes } from './dossiers/dossier.routes.ts';
import { filesRoutes } from './files/files.routes.ts';
import { intakeRoutes } from './intake/intake.routes.ts';
import { lookupRoutes } from './lookup/lookup.routes.ts';
import { dossierNotificationsRoutes } from './notifications/dossier-notifications.routes.ts';
import { notificationsRoutes } from './notifications/notifications.routes.ts';
import { organisationRoutes } from './organisation/organisation.routes.ts';
import { organisationAdminRoutes } from './organisation/organisation-admin.routes.ts';
import { processAdminRoutes } from './processing/process-admin.routes.ts';
import { processingRoutes } from './processing/processing.routes.ts';
import { ruleSetRoutes } from './rules/rule-sets.routes.ts';
import { signaturesRoutes } from './signatures/signatures.routes.ts';
import { signedResultRoutes } from './signatures/signed-result.routes.ts';
import { siteRoutes } from './site/site.routes.ts';
import { systemRoutes } from './system/system.routes.ts';

export async function registerModules(app: App): Promise<void> {
  app.decorateRequest('currentUser', null);
  // Resolve the signed-in user on every request from the database, so a disabled account or a
  // revoked role takes effect at once: read with the session row (accountWithSession), or here.
  app.addHook('preHandler', async (request) => {
    const userId = request.session?.userId;
    const companion = request.session?.companion;
    if (request.session) {
      delete request.session.companion;
    }
    if (!userId) {
      return;
    }
    const read = accountFromCompanion(companion, userId);
    const user = read === undefined ? await findActiveUser(app.deps.database.db, userId) : read;
    if (user) {
      request.currentUser = user;
    } else {
      await request.session.destroy();
    }
  });
  // After the user is known: every API route's access declaration is enforced here (goal 7).
  registerAccessControl(app);
  await app.register(systemRoutes);
  await app.register(siteRoutes);
  await app.register(authRoutes);
  await app.register(organisationRoutes);
  await app.register(ruleSetRoutes);
  await app.register(filesRoutes);
  await app.register(adminUsersRoutes);
  await app.register(organisationAdminRoutes);
  await app.register(calendarRoutes);
  await app.register(calendarAdminRoutes);
  await app.register(documentsRoutes);
  await app.register(notificationsRoutes);
  await app.register(signaturesRoutes);
  await app.register(dossierRoutes);
  await app.register(lookupRoutes);
  await app.register(channelsRoutes);
  await app.register(citizensRoutes);
  await app.register(ssoRoutes);
  await app.register(catalogueRoutes);
  await app.register(catalogueAdminRoutes);
  await app.register(cataloguePackRoutes);
  await app.register(cataloguePageRoutes);
  await app.register(intakeRoutes);
  await app.register(processingRoutes);
  await app.register(processAdminRoutes);
  await app.register(dossierDocumentsRoutes);
  await app.register(dossierNotificationsRoutes);
  await app.register(widgetRoutes);
  await app.register(signedResultRoutes);
}
