/**
 * Sharing (issue 14) beyond what the generic spec checks per panel (note, embed, tour): saving
 * plots as SVG and PNG, and copying the readout as a table. One panel with canvas layers
 * (k-means: a canvas scatter under SVG marks) and one with SVG only.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openPanel, poll, readoutText, watchErrors } from './helpers';
import { BUILT } from './registry';

async function save(page: Page, kind: 'svg' | 'png', nth = 0) {
  const fig = page.locator('.workbench figure').nth(nth);
  await fig.locator('.fig-menu > summary').click();
  const [dl] = await Promise.all([page.waitForEvent('download'), fig.getByTestId(`export-${kind}`).click()]);
  return { name: dl.suggestedFilename(), bytes: readFileSync((await dl.path())!) };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(b: Buffer): { w: number; h: number } {
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { w: b.readUInt32BE(16), h: b.readUInt32BE(20) };
}

for (const slug of ['k-means', 'gradient-descent'].filter((s) => BUILT.some((b) => b.slug === s))) {
  test(`${slug}: a plot saves as SVG that parses (title, link, marks) and as PNG at twice its size`, async ({ page, browser }) => {
    const errors = watchErrors(page);
    await openPanel(page, slug);
    const title = (await page.locator('.workbench figure figcaption').first().innerText()).trim();
    const svg = await save(page, 'svg');
    expect(svg.name).toMatch(/\.svg$/);
    const text = svg.bytes.toString('utf8');
    // Parsed by a browser as a standalone image document: well-formed, with marks in it.
    const check = await browser.newPage();
    const parsed = await check.evaluate((src) => {
      const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
      const root = doc.documentElement;
      return {
        error: doc.getElementsByTagName('parsererror').length,
        root: root.nodeName,
        w: Number(root.getAttribute('width')),
        h: Number(root.getAttribute('height')),
        meta: doc.querySelector('metadata')?.textContent ?? '',
        texts: Array.from(doc.querySelectorAll('text')).map((t) => t.textContent ?? ''),
        marks: doc.querySelectorAll('path, circle, line, rect, image').length,
      };
    }, text);
    await check.close();
    expect(parsed.error).toBe(0);
    expect(parsed.root).toBe('svg');
    expect(parsed.marks).toBeGreaterThan(10);
    expect(parsed.texts.join(' ')).toContain(title);
    const link = new URL(parsed.meta);
    expect(link.pathname).toBe(`/${slug}/`);
    expect(link.search).toBe(new URL(page.url()).search);

    const png = await save(page, 'png');
    expect(png.name).toMatch(/\.png$/);
    expect(pngSize(png.bytes)).toEqual({ w: 2 * parsed.w, h: 2 * parsed.h });
    expect(errors).toEqual([]);
  });
}

test('the readout copies as a tab-separated table, one row per line', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPanel(page, 'k-means');
  const before = await readoutText(page);
  await page.getByTestId('readout-copy').click();
  const tsv = await page.evaluate(() => navigator.clipboard.readText());
  const rows = tsv.split('\n').map((r) => r.split('\t'));
  expect(rows.length).toBe(await page.locator('[data-testid="readout"] .readout-row').count());
  for (const r of rows) expect(r).toHaveLength(2);
  const firstLabel = (await page.locator('[data-testid="readout"] .readout-row dt').first().innerText()).replace(/\s+/g, ' ').trim();
  expect(rows[0][0]).toBe(firstLabel);
  expect(await readoutText(page)).toBe(before); // copying does not change what the readout says
});

test('every page names a 1200 × 630 preview image that exists (og:image, twitter:image); icons and manifest are served', async ({ request }) => {
  const { QUESTIONS } = await import('../src/panels/questions');
  for (const path of ['/', ...QUESTIONS.map((q) => `/${q.slug}/`)]) {
    const html = await (await request.get(path)).text();
    const og = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
    const tw = /<meta name="twitter:image" content="([^"]+)"/.exec(html)?.[1];
    expect(og, `${path} og:image`).toBeTruthy();
    expect(tw, `${path} twitter:image`).toBe(og);
    if (path !== '/') expect(og).toContain(`/previews/${path.slice(1, -1)}.png`);
    const img = await request.get(new URL(og!, 'http://x').pathname);
    expect(img.status(), og).toBe(200);
    expect(pngSize(await img.body()), og).toEqual({ w: 1200, h: 630 });
  }
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  expect(manifest.name).toBe('ML Intuition');
  for (const icon of manifest.icons as { src: string; sizes: string }[]) {
    const r = await request.get(`/${icon.src}`);
    expect(r.status(), icon.src).toBe(200);
    if (icon.src.endsWith('.png')) expect(pngSize(await r.body())).toEqual({ w: Number(icon.sizes.split('x')[0]), h: Number(icon.sizes.split('x')[1]) });
  }
  expect((await request.get('/favicon.svg')).status()).toBe(200);
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });
  test('after one visit, another panel opens and works with no network', async ({ page, context }) => {
    test.setTimeout(120_000);
    const errors = watchErrors(page);
    const failed: string[] = [];
    // Chromium fetches the tab icon outside any service worker, so offline it may fail; the
    // page itself does not need it.
    page.on('requestfailed', (r) => !r.url().endsWith('/favicon.svg') && failed.push(r.url()));
    await page.goto('/');
    // The service worker installs (precaching the build) and takes over.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 60_000 });
    await context.setOffline(true);
    const slug = BUILT.find((b) => b.slug === 'k-means')?.slug ?? BUILT[0].slug;
    await openPanel(page, slug);
    const before = await readoutText(page);
    const s = page.locator('.workbench input[type="range"]').first();
    await s.focus();
    for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowRight');
    await poll(() => readoutText(page)).not.toBe(before);
    // And a panel whose work runs in a worker with tfjs (its chunks, the worker and WASM cached).
    const tf = BUILT.find((b) => b.slug === 'overfitting');
    if (tf) {
      await openPanel(page, tf.slug);
      await expect(page.getByTestId('readout')).toBeVisible();
    }
    await context.setOffline(false);
    expect(failed, 'requests that found no cached copy').toEqual([]);
    expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e) || failed.length > 0)).toEqual([]);
  });
});
