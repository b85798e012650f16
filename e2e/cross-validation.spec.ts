/**
 * The cross-validation panel's own behaviours: the default link shows known numbers; the
 * gallery's buttons choose the scored scheme (and the time-series controls appear with it);
 * impossible settings say why, with no NaN anywhere; the leak demo switches between its two
 * leaks.
 */
import { expect, test, type Page } from '@playwright/test';
import { openPanel, waitReady, watchErrors } from './helpers';

const SLUG = 'cross-validation';
const ro = (page: Page, id: string) => page.getByTestId(`ro-${id}`);
const urlParam = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

/** Nothing on the page reads NaN: not the text, not an SVG attribute. */
async function expectNoNaN(page: Page): Promise<void> {
  expect(await page.locator('body').innerText()).not.toContain('NaN');
  const bad = await page.evaluate(() =>
    Array.from(document.querySelectorAll('svg *')).filter((el) => Array.from(el.attributes).some((a) => a.value.includes('NaN'))).length,
  );
  expect(bad).toBe(0);
}

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
  const single = Number(await ro(page, 'sd-single').innerText());
  const kfold = Number(await ro(page, 'sd-kfold').innerText());
  expect(kfold).toBeLessThan(single / 2);
  for (const s of ['kfold', 'shuffle', 'stratified', 'loo', 'timeseries', 'group'])
    await expect(page.getByTestId(`grid-${s}`).locator('canvas[role="img"]')).toHaveAttribute('aria-label', /splits/);
  await expect(page.getByTestId('grid-loo').locator('canvas')).toHaveAttribute('aria-label', /30 splits · train 29 · test 1/);
  await expect(page.getByTestId('pick-shuffle')).toHaveAttribute('aria-pressed', 'true');
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});

test('a gallery button chooses the scored scheme; time-series controls come with it', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG);
  await expect(page.getByTestId('ctl-gap')).toHaveCount(0);

  await page.getByTestId('pick-loo').click();
  await expect.poll(() => urlParam(page, 'scheme')).toBe('loo');
  await waitReady(page);
  await expect(ro(page, 'scheme')).toHaveText('Leave-one-out');
  await expect(ro(page, 'splits')).toHaveText('30 splits · train 29 · test 1');
  await expect(page.getByTestId('pick-loo')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('pick-shuffle')).toHaveAttribute('aria-pressed', 'false');

  await page.getByTestId('pick-timeseries').click();
  await expect.poll(() => urlParam(page, 'scheme')).toBe('timeseries');
  await waitReady(page);
  // sklearn's TimeSeriesSplit(5) on 30 samples: test windows of 5, training 5, 10, …, 25.
  await expect(ro(page, 'splits')).toHaveText('5 splits · train 5–25 · test 5');
  const gap = page.getByTestId('ctl-gap');
  await expect(gap).toBeVisible();
  await gap.focus();
  await gap.press('ArrowRight');
  await gap.press('ArrowRight');
  await expect.poll(() => urlParam(page, 'gap')).toBe('2');
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
  await expect.poll(() => urlParam(page, 'leak')).toBe('groups');
  await waitReady(page);
  await expect(page.getByTestId('ctl-features')).toHaveCount(0);
  await expect(page.getByText('Leaky CV (shuffled)')).toBeVisible();
  await expect(page.getByText(/Honest CV \(new groups 0\.\d+\)/)).toBeVisible();
  // A strong group effect: shuffled k-fold scores above group k-fold.
  await openPanel(page, SLUG, 'leak=groups&groupEffect=1');
  const leaky = Number(await ro(page, 'leaky').innerText());
  const honest = Number(await ro(page, 'honest').innerText());
  expect(leaky).toBeGreaterThan(honest + 0.04);
  expect(errors).toEqual([]);
});
