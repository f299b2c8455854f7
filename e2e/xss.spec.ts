// Security goal 15 in the browser: names and addresses carrying script payloads are shown as text on
// every screen that displays a dossier (desk, processing, receipt print view, work lists, portal
// lookup) — a sentinel global the payloads would set is never set — and HTML pages carry a CSP.
import { expect, test } from '@playwright/test';
import { signInToBackoffice } from './helpers.ts';

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '"><svg onload="window.__xss=1">',
  "javascript:window.__xss=1//'",
  '{{constructor.constructor("window.__xss=1")()}}',
];

test('[goal 15] script payloads in a dossier are only text on every screen that shows it', async ({
  page,
}) => {
  await signInToBackoffice(page, 'tiepnhan');
  const procedure = await (await page.request.get('/api/v1/procedures/AH-LLTP-01')).json();
  const dossiers: Array<{ id: string; code: string }> = [];
  for (const payload of PAYLOADS) {
    const response = await page.request.post('/api/v1/dossiers', {
      headers: { 'x-requested-with': 'motcua' },
      data: {
        procedureId: procedure.id,
        channel: 'desk',
        applicant: { fullName: `Nguyễn ${payload}`, phone: '0912555777', address: `Số 1 ${payload}` },
        delivery: { method: 'desk' },
      },
    });
    // Refusing the payload outright would also be safe; storing it must never make it run.
    if (response.status() === 201) {
      const body = await response.json();
      dossiers.push({ id: body.id, code: body.code });
    } else {
      expect(response.status()).toBe(400);
    }
  }
  expect(dossiers.length).toBeGreaterThan(0);

  const screens = dossiers.flatMap((d) => [
    `/admin/ho-so/${d.id}`,
    `/admin/ho-so/${d.id}/bien-nhan`,
    `/admin/xu-ly?q=${encodeURIComponent('Nguyễn')}`,
    `/tra-cuu?ma=${encodeURIComponent(d.code)}`,
  ]);
  for (const url of screens) {
    const response = await page.goto(url);
    expect(response?.headers()['content-security-policy'], url).toContain("object-src 'none'");
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss), url).toBeUndefined();
  }
  // The receipt print view shows the payload as the literal text the desk typed.
  await page.goto(`/admin/ho-so/${dossiers[0]?.id}/bien-nhan`);
  await expect(page.getByText(PAYLOADS[0] ?? '', { exact: false }).first()).toBeVisible();
});
