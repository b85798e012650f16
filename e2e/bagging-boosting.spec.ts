/**
 * The bagging-boosting panel's own behaviours in the production build: the round is in the link
 * and a shared link reopens the same state; AdaBoost's α in the readout follows its formula from
 * the weighted error shown beside it; with stumps, boosting drives the training error far below
 * bagging's; gradient boosting's training MSE never rises; without bootstrap every bagged tree
 * is the same tree. The numbers come from the panel's worker under the production CSP.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectLinkReopens, expectNoNaN, expectStep, openPanel, poll, readoutValue, urlParam, waitReady, watchErrors } from './helpers';

const SLUG = 'bagging-boosting';

/** Worker scripts the page loaded (resource timing lists a worker's script): the panel's compute.worker chunk. */
const workerScripts = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((name) => /\.worker-[\w-]+\.js$/.test(name)));

/** The numbers of a readout row, in order ("0.213 · 1.307" → [0.213, 1.307]); typographic minus understood. */
async function numbers(page: Page, key: string): Promise<number[]> {
  return ((await readoutValue(page, key)).replace(/−/g, '-').match(/-?\d+(\.\d+)?(e[-+]?\d+)?/gi) ?? []).map(Number);
}

test('round by round: α follows its formula, boosting beats bagging’s bias, MSE never rises, the link holds the round', async ({ page, browser }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'round=1');
  await expect(page.getByTestId('ro-step')).toHaveText('1 of 200');
  // The first learner sees uniform weights: its α is ln((1 − err)/err) of the error shown.
  const check = async () => {
    const [err, alpha] = await numbers(page, 'alpha');
    expect(err).toBeGreaterThan(0);
    expect(err).toBeLessThan(0.5);
    expect(alpha).toBeCloseTo(Math.log((1 - err) / err), 2);
    await expect(page.getByTestId('alpha-formula').locator('.katex').first()).toBeVisible();
  };
  await check();
  const [err1] = await numbers(page, 'alpha');

  // A step is in the link; the next learner is fitted on new weights, so its error differs.
  await page.getByTestId('step').click();
  await expectStep(page, 2);
  await poll(() => urlParam(page, 'round')).toBe('2');
  await waitReady(page);
  await check();
  expect((await numbers(page, 'alpha'))[0]).not.toBe(err1);
  expect((await readoutValue(page, 'gb-change')).startsWith('+')).toBe(false);

  // Round 200 by the scrub slider's End key: stumps bagged keep their bias, boosted ones do not.
  const scrub = page.getByTestId('scrub');
  await scrub.focus();
  await scrub.press('End');
  await expectStep(page, 200);
  await waitReady(page);
  const [bagTrain] = await numbers(page, 'bag');
  const [adaTrain] = await numbers(page, 'ada');
  expect(adaTrain).toBeLessThan(bagTrain / 2);
  expect((await readoutValue(page, 'gb-change')).startsWith('+')).toBe(false);
  await expectNoNaN(page);

  // The shared link reopens the same state.
  await expectLinkReopens(page, browser);
  // Computed in the panel's two workers (one chunk, loaded twice: each computes half of a frame, halves.ts).
  const chunks = await workerScripts(page);
  expect(chunks).toHaveLength(2);
  expect(chunks[0]).toMatch(/\/assets\/compute\.worker-[\w-]+\.js$/);
  expect(chunks[1]).toBe(chunks[0]);
  expect(errors).toEqual([]);
});

test('without bootstrap every bagged tree is the same tree: more of them change nothing', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'round=1&depth=3');
  const withBootstrap = await readoutValue(page, 'bag-sample');
  expect(withBootstrap).toMatch(/distinct of 150 points/);
  await page.getByTestId('ctl-bootstrap').uncheck();
  await poll(() => urlParam(page, 'bootstrap')).toBe('0');
  await waitReady(page);
  await expect(page.getByTestId('ro-bag-sample')).toHaveText('all 150 points once (no bootstrap)');
  const one = await readoutValue(page, 'bag');
  for (let k = 0; k < 3; k++) await page.getByTestId('step').click();
  await expectStep(page, 4);
  await waitReady(page);
  expect(await readoutValue(page, 'bag')).toBe(one);
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});
