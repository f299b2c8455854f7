// Issue 8 lookup channels through the browser (E2E_PORT=3113): the receipt PDF of a real dossier
// carries its code and a QR to the lookup page; /tra-cuu shows the dossier without personal data; the
// kiosk and the widget (embedded in another page's iframe) look a code up; the kiosk resets when idle.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { pdfQrEncodes } from '../test/helpers/qr.ts';
import { seriousA11yViolations, signInToBackoffice } from './helpers.ts';

const shots = path.resolve(import.meta.dirname, '..', 'test-results', 'channels');

/** A walk-in dossier received by the desk officer: its id and code. */
async function receiveDossier(page: Page): Promise<{ id: string; code: string }> {
  await signInToBackoffice(page, 'tiepnhan');
  const procedure = await (await page.request.get('/api/v1/procedures/AH-LLTP-01')).json();
  const response = await page.request.post('/api/v1/dossiers', {
    headers: { 'x-requested-with': 'motcua' },
    data: {
      procedureId: procedure.id,
      channel: 'desk',
      applicant: { fullName: 'Vũ Thị Lan Anh', phone: '0912555666', address: 'Phường Hòa Bình, tỉnh An Hòa' },
      delivery: { method: 'desk' },
    },
  });
  expect(response.status()).toBe(201);
  const body = await response.json();
  return { id: body.id, code: body.code };
}

test('[R18, R38] the receipt PDF of a real dossier has its code and a QR to /tra-cuu, which shows it', async ({
  page,
  baseURL,
}) => {
  const dossier = await receiveDossier(page);
  const response = await page.request.get(`/api/v1/dossiers/${dossier.id}/documents/receipt`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  const pdf = await response.body();
  const text = execFileSync('/usr/bin/pdftotext', ['-', '-'], { input: pdf })
    .toString('utf8')
    .replace(/\s+/g, ' ');
  expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
  expect(text).toContain(dossier.code);
  const link = `${baseURL}/tra-cuu?ma=${encodeURIComponent(dossier.code)}`;
  expect(pdfQrEncodes(pdf, link)).toBe(true);
  mkdirSync(shots, { recursive: true });
  const pdfFile = path.join(shots, 'receipt.pdf');
  writeFileSync(pdfFile, pdf);
  execFileSync('/usr/bin/pdftoppm', [
    '-png',
    '-r',
    '80',
    '-f',
    '1',
    '-l',
    '1',
    pdfFile,
    path.join(shots, 'receipt'),
  ]);

  // Following the QR link: the public page, no login needed.
  await page.context().clearCookies();
  await page.goto(link);
  await expect(page.getByTestId('lookup-code')).toHaveText(`Hồ sơ ${dossier.code}`);
  await expect(page.getByTestId('lookup-status')).toContainText('Được tiếp nhận');
  await expect(page.getByText('V* T** L** A**')).toBeVisible();
  await expect(page.getByText('Vũ Thị Lan Anh')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Ông/bà cần làm gì tiếp theo' })).toBeVisible();
  await expect(page.getByRole('table')).toContainText('Tiếp nhận');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(shots, 'tra-cuu.png'), fullPage: true });

  // A wrong code: a helpful message, no dossier.
  await page.getByLabel('Mã số hồ sơ').fill('000.00.06.H99-260101-9999');
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await expect(page.getByRole('alert')).toContainText('Không tìm thấy hồ sơ');
});

test('[R38] the kiosk looks a code up with its on-screen keys and resets when idle', async ({ page }) => {
  const dossier = await receiveDossier(page);
  await page.context().clearCookies();
  await page.setViewportSize({ width: 1080, height: 1500 });
  await page.goto('/kiosk?idle=5');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tra cứu tình trạng hồ sơ');
  const field = page.getByLabel('Mã số hồ sơ');
  // Typed with the big keys (the code's letters and digits are all on the keypad).
  for (const ch of dossier.code) {
    await page.getByRole('button', { name: ch, exact: true }).click();
  }
  await expect(field).toHaveValue(dossier.code);
  await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
  await expect(page.getByTestId('lookup-code')).toHaveText(`Hồ sơ ${dossier.code}`);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(shots, 'kiosk.png'), fullPage: true });
  // Nobody touches it: back to the start, the next person sees nothing of it.
  await expect(page.getByTestId('lookup-code')).toHaveCount(0, { timeout: 10_000 });
  await expect(field).toHaveValue('');
});

test('[R38] the widget embedded in another site looks a code up and lists the agency procedures', async ({
  page,
  baseURL,
}) => {
  const dossier = await receiveDossier(page);
  const agencies = (await (await page.request.get('/api/v1/agencies')).json()).items as Array<{
    code: string;
    name: string;
  }>;
  const stp = agencies.find((a) => a.name.includes('Tư pháp'));
  expect(stp).toBeDefined();
  await page.context().clearCookies();
  const widget = await page.request.get(`/widget/tra-cuu?agency=${stp?.code}`);
  expect(widget.status()).toBe(200);
  expect(widget.headers()['content-security-policy']).toContain('frame-ancestors *');
  expect(widget.headers()['x-frame-options']).toBeUndefined();
  // Other pages still refuse to be framed elsewhere.
  expect((await page.request.get('/tra-cuu')).headers()['content-security-policy']).toContain(
    "frame-ancestors 'self'",
  );

  // An agency's page on another origin (a server on another port) with the copy-paste snippet.
  const host = `<!doctype html><html lang="vi"><head><title>Sở Tư pháp</title></head><body><h1>Sở Tư pháp tỉnh An Hòa</h1>
    <script src="${baseURL}/widget.js" data-agency="${stp?.code}" data-height="900px"></script></body></html>`;
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(host);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  // localhost and 127.0.0.1 are different origins.
  await page.goto(`http://localhost:${port}/`);
  const frame = page.frameLocator('iframe[title="Tra cứu hồ sơ"]');
  await expect(frame.getByRole('heading', { name: 'Thủ tục hành chính của cơ quan' })).toBeVisible();
  await expect(frame.getByRole('link', { name: /lý lịch tư pháp/ }).first()).toBeVisible();
  await frame.getByLabel('Mã số hồ sơ').fill(dossier.code.toLowerCase());
  await frame.getByRole('button', { name: 'Tra cứu' }).click();
  await expect(frame.getByTestId('lookup-code')).toHaveText(`Hồ sơ ${dossier.code}`);
  await page.screenshot({ path: path.join(shots, 'widget.png'), fullPage: true });
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
