// The hall's search by pinyin initials and its sort order, in the demo hall (local profile), on a phone and a desktop:
// typing `dyc` finds the 东裕茶 products; 价格 sorts low → high, then high → low; the order stays in the URL.
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { baseUrl, DESKTOP, PHONE, useBrowser } from './support';

const browser = useBrowser();

interface CardPage {
  items: Array<{ id: number; name: string; priceFen: number; merchantName: string }>;
}

async function apiSearch(q: string): Promise<CardPage['items']> {
  const res = await fetch(`${baseUrl()}/api/products?q=${encodeURIComponent(q)}`, { headers: { Accept: 'application/json' } });
  expect(res.status).toBe(200);
  return ((await res.json()) as CardPage).items;
}

/** Product names shown in the grid, in order. */
async function shownNames(page: Page): Promise<string[]> {
  return page.locator('.product-grid .product-card-name').allTextContents();
}

async function shownPrices(page: Page): Promise<number[]> {
  const texts = await page.locator('.product-grid .product-card-price').allTextContents();
  return texts.map((t) => Number(t.replace(/[^\d.]/g, '')));
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(width);
}

async function searchAndSort(options: BrowserContextOptions) {
  // The demo seed writes its products with SQL; their pinyin is filled in by the backfill job within seconds.
  await expect.poll(async () => (await apiSearch('dyc')).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  const expected = (await apiSearch('dyc')).map((p) => p.name);
  expect(expected.every((n) => n.includes('东裕茶'))).toBe(true);

  const page = await browser.open(options);
  expect((await page.goto('/products'))?.status()).toBe(200);
  await page.locator('.product-grid .product-card').first().waitFor({ state: 'visible' });
  const all = (await shownNames(page)).length;

  await page.getByRole('searchbox', { name: '搜索商品' }).fill('dyc');
  await page.getByRole('button', { name: '搜索', exact: true }).click();
  await page.waitForURL(/\/products\?q=dyc$/);
  await expect.poll(() => shownNames(page)).toEqual(expected);
  expect(expected.length).toBeLessThan(all);
  await noSidewaysScroll(page);

  // 价格: low → high, then high → low; kept in the URL
  await page.getByRole('button', { name: '价格', exact: true }).click();
  await page.waitForURL(/sort=price_asc/);
  await expect.poll(async () => {
    const prices = await shownPrices(page);
    return prices.length === expected.length && prices.every((p, i) => i === 0 || prices[i - 1] <= p);
  }).toBe(true);
  await page.getByRole('button', { name: '价格 ↑' }).click();
  await page.waitForURL(/sort=price_desc/);
  await expect.poll(async () => {
    const prices = await shownPrices(page);
    return prices.length === expected.length && prices.every((p, i) => i === 0 || prices[i - 1] >= p) && prices[0] > prices.at(-1)!;
  }).toBe(true);
  expect(await page.getByRole('button', { name: '价格 ↓' }).getAttribute('aria-pressed')).toBe('true');

  // a shared link opens the same view
  const descending = await shownNames(page);
  await page.reload();
  await expect.poll(() => shownNames(page)).toEqual(descending);
  expect(await page.getByRole('searchbox', { name: '搜索商品' }).inputValue()).toBe('dyc');
  expect(await page.getByRole('button', { name: '价格 ↓' }).getAttribute('aria-pressed')).toBe('true');
  await noSidewaysScroll(page);
}

describe('catalogue search', () => {
  test('a phone finds the 东裕茶 products by typing dyc and sorts them by price', async () => {
    await searchAndSort(PHONE);
  });

  test('a desktop does the same', async () => {
    await searchAndSort(DESKTOP);
  });
});
