import { expect, test } from '@playwright/test';

test('search results and a procedure page fit a 375 px phone without horizontal scrolling', async ({
  page,
}) => {
  for (const url of ['/thu-tuc?q=khai%20sinh', '/thu-tuc/1.001193', '/co-quan']) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, url).toBeLessThanOrEqual(0);
  }
});
