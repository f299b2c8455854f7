// R38: the embeddable lookup widget. /widget/tra-cuu is the portal's app shell like any page, but it
// may be framed by any site (agencies' websites embed it, docs/WIDGET.md): its Content-Security-Policy
// allows every frame ancestor and it sends no X-Frame-Options. The widget reads public data only and
// changes nothing, so framing it exposes nothing (no clickjacking target); every other page keeps
// frame-ancestors 'self'.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { App } from '../../platform/http/app.ts';
import { errors } from '../../platform/http/errors.ts';

export async function widgetRoutes(app: App): Promise<void> {
  app.get(
    '/widget/tra-cuu',
    { schema: { hide: true }, config: { access: 'public' } },
    async (request, reply) => {
      let html: string;
      try {
        html = await readFile(path.join(app.webDistDir, 'index.html'), 'utf8');
      } catch {
        throw errors.notFound();
      }
      const csp = String(reply.getHeader('content-security-policy') ?? '');
      reply.header(
        'content-security-policy',
        csp.includes('frame-ancestors')
          ? csp.replace(/frame-ancestors [^;]*/, 'frame-ancestors *')
          : `${csp}${csp ? ';' : ''}frame-ancestors *`,
      );
      reply.removeHeader('x-frame-options');
      request.log.debug('widget page served');
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
    },
  );
}
