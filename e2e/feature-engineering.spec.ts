/**
 * The feature-engineering panel's own behaviours in the production build: the default case (log
 * of a skewed feature) scores the same model before and after, computed in the panel's worker;
 * the case picker and a slider rewrite the link, and a shared link reopens the same readout; the
 * hour case puts 23:00 next to 01:00; the real wages data is fetched only when its case is chosen;
 * the polynomial case lists scikit-learn's feature names.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectLinkReopens, expectNoNaN, openPanel, poll, readoutNumber, readoutValue, urlParam, waitReady, watchErrors } from './helpers';

const SLUG = 'feature-engineering';
const DIST = process.env.E2E_DIST ?? 'dist';

/** Script URLs the page loaded (resource timing) that match `re`. */
const loaded = (page: Page, re: RegExp) => page.evaluate((src) => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => new RegExp(src).test(n)), re.source);

/** The built chunk of the wages JSON, from the build's manifest (its name is a content hash). */
function wagesChunk(): string {
  const manifest = JSON.parse(readFileSync(join(DIST, '.vite', 'manifest.json'), 'utf8')) as Record<string, { file: string }>;
  const key = Object.keys(manifest).find((k) => k.endsWith('datasets-berndt-cps-wages-1985/data/data.json'));
  if (!key) throw new Error('the wages data is not a chunk of its own in the build');
  return manifest[key].file;
}

test('default: the log transform, scored before and after in the worker; the link round-trips', async ({ page, browser }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG);
  // seed 7, σ 1.2, 200 points: the same numbers experiments.test.ts computes in Node.
  expect(await readoutValue(page, 'before')).toBe('0.510 on x');
  expect(await readoutValue(page, 'after')).toBe('0.937 on ln x');
  await expect(page.locator('[data-computed-in="worker"]')).toBeVisible();
  expect(await loaded(page, /\/assets\/compute\.worker-[\w-]+\.js$/)).toHaveLength(1);
  expect(await loaded(page, new RegExp(wagesChunk().replace(/[.]/g, '\\.') + '$'))).toEqual([]);

  // Less skew, less to gain: the keyboard on the first slider rewrites the link and the readout.
  const skew = page.getByTestId('ctl-skew');
  await skew.focus();
  for (let i = 0; i < 16; i++) await page.keyboard.press('ArrowLeft');
  await poll(() => urlParam(page, 'skew')).toBe('0.4');
  await waitReady(page);
  expect(await readoutNumber(page, 'gain')).toBeLessThan(0.1);
  await expectNoNaN(page);

  await expectLinkReopens(page, browser);
  expect(errors).toEqual([]);
});

test('hour of day: sine and cosine put 23:00 next to 01:00 and the same model fits', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG);
  await page.getByTestId('ctl-case').selectOption('hour');
  await poll(() => urlParam(page, 'case')).toBe('hour');
  await expect(page.getByTestId('ro-hour-near')).toHaveText('raw 22 h → 0.518 on the circle');
  await waitReady(page);
  expect(await readoutValue(page, 'hour-far')).toBe('raw 3 h → 0.765 on the circle');
  expect(await readoutNumber(page, 'before')).toBeLessThan(0.3);
  expect(await readoutNumber(page, 'after')).toBeGreaterThan(0.9);
  await expect(page.getByTestId('fe-distances')).toContainText('0.518');
  await expect(page.getByRole('img', { name: /hours placed on a circle/ })).toBeVisible();
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});

test('categories: the real wages data arrive only when chosen; one-hot beats label codes', async ({ page, browser }) => {
  test.setTimeout(45_000);
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'case=poly');
  // The polynomial case first: scikit-learn's names for degree 2.
  await expect(page.getByTestId('fe-names-poly')).toHaveText('1, x0, x1, x0^2, x0 x1, x1^2');
  const chunk = new RegExp(wagesChunk().replace(/[.]/g, '\\.') + '$');
  expect(await loaded(page, chunk)).toEqual([]);

  await page.getByTestId('ctl-case').selectOption('category');
  await expect(page.getByTestId('ro-before')).toHaveText('0.007 on occupation', { timeout: 30_000 });
  await waitReady(page);
  expect(await readoutNumber(page, 'after')).toBeCloseTo(0.163, 3);
  await expect(page.getByTestId('fe-names-after')).toContainText('occupation_clerical, occupation_management');
  expect(await loaded(page, chunk)).toHaveLength(1);
  await expectNoNaN(page);

  await expectLinkReopens(page, browser);
  expect(errors).toEqual([]);
});

test('scaling: raw units slow gradient descent by orders of magnitude', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'case=scaling&spread=1000');
  expect(await readoutValue(page, 'steps')).toMatch(/^over 100,000 \(stopped\) raw → [1-3] scaled$/);
  expect(await readoutNumber(page, 'after')).toBeGreaterThan(await readoutNumber(page, 'before'));
  await page.getByTestId('ctl-scaler').selectOption('minmax');
  await waitReady(page);
  await poll(() => urlParam(page, 'scaler')).toBe('minmax');
  expect(await readoutValue(page, 'steps')).toMatch(/ raw → \d{1,2} scaled$/);
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});
