/**
 * The missing-data panel's own behaviours in the production build: the default link (MAR) shows
 * the observed mean of y biased low and regression on z removing the bias, all methods in one
 * table computed in the panel's worker; the mechanism and the rate (by keyboard) reach the
 * readout and the link at once; the table's rows choose the method shown; imputing before the
 * split lowers the leaky test error below the complete data's; a shared link reopens the same state.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectLinkReopens, expectNoNaN, openPanel, poll, readoutNumber, readoutValue, urlParam, waitReady, watchErrors } from './helpers';

const SLUG = 'missing-data';
const cell = (page: Page, row: string, col: string) => page.getByTestId(`cell-${row}-${col}`);
/** The average in a "0.123 ± 0.045" cell. */
const avg = async (page: Page, row: string, col: string) => parseFloat((await cell(page, row, col).innerText()).replace('−', '-'));
/** Script URLs the page loaded (resource timing): the worker chunk. */
const loaded = (page: Page, re: RegExp) => page.evaluate((src) => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => new RegExp(src).test(n)), re.source);

test('the default link: MAR biases the observed mean, regression on z removes it, from the worker', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG);
  await waitReady(page);
  await expect(page.getByTestId('ro-setting')).toHaveText('MAR · 30 %');
  await expect(page.getByTestId('method-table').locator('tbody tr')).toHaveCount(7);
  // Mean imputation's mean is the observed mean: biased low; regression (which sees z) is not.
  expect(await avg(page, 'mean', 'meanY')).toBeLessThan(-0.15);
  expect(Math.abs(await avg(page, 'regression', 'meanY'))).toBeLessThan(0.08);
  // Mean imputation shrinks the variance below the complete data's.
  expect(await avg(page, 'mean', 'varY')).toBeLessThan(await avg(page, 'complete', 'varY') - 0.2);
  expect(await readoutNumber(page, 'observed')).toBeLessThan(-0.15);
  await expect(page.getByRole('img', { name: /^Scatter of the first data set after Mean/ })).toBeVisible();
  await expect(page.locator('[data-computed-in="worker"]')).toBeVisible();
  // Two workers, each on every other data set (useStudy.ts), from the one worker chunk.
  const chunks = await loaded(page, /\/assets\/compute\.worker-[\w-]+\.js$/);
  expect(chunks).toHaveLength(2);
  expect(new Set(chunks).size).toBe(1);
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});

test('mechanism, rate by keyboard and the table rows reach the readout and the link', async ({ page, browser }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'draws=20');
  await waitReady(page);
  await page.getByTestId('ctl-mechanism').selectOption('mcar');
  await expect(page.getByTestId('ro-setting')).toHaveText('MCAR · 30 %');
  await poll(() => urlParam(page, 'mechanism')).toBe('mcar');
  await waitReady(page);
  // Completely at random the observed mean is unbiased.
  expect(Math.abs(await avg(page, 'mean', 'meanY'))).toBeLessThan(0.08);

  const slider = page.getByTestId('ctl-rate');
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await poll(() => urlParam(page, 'rate')).toBe('0.4');
  await expect(page.getByTestId('ro-setting')).toHaveText('MCAR · 40 %');
  await waitReady(page);
  const share = (await readoutValue(page, 'share')).split('·').map((s) => parseFloat(s));
  for (const v of share.slice(0, 2)) expect(Math.abs(v - 40)).toBeLessThan(3);

  await page.getByTestId('pick-iterative').click();
  await poll(() => urlParam(page, 'method')).toBe('iterative');
  await expect(page.getByTestId('row-iterative')).toHaveAttribute('aria-current', 'true');
  expect(await readoutValue(page, 'method')).toBe('Iterative (chained regressions)');
  await expect(page.getByRole('img', { name: /^Scatter of the first data set after Iterative/ })).toBeVisible();
  await expectNoNaN(page);

  await expectLinkReopens(page, browser);
  expect(errors).toEqual([]);
});

test('imputing before the split: the leak measured, the leaky error below the complete data’s', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'draws=20&method=iterative');
  await waitReady(page);
  const honest = await avg(page, 'iterative', 'mse');
  await page.getByTestId('ctl-split').selectOption('before');
  await poll(() => urlParam(page, 'split')).toBe('before');
  await waitReady(page);
  const leaky = await avg(page, 'iterative', 'mse');
  expect(leaky).toBeLessThan(honest);
  expect(leaky).toBeLessThan(await avg(page, 'complete', 'mse'));
  // The leak column is the per-data-set difference: its average is honest − leaky.
  expect(await avg(page, 'iterative', 'leak')).toBeCloseTo(honest - leaky, 2);
  // Dropping rows and the mean imputer do not read the target: nothing (or next to nothing) leaks.
  expect(await avg(page, 'drop', 'leak')).toBe(0);
  expect(Math.abs(await avg(page, 'mean', 'leak'))).toBeLessThan(0.05);
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});
