/**
 * The imbalanced-data panel's own behaviours in the production build: the default link shows the
 * accuracy paradox and all six methods in one table, computed in the panel's worker; the
 * threshold moves by slider and by pressing on the PR curve, and the link keeps it; the table's
 * row buttons choose the method shown; the real sensor data is fetched only when chosen.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectLinkReopens, expectNoNaN, openPanel, poll, readoutNumber, readoutValue, urlParam, waitReady, watchErrors } from './helpers';

const SLUG = 'imbalanced-data';
const ro = (page: Page, id: string) => page.getByTestId(`ro-${id}`);

/** Script URLs the page loaded (resource timing): the worker chunk, the sensor data chunk. */
const loaded = (page: Page, re: RegExp) => page.evaluate((src) => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => new RegExp(src).test(n)), re.source);

test('the default link: the accuracy paradox and all six methods in one table, from the worker', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG);
  await expect(ro(page, 'data')).toHaveText('1000 : 50');
  await expect(ro(page, 'test')).toHaveText('4000 : 200');
  // Always "majority": right on 4000 of 4200 test points, none of the 200 minority points found.
  await expect(ro(page, 'majority')).toHaveText('0.952 · 0');
  await expect(page.getByTestId('cell-majority-accuracy')).toContainText('0.952');
  await expect(page.getByTestId('cell-majority-recall')).toHaveText('0.000');
  await expect(page.getByTestId('cell-majority-precision')).toHaveText('undefined');
  // SMOTE (the default method) balances the training set with 950 synthetic points.
  await expect(ro(page, 'train')).toHaveText('1000 : 1000 · 950 synthetic');
  const table = page.getByTestId('method-table');
  await expect(table.locator('tbody tr')).toHaveCount(7);
  // Every column has at least one best mark, and the majority rule never wins recall.
  for (const c of ['accuracy', 'precision', 'recall', 'f1', 'mcc', 'ap']) expect(await table.locator(`[data-testid$="-${c}"][data-best="true"]`).count()).toBeGreaterThan(0);
  await expect(page.getByTestId('cell-majority-recall')).toHaveAttribute('data-best', 'false');
  // A rebalanced model finds more minority points than the untreated one at the same threshold.
  const recall = async (m: string) => parseFloat(await page.getByTestId(`cell-${m}-recall`).innerText());
  expect(await recall('smote')).toBeGreaterThan(await recall('none'));
  await expect(page.locator('[data-computed-in="worker"]')).toBeVisible();
  expect(await loaded(page, /\/assets\/compute\.worker-[\w-]+\.js$/)).toHaveLength(1);
  expect(await loaded(page, /sensor-network/)).toEqual([]);
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});

test('the threshold moves by slider and by pressing on the PR curve; the link keeps it', async ({ page, browser }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'method=none');
  const r50 = await readoutNumber(page, 'recall');
  const slider = page.getByTestId('ctl-threshold');
  await slider.focus();
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowLeft');
  await poll(() => urlParam(page, 'threshold')).toBe('0.2');
  await waitReady(page);
  await expect(ro(page, 'threshold')).toHaveText('0.2');
  const r20 = await readoutNumber(page, 'recall');
  expect(r20).toBeGreaterThan(r50);

  // Press on the PR plot near recall 0.95: the threshold drops to that curve point's.
  const plot = page.getByRole('img', { name: /^Precision-recall on the test set/ });
  const box = (await plot.boundingBox())!;
  await plot.click({ position: { x: box.width * 0.9, y: box.height * 0.75 } });
  await poll(() => Number(urlParam(page, 'threshold'))).toBeLessThan(0.2);
  await waitReady(page);
  expect(await readoutNumber(page, 'threshold')).toBe(Number(urlParam(page, 'threshold')));
  expect(await readoutNumber(page, 'recall')).toBeGreaterThan(r20);
  await expectNoNaN(page);

  await expectLinkReopens(page, browser);
  expect(errors).toEqual([]);
});

test('a table row chooses the method shown: removed points, copies, weights', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG);
  await page.getByTestId('pick-undersample').click();
  await poll(() => urlParam(page, 'method')).toBe('undersample');
  await waitReady(page);
  await expect(ro(page, 'train')).toHaveText('50 : 50 · 950 removed');
  await expect(page.getByTestId('row-undersample')).toHaveAttribute('aria-current', 'true');
  await page.getByTestId('pick-weights').click();
  await poll(() => urlParam(page, 'method')).toBe('weights');
  await waitReady(page);
  // scikit-learn's balanced weight of a minority point: n / (2 n₁) = 1050 / 100.
  await expect(ro(page, 'train')).toHaveText('1000 : 50 · minority weight 10.5');
  await page.getByTestId('ctl-method').selectOption('oversample');
  await waitReady(page);
  await expect(ro(page, 'train')).toHaveText('1000 : 1000 · 950 copies');
  expect(await readoutValue(page, 'method')).toBe('Random oversampling');
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});

test('the real sensor data is fetched only when chosen, and its link reopens the same state', async ({ page, browser }) => {
  test.setTimeout(60_000);
  const errors = watchErrors(page);
  await openPanel(page, SLUG);
  await expect(page.getByTestId('ctl-overlap')).toHaveCount(1);
  await page.getByTestId('ctl-data').selectOption('sensors');
  // Motes 2 and 4 hold only 32 events: at 1 : 20 the test set keeps 640 normal readings.
  await expect(ro(page, 'test')).toHaveText('640 : 32', { timeout: 30_000 });
  await waitReady(page);
  await expect(page.getByTestId('panel-message')).toContainText('test set keeps 640 normal readings');
  expect(urlParam(page, 'data')).toBe('sensors');
  expect(await loaded(page, /sensor-network/)).toHaveLength(1);
  await expect(page.getByTestId('ctl-overlap')).toHaveCount(0);
  await expect(page.getByRole('img', { name: /^Training data/ })).toBeVisible();
  await expectNoNaN(page);

  await expectLinkReopens(page, browser);
  expect(errors).toEqual([]);
});
