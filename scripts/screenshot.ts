// Looks at pages the way a person would: opens each URL in Debian's headless Chromium and saves
// a PNG. Usage: node --import tsx scripts/screenshot.ts <out-dir> <url> [url…] [--mobile] [--en]
// Optional: --login=<username>:<password> signs in to the back office first.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--') && !a.includes('=')));
const login = args.find((a) => a.startsWith('--login='))?.slice('--login='.length);
const [outDir, ...urls] = args.filter((a) => !a.startsWith('--'));
if (!outDir || urls.length === 0) {
  process.stderr.write('usage: screenshot.ts <out-dir> <url> [url…] [--mobile] [--en] [--login=user:pass]\n');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const mobile = flags.has('--mobile');
const context = await browser.newContext({
  viewport: mobile ? { width: 375, height: 740 } : { width: 1280, height: 860 },
  deviceScaleFactor: 1,
  locale: 'vi-VN',
  timezoneId: 'Asia/Ho_Chi_Minh',
});
if (flags.has('--en')) {
  await context.addInitScript(() => localStorage.setItem('motcua.lang', 'en'));
}
const page = await context.newPage();
page.on('console', (message) => {
  if (message.type() === 'error') {
    process.stderr.write(`console error: ${message.text()}\n`);
  }
});
if (login && urls[0]) {
  const [username = '', password = ''] = login.split(':');
  await page.goto(new URL('/admin/', urls[0]).toString());
  await page.getByLabel(/Tên đăng nhập|Username/).fill(username);
  await page.getByLabel(/^(Mật khẩu|Password)$/).fill(password);
  await page.getByRole('button', { name: /Đăng nhập|Sign in/ }).click();
  await page.waitForLoadState('networkidle');
}
for (const [index, url] of urls.entries()) {
  await page.goto(url, { waitUntil: 'networkidle' });
  const name = `${String(index + 1).padStart(2, '0')}-${new URL(url).pathname.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}${mobile ? '-mobile' : ''}.png`;
  await page.screenshot({ path: path.join(outDir, name), fullPage: true });
  process.stdout.write(`${path.join(outDir, name)}\n`);
}
await browser.close();
