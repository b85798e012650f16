/**
 * The cnn panel's own behaviours, in two page loads. Kernel mode: the output-size formula and the
 * readout follow stride, padding and dilation; kernel fields and presets write the link; a typed
 * non-number is ignored; drawing with the pointer writes the drawing to the link and a fresh page
 * shows the same readout; clearing and picking a digit; a damaged drawing in a link is repaired
 * with a notice. Network mode (tiny setting): untrained until Train, trains in the panel's worker
 * with progress, the readout and the probabilities follow, and its tensors go when it is left.
 */
import { expect, test, type Page } from '@playwright/test';
import { addressSettled, expectNoNaN, liveTensors, openPanel, poll, readoutText, readoutValue, urlParam, waitReady, watchErrors } from './helpers';

const SLUG = 'cnn';
const workerTensors = (page: Page) => page.evaluate(() => (window as unknown as { __mlWorkerTensors?: () => number }).__mlWorkerTensors?.() ?? 0);

test('kernel mode: sizes follow the formula, the kernel and the drawing travel in the link', async ({ page, browser }) => {
  test.setTimeout(60_000);
  const errors = watchErrors(page);
  await openPanel(page, SLUG);
  await expect(page.getByTestId('ro-out-size')).toHaveText('14 × 14');
  await expect(page.getByTestId('ro-pooled')).toHaveText('7 × 7 (window 2, stride 2)');
  await expect(page.getByTestId('ro-step')).toHaveText('47 of 195 (row 3, column 5; all counted from 0)');
  // The multiply-add's sum is the output at the position.
  expect(await page.getByTestId('madd-sum').innerText()).toBe(await readoutValue(page, 'value'));

  // Stride 2, padding 1: floor((16 + 2 − 2 − 1)/2) + 1 = 8, written out in the formula.
  await page.getByTestId('ctl-stride').focus();
  await page.keyboard.press('ArrowRight');
  await page.getByTestId('ctl-pad').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('ro-out-size')).toHaveText('8 × 8');
  await expect(page.getByTestId('size-formula')).toContainText('= 8');
  // Dilation 3 widens the window to 7 × 7: floor((16 + 2 − 6 − 1)/2) + 1 = 6.
  await page.getByTestId('ctl-dil').focus();
  await page.keyboard.press('End');
  await expect(page.getByTestId('ro-out-size')).toHaveText('6 × 6');
  await expect(page.getByTestId('ro-field')).toHaveText('7 × 7 input pixels');
  await poll(() => urlParam(page, 'dil')).toBe('3');

  // A kernel field: a number is written to the link; text that is not one is ignored.
  const field = page.getByTestId('kernel-4');
  await field.fill('3');
  await expect(page.getByTestId('ro-kernel')).toHaveText('custom');
  await poll(() => urlParam(page, 'k')).toBe('-1,0,1,-2,3,2,-1,0,1');
  await field.fill('abc');
  await field.blur();
  await expect(field).toHaveValue('3');
  await page.getByTestId('ctl-preset').selectOption('sobelY');
  await expect(page.getByTestId('ro-kernel')).toHaveText('Sobel y (horizontal edges)');
  await expectNoNaN(page);

  // Clear, then draw a stroke with the mouse: the drawing goes in the link.
  await page.getByTestId('clear-drawing').click();
  await expect(page.getByTestId('input-name')).toHaveText('your drawing');
  await expect(page.getByTestId('ro-range')).toHaveText('0 … 0');
  await page.getByTestId('input-canvas').scrollIntoViewIfNeeded();
  const box = (await page.getByTestId('input-canvas').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.7, { steps: 8 });
  await page.mouse.up();
  await poll(() => (urlParam(page, 'img') ?? '').length).toBeGreaterThan(12);
  await expect(page.getByTestId('ro-range')).not.toHaveText('0 … 0');
  await waitReady(page);
  // The address follows the stroke a moment later: copy it once it has stopped changing.
  await addressSettled(page);
  const drawn = await readoutText(page);
  const fresh = await browser.newPage();
  await openPanel(fresh, SLUG, new URL(page.url()).search.slice(1));
  expect(await readoutText(fresh)).toBe(drawn);
  await fresh.close();

  // Picking a digit without a pointer drops the drawing.
  await page.getByTestId('ctl-digit').selectOption('7');
  await expect(page.getByTestId('input-name')).toHaveText('digit 7 (clean)');
  await poll(() => urlParam(page, 'img')).toBe('');
  await page.getByTestId('next-variant').click();
  await expect(page.getByTestId('input-name')).toHaveText('digit 7 (handwriting #1)');

  // A damaged drawing in a link: repaired, said, and never rendered as markup.
  await openPanel(page, SLUG, 'img=%3Cb%3Ex%3C%2Fb%3Eff');
  await expect(page.getByTestId('panel-message')).toContainText('unknown character');
  await expect(page.locator('.workbench b', { hasText: 'x' })).toHaveCount(0);
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});

test('network mode: untrained until Train, trains in the worker, releases its tensors when left', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'mode=network&f1=2&f2=4&steps=50&digit=1');
  await expect(page.getByTestId('ro-step')).toHaveText('0 of 0');
  await expect(page.getByTestId('train')).toHaveText('Train 50 steps');
  await expect(page.getByTestId('retrain-time')).toContainText('here');
  await expect(page.getByTestId('backend')).toHaveAttribute('data-computed-in', 'worker');
  const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  expect(scripts.filter((n) => /tfjs|backend-wasm|\.wasm/.test(n))).toEqual([]);
  const before = await readoutValue(page, 'acc');

  await page.getByTestId('train').click();
  await poll(() => urlParam(page, 'train')).toBe('1');
  await expect(page.getByTestId('ro-step')).toHaveText('50 of 50', { timeout: 45_000 });
  await waitReady(page);
  expect(await readoutValue(page, 'acc')).not.toBe(before);
  await expect(page.getByTestId('ro-reached')).toBeVisible();
  await expect(page.locator('[aria-label="Feature maps of every layer for the input image"] canvas')).toHaveCount(2 + 2 + 4 + 4);
  await expectNoNaN(page);

  // Reset to untrained: back to step 0 from the checkpoint.
  await page.getByTestId('untrain').click();
  await expect(page.getByTestId('ro-step')).toHaveText('0 of 0');
  await waitReady(page);
  expect(await readoutValue(page, 'acc')).toBe(before);

  // Leaving the network mode ends its worker and its tensors.
  await page.getByTestId('mode-kernel').click();
  await waitReady(page);
  await poll(() => workerTensors(page)).toBe(0);
  expect(await liveTensors(page)).toBe(0);
  expect(errors).toEqual([]);
});
