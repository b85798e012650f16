/**
 * The vanishing-gradients panel's own behaviours: stepping and playing move the training step in
 * the readout and the link; a link to step N replays to the same readout as stepping there; the
 * default network's numbers; exploding, overflowing and depth-1 networks give a message and no
 * NaN anywhere; at most two presets are compared; the WebGL path agrees with WASM.
 */
import { expect, test, type Page } from '@playwright/test';
import { openPanel, readoutText, waitReady, watchErrors } from './helpers';

const SLUG = 'vanishing-gradients';

const stepCell = (page: Page) => page.getByTestId('ro-step');
const urlParam = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

async function expectStep(page: Page, n: number): Promise<void> {
  await expect(stepCell(page)).toHaveText(`${n} of 200`);
  await expect.poll(() => urlParam(page, 'step'), { message: `the link should say step=${n}` }).toBe(String(n));
}

/** Nothing on the page reads NaN: not the text, not an SVG path or attribute. */
async function expectNoNaN(page: Page): Promise<void> {
  expect(await page.locator('body').innerText()).not.toContain('NaN');
  const bad = await page.evaluate(() =>
    Array.from(document.querySelectorAll('svg *')).filter((el) => Array.from(el.attributes).some((a) => a.value.includes('NaN'))).length,
  );
  expect(bad).toBe(0);
}

/** The number after `label` in a readout cell's text. */
function numberAfter(text: string, label: string): number {
  const m = new RegExp(`${label}\\s*([−\\-0-9.e+]+)`).exec(text);
  return m ? Number(m[1].replace('−', '-').replace('−', '-')) : NaN;
}

test('step buttons, keys and play move the training step in the readout and in the link', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'compare=relu-he&step=3');
  await expectStep(page, 3);

  await page.getByTestId('step').click();
  await expectStep(page, 4);
  await page.getByTestId('step-back').click();
  await page.getByTestId('step-back').click();
  await expectStep(page, 2);

  await page.locator('h1').click();
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 3);
  await page.keyboard.press('ArrowLeft');
  await expectStep(page, 2);

  // Space plays (training runs on animation frames), Space again pauses.
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', /Pause/);
  await expect.poll(async () => Number((await stepCell(page).innerText()).split(' ')[0]), { timeout: 20_000 }).toBeGreaterThan(8);
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', /Play/);
  await waitReady(page);
  const paused = Number((await stepCell(page).innerText()).split(' ')[0]);
  await page.waitForTimeout(400);
  await expectStep(page, paused);

  await page.keyboard.press('Home');
  await expectStep(page, 0);
  expect(errors).toEqual([]);
});

test('a link to step N shows the same readout as stepping there from an earlier step', async ({ page, browser }) => {
  const errors = watchErrors(page);
  const query = 'compare=relu-he,sigmoid-bn&depth=12&step=6';
  await openPanel(page, SLUG, query);
  await page.getByTestId('step').click();
  await page.getByTestId('step').click();
  await expectStep(page, 8);
  await waitReady(page);
  const stepped = await readoutText(page);

  const fresh = await browser.newPage();
  const freshErrors = watchErrors(fresh);
  await openPanel(fresh, SLUG, query.replace('step=6', 'step=8'));
  await expect(fresh.getByTestId('ro-step')).toHaveText('8 of 200');
  expect(await readoutText(fresh)).toBe(stepped);
  await fresh.close();
  expect(freshErrors).toEqual([]);
  expect(errors).toEqual([]);
});

test('the default network at initialisation: sigmoid vanishes, ReLU with He init does not', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'step=0');
  const main = await page.getByTestId('ro-main').innerText();
  // PyTorch-checked model, our seeded weights: layer 1 gets ~1.3e-4 of layer 20's gradient.
  const ratio = numberAfter(main, 'layer 1 ÷ layer 20:');
  expect(ratio).toBeGreaterThan(1.2e-4);
  expect(ratio).toBeLessThan(1.45e-4);
  expect(main).toContain('vanishing');
  const relu = await page.getByTestId('ro-relu-he').innerText();
  const r2 = numberAfter(relu, 'layer 1 ÷ layer 20:');
  expect(r2).toBeGreaterThan(0.1);
  expect(r2).toBeLessThan(10);
  expect(relu).toContain('healthy');
  await expect(page.getByTestId('panel-message')).toContainText('vanishing gradients');
  expect(errors).toEqual([]);
});

test('an exploding network is flagged, stops at the step it diverged, and nothing reads NaN', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'activation=relu&naiveStd=1&compare=relu-he&step=6');
  await expect(page.getByTestId('panel-message')).toContainText('diverged at step 1');
  await expect(page.getByTestId('ro-main')).toContainText('diverged at step 1');
  await expectNoNaN(page);

  // Clipping keeps it from diverging; the gradients are still flagged as exploding.
  await openPanel(page, SLUG, 'activation=relu&naiveStd=1&compare=&clip=true&clipNorm=1&step=6');
  await expect(page.getByTestId('panel-message')).toContainText('exploding gradients');
  await expect(page.getByTestId('ro-main')).toContainText('update clipped');
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});

test('degenerate settings: overflow at initialisation and a depth-1 network give a message, no NaN', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'activation=relu&naiveStd=3&depth=60&compare=&step=2');
  await expect(page.getByTestId('panel-message')).toContainText('overflows float32');
  await expect(page.getByTestId('ro-main')).toContainText('overflows at initialisation');
  await expectNoNaN(page);

  await openPanel(page, SLUG, 'depth=1&compare=relu-he&step=3');
  await expect(page.getByTestId('panel-message')).toContainText('linear model');
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});

test('at most two presets are compared: ticking a third drops one', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'step=0');
  await page.getByLabel('Tanh, Xavier init', { exact: true }).check();
  await expect.poll(() => urlParam(page, 'compare')?.split(',').length).toBe(2);
  expect(urlParam(page, 'compare')).toContain('tanh-xavier');
  await waitReady(page);
  await expect(page.getByTestId('ro-tanh-xavier')).toBeVisible();
  expect(errors).toEqual([]);
});

test('WebGL computes the same gradients as WASM', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'compare=tanh-xavier&step=2');
  const wasm = await page.getByTestId('ro-tanh-xavier').innerText();
  await openPanel(page, SLUG, 'compare=tanh-xavier&step=2&backend=webgl');
  const badge = page.getByTestId('backend');
  test.skip((await badge.getAttribute('data-backend')) !== 'webgl', 'no WebGL in this browser');
  const webgl = await page.getByTestId('ro-tanh-xavier').innerText();
  for (const label of ['loss', 'layer 1 ÷ layer 20:', 'same ratio at step 0:']) {
    const a = numberAfter(wasm, label), b = numberAfter(webgl, label);
    expect(Number.isFinite(a)).toBe(true);
    expect(Math.abs(a - b) / Math.abs(a)).toBeLessThan(0.01);
  }
  expect(errors).toEqual([]);
});
