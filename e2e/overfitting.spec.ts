/**
 * The overfitting panel's own behaviours: stepping (buttons and keys) moves the epoch in the
 * readout and the link; playing trains live and pausing holds still; a link to epoch N replays
 * to the same readout as stepping there; the known numbers of the default link; early stopping
 * reports its best epoch; the comparison and its messages; a stuck network is flagged and no NaN
 * appears anywhere; the learning curve computes on demand; the tfjs engine releases its tensors;
 * the batch size trains minibatches, in the panel's worker, to the same numbers on any machine.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoNaN, expectStep, liveTensors, openPanel, readoutNumber, readoutText, urlParam, waitReady, watchErrors } from './helpers';

const SLUG = 'overfitting';

const epochNow = (page: Page) => readoutNumber(page, 'step');

/** The readout and the link both say epoch n (the link leaves out the default, 400). */
async function expectEpoch(page: Page, n: number): Promise<void> {
  await expectStep(page, n);
  await expect(page.getByTestId('ro-step')).toHaveText(`${n} of 3000`);
  await expect.poll(() => urlParam(page, 'epoch') ?? '400', { message: `the link should say epoch=${n}` }).toBe(String(n));
}

/** Lets `frames` animation frames pass: a running player would move within them. */
async function frames(page: Page, count: number): Promise<void> {
  await page.evaluate(async (k) => {
    for (let i = 0; i < k; i++) await new Promise((r) => requestAnimationFrame(r));
  }, count);
}

test('the default link shows the known numbers of a 2-16-16-1 network after 400 epochs', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG);
  await expectEpoch(page, 400);
  // Float64 training is exact, so these are the same on any machine (checked against Node).
  await expect(page.getByTestId('ro-a-train')).toHaveText('0.004747');
  await expect(page.getByTestId('ro-a-val')).toHaveText('1.031');
  await expect(page.getByTestId('ro-a-best')).toHaveText('0.2908 at epoch 56');
  await expect(page.getByTestId('ro-a-net')).toHaveText('2 → 16 → 16 → 1 · 337 parameters');
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', /wasm|webgl|cpu/);
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});

test('a batch size below n trains minibatches in the worker, to the numbers Node gives; batch = n is full batch', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'epoch=200');
  await page.getByTestId('ctl-batch').selectOption('10');
  await expect(page.getByTestId('ro-opt')).toHaveText('Adam, learning rate 0.01, batch 10: 3 updates per epoch');
  await expect.poll(() => urlParam(page, 'batch')).toBe('10');
  await expectEpoch(page, 200);
  // Float64 minibatches over a seeded shuffle: the same on any machine (checked against Node).
  await expect(page.getByTestId('ro-a-train')).toHaveText('0.09372');
  await expect(page.getByTestId('ro-a-val')).toHaveText('0.4619');
  await expect(page.getByTestId('ro-a-best')).toHaveText('0.2763 at epoch 45');
  // Trained in the panel's worker, whose script loaded under the production CSP.
  await expect(page.getByTestId('plots').locator('[data-computed-in="worker"]')).toBeVisible();
  const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  expect(scripts.some((n) => /compute\.worker[^/]*\.js$/.test(n))).toBe(true);

  // A batch of the whole training set is the full-batch epoch: the default link's numbers.
  await openPanel(page, SLUG, 'batch=30');
  await expect(page.getByTestId('ro-opt')).toHaveText('Adam, learning rate 0.01, full batch');
  await expect(page.getByTestId('ro-a-train')).toHaveText('0.004747');
  await expect(page.getByTestId('ro-a-val')).toHaveText('1.031');
  expect(errors).toEqual([]);
});

test('the step buttons and the keyboard move the epoch; Space plays and pauses', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'epoch=100');
  await expectEpoch(page, 100);
  await page.getByTestId('step').click();
  await expectEpoch(page, 110);
  await page.getByTestId('step-back').click();
  await expectEpoch(page, 100);
  await page.getByTestId('step-back').click();
  await expectEpoch(page, 90);

  await page.locator('h1').click();
  await page.keyboard.press('ArrowRight');
  await expectEpoch(page, 100);
  await page.keyboard.press('ArrowLeft');
  await expectEpoch(page, 90);

  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', /Pause/);
  await expect.poll(() => epochNow(page), { timeout: 15_000 }).toBeGreaterThan(200);
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', /Play/);
  await waitReady(page);
  const paused = await epochNow(page);
  await frames(page, 30); // at 250 epochs/s a running player would have moved ~4 epochs a frame
  await expectEpoch(page, paused);

  await page.keyboard.press('Home');
  await expectEpoch(page, 0);
  await expect(page.getByTestId('ro-a-status')).toHaveText('not trained yet');
  expect(errors).toEqual([]);
});

test('a link to epoch N shows the same readout as stepping there (rewinds replay exactly)', async ({ page, browser }) => {
  const errors = watchErrors(page);
  const query = 'dropout=0.2&jitter=0.05&compare=plain&epoch=180';
  await openPanel(page, SLUG, query);
  // Down to 150, back through a checkpoint: each step moves from the epoch on screen, so wait for it.
  for (const e of [170, 160, 150]) {
    await page.getByTestId('step-back').click();
    await expectEpoch(page, e);
  }
  await page.getByTestId('step').click();
  await expectEpoch(page, 160);
  await waitReady(page);
  const stepped = await readoutText(page);

  const fresh = await browser.newPage();
  await openPanel(fresh, SLUG, query.replace('epoch=180', 'epoch=160'));
  expect(await readoutText(fresh)).toBe(stepped);
  await fresh.close();
  expect(errors).toEqual([]);
});

test('early stopping stops patience epochs after the best validation loss and restores those weights', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'earlyStop=1&patience=50&epoch=1500');
  await expect(page.getByTestId('ro-a-status')).toHaveText('stopped at epoch 106, best weights (epoch 56) restored');
  await expect(page.getByTestId('ro-a-best')).toHaveText('0.2908 at epoch 56');
  // The readout reports the restored model: its validation loss is the best one.
  await expect(page.getByTestId('ro-a-val')).toHaveText('0.2908 (epoch 56)');
  await expect(page.getByText('Early stopping fired at epoch 106, 50 epochs after the best')).toBeVisible();
  // Playing from here starts over (the run has ended) and stops by itself at the same epoch.
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', /Play/, { timeout: 20_000 });
  await waitReady(page);
  expect(await epochNow(page)).toBeLessThan(200);
  await expect(page.getByTestId('ro-a-status')).toHaveText('stopped at epoch 106, best weights (epoch 56) restored');
  expect(errors).toEqual([]);
});

test('side by side: B shows up, and the panel says when B cannot differ or is capped', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'compare=plain&epoch=50');
  await expect(page.getByTestId('panel-message')).toContainText('B trains exactly like A here');
  await expect(page.getByTestId('ro-b-val')).toHaveText(await page.getByTestId('ro-a-val').innerText());

  await openPanel(page, SLUG, 'compare=more&n=400&epoch=20');
  await expect(page.getByTestId('panel-message')).toContainText('B gets 1000 training points');
  await expect(page.getByTestId('ro-b-net')).toHaveText('2 → 16 → 16 → 1 · 337 parameters');

  await openPanel(page, SLUG, 'compare=small&epoch=300');
  await expect(page.getByTestId('ro-b-net')).toHaveText('2 → 4 → 1 · 17 parameters');
  await expect(page.locator('figcaption', { hasText: 'B: one hidden layer of 4' }).first()).toBeVisible();
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});

test('extreme settings: a stalled network is flagged and nothing reads NaN', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'optimizer=adam&lr=1&activation=relu&depth=6&width=16&features=poly&epoch=300');
  await expect(page.getByTestId('panel-message')).toContainText('has not moved in the last 50 epochs');
  await expectNoNaN(page);
  await openPanel(page, SLUG, 'n=10&width=1&depth=6&dropout=0.7&jitter=0.3&activation=relu&epoch=200');
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});

test('the learning curve computes on demand and its point at the current n matches the readout', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'width=8&epoch=200');
  await page.getByTestId('curve-button').click();
  const curve = page.getByTestId('learning-curve');
  await expect(curve).toHaveAttribute('data-done', 'true', { timeout: 60_000 });
  await expect(curve).toContainText('Each size trained for 200 epochs');
  await expect(curve.locator('svg[role="img"]')).toHaveAttribute('aria-label', /10, 20, 30, 40, 80, 160, 320, 500 training points/);
  await curve.getByText('The numbers').click();
  const mine = page.getByTestId('curve-table').locator('tr[data-n="30"] td');
  await expect(mine.nth(1)).toHaveText(await page.getByTestId('ro-a-train').innerText());
  await expect(mine.nth(2)).toHaveText(await page.getByTestId('ro-a-val').innerText());
  expect(errors).toEqual([]);
});

test('the tfjs engine trains the same network and releases its tensors when switched off', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'epoch=60');
  const base = await liveTensors(page);
  const jsVal = Number(await page.getByTestId('ro-a-val').innerText());
  await page.getByTestId('ctl-engine').selectOption('tf');
  await expect(page.getByTestId('ro-engine')).toHaveText('tfjs autodiff, float32');
  await waitReady(page);
  const tfVal = Number(await page.getByTestId('ro-a-val').innerText());
  expect(Math.abs(tfVal - jsVal) / jsVal).toBeLessThan(1e-3);
  expect(await liveTensors(page)).toBeGreaterThan(base!);
  await page.getByTestId('ctl-engine').selectOption('js');
  await waitReady(page);
  expect(await liveTensors(page)).toBe(base);
  expect(errors).toEqual([]);
});

test('the boundary grid runs on every tfjs backend, and the readout does not depend on it', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'epoch=120&compare=small');
  const expected = await readoutText(page);
  for (const backend of ['webgl', 'cpu']) {
    await openPanel(page, SLUG, `epoch=120&compare=small&backend=${backend}`);
    await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', backend);
    expect(await readoutText(page)).toBe(expected);
    // The boundary canvas got painted: some pixel is not transparent.
    const painted = await page.evaluate(() =>
      Array.from(document.querySelectorAll('canvas')).some((c) => {
        const d = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
        return !!d && d.some((v, i) => i % 4 === 3 && v > 0);
      }),
    );
    expect(painted).toBe(true);
  }
  expect(errors).toEqual([]);
});
