// Every module's routes, registered in one place; the folder list under src/modules is the map.
import type { App } from '../platform/http/app.ts';
import { findActiveUser } from './auth/auth.repository.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { siteRoutes } from './site/site.routes.ts';
import { systemRoutes } from './system/system.routes.ts';

export async function registerModules(app: App): Promise<void> {
  app.decorateRequest('currentUser', null);
  // Resolve the signed-in user on every request from the database, so a disabled account or a
  // revoked role takes effect at once.
  app.addHook('preHandler', async (request) => {
    const userId = request.session?.userId;
    if (!userId) {
      return;
    }
    const user = await findActiveUser(app.deps.database.db, userId);
    if (user) {
      request.currentUser = user;
    } else {
      await request.session.destroy();
    }
  });
  await app.register(systemRoutes);
  await app.register(siteRoutes);
  await app.register(authRoutes);
}
