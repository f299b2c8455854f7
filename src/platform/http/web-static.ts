// Serves the two built web apps: the portal at / and the back office at /admin/. Unknown paths
// fall back to the app's index.html (client-side routes); unknown /api paths get a JSON 404.
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from './app-type.ts';
import { sendError } from './error-handler.ts';
import { errors } from './errors.ts';

export const WEB_DIST_DIR = path.resolve(import.meta.dirname, '../../../dist/web');

const NOT_BUILT_HTML = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>MotCua</title></head>
<body><main><h1>Giao diện chưa được build</h1><p>Chạy <code>npm run build</code> rồi khởi động lại.
(The web apps are not built: run <code>npm run build</code>.)</p></main></body></html>`;

export async function registerWebApps(app: App, distDir = WEB_DIST_DIR): Promise<void> {
  const built = fs.existsSync(path.join(distDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      index: ['index.html'],
      setHeaders: (res, filePath) => {
        // Hashed bundles never change; HTML must always be revalidated to pick up a new release.
        res.header(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const url = request.url;
    const isApi =
      url.startsWith('/api/') || url === '/api' || url.startsWith('/healthz') || url.startsWith('/readyz');
    if (isApi || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return sendError(request, reply, errors.notFound());
    }
    if (!built) {
      return reply.status(503).type('text/html; charset=utf-8').send(NOT_BUILT_HTML);
    }
    if (/\.[a-z0-9]*[a-z][a-z0-9]*$/i.test(url.split('?')[0] ?? '')) {
      // A missing file (e.g. /assets/old.js) is a 404, not the app shell. An extension has a
      // letter: /thu-tuc/1.001193 (a procedure code) is an app page.
      return sendError(request, reply, errors.notFound());
    }
    const page =
      url === '/admin' || url.startsWith('/admin/') || url.startsWith('/admin?')
        ? 'admin/index.html'
        : 'index.html';
    reply.header('cache-control', 'no-cache');
    return reply.type('text/html; charset=utf-8').sendFile(page);
  });
}
