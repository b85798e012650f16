/**
 * The backpropagation panel's own behaviours, on few page loads: the three gradients agree in the
 * browser (tfjs in the worker, on its real backend); → and ← step one node at a time and the link
 * follows; clicking or pressing Enter on an edge selects its weight (in the link and in the
 * chain rule); "Apply update" lowers the loss and replays from the link; weight fields are
 * validated and clamped; ReLU's kink is flagged; a diverging learning rate says so, with no NaN.
 */
import { expect, test, type Page } from '@playwright/test';
import { addressSettled, expectNoNaN, expectStep, openPanel, poll, readoutValue, urlParam, waitReady, watchErrors } from './helpers';

const SLUG = 'backpropagation';

/** The numbers in a readout row, in order ("−" read as a minus). */
async function numbers(page: Page, key: string): Promise<number[]> {
  const t = (await readoutValue(page, key)).replace(/−/g, '-');
  return [...t.matchAll(/-?\d+(\.\d+)?(e-?\d+)?/gi)].map((m) => Number(m[0]));
}

test('three gradients agree; stepping, selecting, updating and editing weights all go through the link', async ({ page }) => {
  test.setTimeout(60_000);
  const errors = watchErrors(page);
  await openPanel(page, SLUG);
  await expectStep(page, 9);

  // Agreement: the readout's two largest disagreements are within their tolerances.
  await expect(page.getByTestId('ro-agree')).not.toContainText('computing');
  const [fdGap, tfGap] = await numbers(page, 'agree');
  expect(fdGap).toBeLessThan(1e-6);
  expect(tfGap).toBeLessThan(1e-4);
  await expect(page.getByTestId('grad-table').locator('tbody tr')).toHaveCount(13);

  // One node at a time with the keyboard: step 10 is the next update's start, then back.
  await page.locator('h1').click();
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 10);
  await poll(() => urlParam(page, 'step')).toBe('10');
  await expect(page.getByTestId('ro-step')).toContainText('update 1');
  await page.keyboard.press('Home');
  await expectStep(page, 0);
  await expect(page.getByTestId('network')).toContainText('?'); // nothing computed yet
  for (const n of [1, 2]) {
    await page.keyboard.press('ArrowRight');
    await expectStep(page, n);
  }
  await expect(page.getByTestId('ro-step')).toContainText('forward pass at h₂');

  // Selecting: a click on W2₁'s edge, then Enter on W1₂₁'s.
  await page.getByTestId('edge-9').click();
  await poll(() => urlParam(page, 'sel')).toBe('W2_1');
  await expect(page.getByTestId('ro-selected')).toContainText('gradient');
  await expect(page.locator('.readout')).toContainText('Selected: W2₁');
  await expect(page.getByTestId('edge-9')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('edge-2').focus();
  await page.keyboard.press('Enter');
  await poll(() => urlParam(page, 'sel')).toBe('W1_21');
  await expect(page.getByTestId('chain')).toContainText('x');
  await expectStep(page, 2); // Enter selected; it did not step

  // Apply update: the next full pass, with a lower loss.
  await page.getByTestId('step').click(); // from step 2 to 3
  await expectStep(page, 3);
  const [before] = await numbers(page, 'loss');
  await page.getByTestId('apply-update').click();
  await expectStep(page, 19);
  await waitReady(page);
  const [after] = await numbers(page, 'loss');
  expect(after).toBeLessThan(before);
  await addressSettled(page); // the address follows the update a moment later
  const link = page.url();

  // Weight fields: a valid number is written at once; an out-of-range one is clamped on leaving.
  const b2 = page.getByTestId('w-12');
  await b2.fill('0.5');
  await poll(() => urlParam(page, 'b2')).toBe('0.5');
  await b2.fill('99');
  await expect(b2).toHaveAttribute('aria-invalid', 'true');
  await b2.blur();
  await expect(b2).toHaveValue('10');
  await poll(() => urlParam(page, 'b2')).toBe('10');
  await waitReady(page);
  await expectNoNaN(page);

  // The link after one update replays to the same loss.
  await page.goto(link);
  await waitReady(page);
  expect((await numbers(page, 'loss'))[0]).toBe(after);
  expect(errors).toEqual([]);
});

test('degenerate settings: ReLU at its kink is flagged; a diverging learning rate stops with a message', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'activation=relu&W1=0.5,1,-0.15,-1.45,-1.04,0.03&b1=0,0.01,-0.09');
  await expect(page.getByTestId('grad-table').locator('.bp-kink')).toHaveCount(3);
  await expect(page.locator('.pl-notes')).toContainText('kink');
  const [fdGap, tfGap] = await numbers(page, 'agree');
  expect(fdGap).toBeLessThan(1e-6); // the kink's parameters are left out of the comparison
  expect(tfGap).toBeLessThan(1e-4);

  await openPanel(page, SLUG, 'head=linear-mse&lr=50&x1=3&x2=3&step=1009');
  await expect(page.locator('.pl-notes')).toContainText('learning rate is too big');
  await expect(page.getByTestId('apply-update')).toBeDisabled();
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});

test('"Draw new weights" writes a new seed and its weights into the link', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG);
  const w1 = await page.getByTestId('w-0').inputValue();
  const [seed, W1] = [urlParam(page, 'seed'), urlParam(page, 'W1')];
  await page.getByTestId('new-seed').click();
  await poll(() => urlParam(page, 'seed')).not.toBe(seed);
  await poll(() => urlParam(page, 'W1')).not.toBe(W1);
  await expect(page.getByTestId('w-0')).not.toHaveValue(w1);
  await waitReady(page);
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});
