// R38: the embeddable lookup widget. /widget/tra-cuu is the portal's app shell like any page, but it
// may be framed by any site (agencies' websites embed it, docs/WIDGET.md): its Content-Security-Policy
// allows every frame ancestor and it sends no X-Frame-Options. The widget reads public data only and
// changes nothing, so framing it exposes nothing (no clickjacking target); every other page keeps
// frame-ancestors 'self'.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { App } from '../../platform/http/app.ts';
import { errors } from '../../platform/http/errors.ts';

/** Paths another site loads: the embed script (a cross-origin <script>) and the framed page. */
const EMBEDDABLE = /^\/widget(\.js|\/tra-cuu)(\?|$)/;

async function widgetRoutesPlugin(app: App): Promise<void> {
  // Helmet answers Cross-Origin-Resource-Policy: same-origin everywhere, which stops other sites from
  // loading widget.js; the two embeddable paths say cross-origin instead (the hook is app-wide, see
  // skip-override below, because widget.js is served by the static file handler).
  app.addHook('onSend', async (request, reply, payload) => {
    if (EMBEDDABLE.test(request.url)) {
      reply.header('cross-origin-resource-policy', 'cross-origin');
    }
    return payload;
  });
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

// Not encapsulated: the onSend hook must see the static file handler's responses too.
Object.assign(widgetRoutesPlugin, { [Symbol.for('skip-override')]: true });
export const widgetRoutes = widgetRoutesPlugin;
