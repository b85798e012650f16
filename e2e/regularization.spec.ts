/**
 * The regularization panel's own behaviours: a known link shows known numbers (lasso keeps one of a
 * correlated group, the elastic net all three); the λ slider moves only the current point, not the
 * path; above λ_max every weight is 0; the mixing slider appears only for the elastic net; p > n
 * with ridge at tiny λ says the problem is ill-posed, with no NaN anywhere. The path is computed in
 * the panel's worker (its script loads under the production CSP); the λ slider solves on the page.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoNaN, openPanel, poll, readoutChangedFrom, readoutNumber, readoutText, urlParam, waitReady, watchErrors } from './helpers';

const SLUG = 'regularization';
const GROUP = 'p=10&n=40&k=3&noise=1.5&rho=0.99&seed=9&lambda=1';
const ro = (page: Page, key: string) => page.getByTestId(`ro-${key}`);

/** Worker scripts the page loaded (resource timing lists a worker's script): the panel's compute.worker chunk. */
const workerScripts = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((name) => /\.worker-[\w-]+\.js$/.test(name)));

test('a correlated group: the lasso keeps one weight, the elastic net keeps all three', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, `penalty=l1&${GROUP}`);
  await expect(ro(page, 'nonzero')).toHaveText('1 of 10');
  await expect(ro(page, 'block')).toHaveText('0, 3.08, 0');
  await expect(ro(page, 'sklearn')).toHaveText('Lasso(alpha=1)');
  await expect(page.getByRole('img', { name: /penalty diamond; the solution touches it at w₁ = 0, w₂ = 3\.08/ })).toBeVisible();

  await openPanel(page, SLUG, `penalty=elasticnet&mix=0.3&${GROUP}`);
  await expect(ro(page, 'nonzero')).toHaveText('3 of 10');
  await expect(ro(page, 'block')).toHaveText('0.99, 1.09, 1.01');
  await expect(ro(page, 'sklearn')).toHaveText('ElasticNet(alpha=1, l1_ratio=0.3)');
  // The path behind these numbers came from the panel's worker (the page no longer computes it).
  expect(await workerScripts(page)).toEqual([expect.stringMatching(/\/assets\/compute\.worker-[\w-]+\.js$/)]);
  expect(errors).toEqual([]);
});

test('the λ slider moves the current point but not the path', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG);
  const lambdaMax = await ro(page, 'lambda-max').innerText();
  const best = await ro(page, 'best').innerText();
  const slider = page.getByTestId('ctl-lambda');
  await slider.focus();
  const before = await readoutText(page);
  for (let k = 0; k < 10; k++) await slider.press('ArrowRight');
  await readoutChangedFrom(page, before);
  // The slider moves in steps of 0.05 in log10 λ on the grid −4 + 0.05k, so 0.3 snaps up to 10^0.
  await expect(ro(page, 'lambda-max')).toHaveText(lambdaMax);
  await expect(ro(page, 'best')).toHaveText(best);
  expect(errors).toEqual([]);
});

test('at and above λ_max every lasso weight is exactly zero', async ({ page }) => {
  await openPanel(page, SLUG, 'lambda=10');
  await expect(ro(page, 'nonzero')).toHaveText('0 of 20');
  await expect(ro(page, 'norms')).toHaveText('0 and 0');
  expect(await readoutNumber(page, 'lambda-max')).toBeLessThan(10);
  await expect(page.getByRole('img', { name: /penalty diamond/ })).toBeVisible();
  await expectNoNaN(page);
});

test('the mixing slider appears for the elastic net only', async ({ page }) => {
  await openPanel(page, SLUG);
  await expect(page.getByTestId('ctl-mix')).toHaveCount(0);
  await page.getByTestId('ctl-penalty').selectOption('elasticnet');
  await waitReady(page);
  await expect(page.getByTestId('ctl-mix')).toBeVisible();
  await poll(() => urlParam(page, 'penalty')).toBe('elasticnet');
  await page.getByTestId('ctl-penalty').selectOption('l2');
  await waitReady(page);
  await expect(page.getByTestId('ctl-mix')).toHaveCount(0);
  await expect(ro(page, 'nonzero')).toHaveText('20 of 20');
  await expect(ro(page, 'lambda-max')).toHaveText('none: ridge never zeroes a weight');
});

test('more features than samples: ridge at tiny λ says ill-posed; nothing is NaN', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'p=60&n=10&penalty=l2&lambda=0.0001&rho=0.99');
  await expect(page.getByTestId('panel-message').first()).toContainText('ill-posed');
  await expect(ro(page, 'nonzero')).toHaveText('60 of 60');
  await expectNoNaN(page);
  // The same wide problem with the lasso and the elastic net at small λ.
  for (const q of ['p=60&n=10&penalty=l1&lambda=0.0001', 'p=60&n=10&penalty=elasticnet&mix=0.05&rho=0.99&lambda=0.0001']) {
    await openPanel(page, SLUG, q);
    await expect(page.getByTestId('panel-message').first()).toContainText('More features (60) than samples (10)');
    await expectNoNaN(page);
  }
  expect(errors).toEqual([]);
});

test('new random data changes the numbers and the link', async ({ page }) => {
  await openPanel(page, SLUG);
  const before = await readoutText(page);
  await page.getByTestId('new-seed').click();
  await readoutChangedFrom(page, before);
  await poll(() => urlParam(page, 'seed')).not.toBe('1');
  expect(urlParam(page, 'seed')).toMatch(/^\d+$/);
});
