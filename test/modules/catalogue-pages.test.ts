// Procedure pages pre-rendered into the portal's HTML shell (issue 5): the content is in the page
// before any JavaScript runs, every text is escaped, unknown procedures get the shell with a 404.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectProcedure } from '../../src/modules/catalogue/catalogue-pages.routes.ts';
import { startTestSystem, type TestSystem } from '../helpers/test-system.ts';

const SHELL = `<!doctype html><html lang="vi"><head><meta name="description" content="Cổng" /><title>Cổng</title></head>
<body><div id="root"><noscript>JS</noscript></div></body></html>`;

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
  const dir = path.join(system.dataDir, 'no-web');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), SHELL);
});
afterAll(async () => system?.close());

describe('[R2] pre-rendered procedure pages', () => {
  it('serves the procedure with every section inside the shell, without counting a view', async () => {
    const before = (await system.app.inject({ url: '/api/v1/procedures/1.001193?on=2025-08-01' })).json()
      .views;
    const response = await system.app.inject({ url: '/thu-tuc/1.001193' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    const html = response.body;
    expect(html).toContain('<h1 id="procedure-title">Thủ tục đăng ký khai sinh</h1>');
    expect(html).toMatch(/<title>Thủ tục đăng ký khai sinh — [^<]+<\/title>/);
    for (const heading of [
      'Thông tin chung',
      'Trình tự thực hiện',
      'Cách thức thực hiện',
      'Thành phần hồ sơ',
      'Căn cứ pháp lý',
    ]) {
      expect(html).toContain(`<h2>${heading}</h2>`);
    }
    expect(html).toContain('Nộp hồ sơ trực tuyến');
    expect(html).not.toContain('<noscript>');
    const after = (await system.app.inject({ url: '/api/v1/procedures/1.001193?on=2025-08-01' })).json()
      .views;
    expect(after).toBe(before);
  });

  it('answers the plain shell with 404 for an unknown or malformed procedure', async () => {
    for (const url of ['/thu-tuc/9.999999', '/thu-tuc/%3Cscript%3E', '/thu-tuc/AH-GPLX-01']) {
      const response = await system.app.inject({ url });
      expect(response.statusCode, url).toBe(404);
      expect(response.body).toBe(SHELL);
    }
  });

  it('[goal 15] escapes every text it prints', async () => {
    const detail = (await system.app.inject({ url: '/api/v1/procedures/1.001193' })).json();
    detail.version.name = '<img src=x onerror=alert(1)>"\'';
    detail.version.steps[0].description = '</li><script>alert(2)</script>';
    const html = injectProcedure(SHELL, detail, 'Cổng <b>');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert(2)');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Cổng &lt;b&gt;');
  });
});
