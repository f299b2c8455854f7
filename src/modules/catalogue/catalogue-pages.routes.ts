// Procedure pages served as HTML with their content already in the page (issue 5): indexable and
// readable before the JavaScript arrives; the portal app then takes over. Not an API route.
import fs from 'node:fs';
import path from 'node:path';
import type { App } from '../../platform/http/app.ts';
import { getSiteInfo } from '../site/site.service.ts';
import type { ProcedureDetail } from './catalogue.schemas.ts';
import { getProcedureDetail } from './catalogue-read.service.ts';
import { procedureMeta, renderProcedureHtml } from './procedure-page.html.ts';

const ID =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9]\.[0-9]{6}|[A-Z0-9][A-Z0-9._-]{1,39})$/;
const attr = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

let cached: { file: string; mtimeMs: number; html: string } | undefined;

function readShell(file: string): string | undefined {
  try {
    const { mtimeMs } = fs.statSync(file);
    if (cached?.file !== file || cached.mtimeMs !== mtimeMs) {
      cached = { file, mtimeMs, html: fs.readFileSync(file, 'utf8') };
    }
    return cached.html;
  } catch {
    return undefined;
  }
}

export function injectProcedure(shell: string, detail: ProcedureDetail, siteName: string): string {
  const meta = procedureMeta(detail);
  return shell
    .replace(/<title>[\s\S]*?<\/title>/, `<title>${attr(meta.title)} — ${attr(siteName)}</title>`)
    .replace(
      /<meta name="description" content="[^"]*"\s*\/?>/,
      `<meta name="description" content="${attr(meta.description)}" />`,
    )
    .replace(
      /<div id="root">[\s\S]*?<\/div>/,
      `<div id="root">${renderProcedureHtml(detail, siteName)}</div>`,
    );
}

export async function cataloguePageRoutes(app: App): Promise<void> {
  app.get('/thu-tuc/:id', { schema: { hide: true } }, async (request, reply) => {
    const shell = readShell(path.join(app.webDistDir, 'index.html'));
    if (!shell) {
      return reply.callNotFound();
    }
    const id = decodeURIComponent((request.params as { id: string }).id);
    let detail: ProcedureDetail | undefined;
    if (ID.test(id)) {
      detail = await getProcedureDetail(app.deps.database.db, id).catch(() => undefined);
    }
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8');
    if (!detail) {
      // The portal app shows its own "not found" message.
      return reply.status(404).send(shell);
    }
    const site = await getSiteInfo(app.deps.database.db, false);
    return reply.send(injectProcedure(shell, detail, site.name.vi));
  });
}
