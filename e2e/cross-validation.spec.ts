/**
 * The cross-validation panel's own behaviours: the default link shows known numbers; the
 * gallery's buttons choose the scored scheme (and the time-series controls appear with it);
 * impossible settings say why, with no NaN anywhere; the leak demo switches between its two
 * leaks; the three computations run in the panel's worker under the production CSP, and after
 * quick changes (superseded runs cancelled there) the page shows what a fresh load of its link does.
 */
import { expect, test, type Page } from '@playwright/test';
import { addressSettled, expectNoNaN, openPanel, poll, readoutNumber, readoutText, urlParam, waitReady, watchErrors } from './helpers';

const SLUG = 'cross-validation';
const ro = (page: Page, id: string) => page.getByTestId(`ro-${id}`);

/** Worker scripts the page loaded (resource timing lists a worker's script): the panel's compute.worker chunk. */
const workerScripts = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((name) => /\.worker-[\w-]+\.js$/.test(name)));

test('the default link shows the known numbers and all six splitters', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG);
  await expect(ro(page, 'data')).toHaveText('30 samples · 6 groups · class 1: 9');
  await expect(ro(page, 'scheme')).toHaveText('k-fold, shuffled');
  await expect(ro(page, 'splits')).toHaveText('5 splits · train 24 · test 6');
  await expect(ro(page, 'score')).toHaveText('0.8 ± 0.14');
  await expect(ro(page, 'baseline')).toHaveText('0.7');
  await expect(ro(page, 'fresh')).toHaveText('0.844');
  await expect(ro(page, 'best')).toHaveText('7 · 13');
  await expect(ro(page, 'leaky')).toHaveText('0.908');
  await expect(ro(page, 'honest')).toHaveText('0.503');
  // One split scatters more than the k-fold mean.
  const single = await readoutNumber(page, 'sd-single');
  const kfold = await readoutNumber(page, 'sd-kfold');
  expect(kfold).toBeLessThan(single / 2);
  for (const s of ['kfold', 'shuffle', 'stratified', 'loo', 'timeseries', 'group'])
    await expect(page.getByTestId(`grid-${s}`).locator('canvas[role="img"]')).toHaveAttribute('aria-label', /splits/);
  await expect(page.getByTestId('grid-loo').locator('canvas')).toHaveAttribute('aria-label', /30 splits · train 29 · test 1/);
  await expect(page.getByTestId('pick-shuffle')).toHaveAttribute('aria-pressed', 'true');
  await expectNoNaN(page);
  // These numbers came from the panel's worker (the page no longer computes them): one chunk,
  // loaded by two workers (the leak demo's data sets are split between them).
  const chunks = await workerScripts(page);
  expect(chunks).toHaveLength(2);
  expect(chunks[0]).toMatch(/\/assets\/compute\.worker-[\w-]+\.js$/);
  expect(chunks[1]).toBe(chunks[0]);
  expect(errors).toEqual([]);
});

test('quick changes: the worker drops superseded runs and the page ends on what its link computes', async ({ page, browser }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG);
  // Each step of the features slider starts a new leak run (hundreds of ms at 500+ features)
  // and of nothing else; steps of k rerun all three. Pressed faster than they finish.
  const features = page.getByTestId('ctl-features');
  await features.focus();
  for (let i = 0; i < 5; i++) await features.press('ArrowRight');
  const k = page.getByTestId('ctl-k');
  await k.focus();
  for (let i = 0; i < 3; i++) await k.press('ArrowRight');
  await poll(() => urlParam(page, 'k')).not.toBe(null);
  await poll(() => urlParam(page, 'features')).not.toBe(null);
  await waitReady(page);
  const shown = await readoutText(page);
  // The address is written once the settings have been still a moment (useUrlSync): copy it then.
  await addressSettled(page);

  const fresh = await browser.newPage();
  const freshErrors = watchErrors(fresh);
  await fresh.goto(page.url());
  await waitReady(fresh);
  expect(await readoutText(fresh)).toBe(shown);
  expect(await workerScripts(fresh)).toHaveLength(2);
  await fresh.close();
  expect([...errors, ...freshErrors]).toEqual([]);
});

test('a gallery button chooses the scored scheme; time-series controls come with it', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG);
  await expect(page.getByTestId('ctl-gap')).toHaveCount(0);

  await page.getByTestId('pick-loo').click();
  await poll(() => urlParam(page, 'scheme')).toBe('loo');
  await waitReady(page);
  await expect(ro(page, 'scheme')).toHaveText('Leave-one-out');
  await expect(ro(page, 'splits')).toHaveText('30 splits · train 29 · test 1');
  await expect(page.getByTestId('pick-loo')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('pick-shuffle')).toHaveAttribute('aria-pressed', 'false');

  await page.getByTestId('pick-timeseries').click();
  await poll(() => urlParam(page, 'scheme')).toBe('timeseries');
  await waitReady(page);
  // sklearn's TimeSeriesSplit(5) on 30 samples: test windows of 5, training 5, 10, …, 25.
  await expect(ro(page, 'splits')).toHaveText('5 splits · train 5–25 · test 5');
  const gap = page.getByTestId('ctl-gap');
  await expect(gap).toBeVisible();
  await gap.focus();
  await gap.press('ArrowRight');
  await gap.press('ArrowRight');
  await poll(() => urlParam(page, 'gap')).toBe('2');
  await waitReady(page);
  await expect(ro(page, 'splits')).toHaveText('5 splits · train 3–23 · test 5');
  expect(errors).toEqual([]);
});

test('impossible settings say why, score nothing and never show NaN', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'scheme=group&groups=3&folds=5');
  await expect(page.getByTestId('panel-message')).toContainText('Group k-fold needs at least 5 groups for 5 folds');
  await expect(ro(page, 'score')).toHaveText('—');
  await expect(ro(page, 'best')).toHaveText('—');
  await expect(page.getByTestId('grid-group')).toContainText('needs at least 5 groups');
  await expectNoNaN(page);

  await openPanel(page, SLUG, 'scheme=timeseries&n=12&folds=10&gap=5');
  await expect(page.getByTestId('panel-message')).toContainText('leave no sample to train the first split on');
  await expect(ro(page, 'score')).toHaveText('—');
  await expectNoNaN(page);

  // The group leak cannot be scored honestly with fewer groups than folds either.
  await openPanel(page, SLUG, 'leak=groups&groups=3&folds=5');
  await expect(ro(page, 'honest')).toHaveText('—');
  await expectNoNaN(page);

  // The largest settings still finish.
  await openPanel(page, SLUG, 'n=60&folds=10&scheme=loo&repeats=200&features=2000&keep=50&k=25');
  await expect(ro(page, 'splits')).toHaveText('60 splits · train 59 · test 1');
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});

test('the leak demo switches from feature selection to grouped data', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG);
  await expect(page.getByTestId('ctl-features')).toBeVisible();
  await page.getByTestId('ctl-leak').selectOption('groups');
  await poll(() => urlParam(page, 'leak')).toBe('groups');
  await waitReady(page);
  await expect(page.getByTestId('ctl-features')).toHaveCount(0);
  await expect(page.getByText('Leaky CV (shuffled)')).toBeVisible();
  await expect(page.getByText(/Honest CV \(new groups 0\.\d+\)/)).toBeVisible();
  // A strong group effect: shuffled k-fold scores above group k-fold.
  await openPanel(page, SLUG, 'leak=groups&groupEffect=1');
  const leaky = await readoutNumber(page, 'leaky');
  const honest = await readoutNumber(page, 'honest');
  expect(leaky).toBeGreaterThan(honest + 0.04);
  expect(errors).toEqual([]);
});
