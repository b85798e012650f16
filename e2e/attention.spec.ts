/**
 * The attention panel's own behaviours: typed text stays text, and empty or very long sentences
 * get a message (never NaN); choosing a query token moves the arcs, the readout and the link;
 * the known numbers of the "no scaling at d_k = 128" link; the causal mask; the trained mode
 * replays a link to its step, steps and plays, trains in the panel's worker, and releases its
 * tensors (the worker's) when left.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoNaN, expectStep, liveTensors, openPanel, poll, readoutNumber, readoutText, urlParam, waitReady, watchErrors } from './helpers';

const SLUG = 'attention';

test('a typed sentence is attended over as plain text, travels in the link; empty and overlong ones get a message', async ({ page, browser }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG);
  const field = page.getByTestId('sentence-input');
  await expect(page.getByTestId('ro-tokens')).toHaveText('11');

  // Markup typed by the learner is tokenised and drawn as text, never parsed.
  await field.fill('<img src=x onerror=alert(1)> <b>bold</b>');
  await expect(page.getByTestId('ro-tokens')).toHaveText('16 (of 20)');
  await waitReady(page);
  await expect(page.locator('.workbench img')).toHaveCount(0);
  await expect(page.locator('.workbench b')).toHaveCount(0);
  await expect(page.locator('.workbench svg text', { hasText: 'onerror' }).first()).toBeVisible();
  await expect(page.getByTestId('panel-message')).toContainText('only the first 16 are used');
  expect(urlParam(page, 'sentence')).toBe('custom');

  // The link carries the typed sentence: a fresh page shows the same readout.
  await poll(() => urlParam(page, 'text')).toBe('<img src=x onerror=alert(1)> <b>bold</b>');
  const typed = await readoutText(page);
  const fresh = await browser.newPage();
  await fresh.goto(page.url());
  await waitReady(fresh);
  expect(await readoutText(fresh)).toBe(typed);
  await expect(fresh.getByTestId('sentence-input')).toHaveValue('<img src=x onerror=alert(1)> <b>bold</b>');
  await expect(fresh.locator('.workbench img')).toHaveCount(0);
  await fresh.close();

  // Empty: a message, no maps, no NaN.
  await field.fill('   ');
  await expect(page.getByTestId('panel-message')).toContainText('Type a sentence');
  await expect(page.getByTestId('ro-tokens')).toHaveText('0');
  await expect(page.locator('.workbench figure')).toHaveCount(0);
  await expectNoNaN(page);

  // Very long paste: cut to the field's limit and to 16 tokens.
  await field.fill('go '.repeat(400));
  await expect(page.getByTestId('ro-tokens')).toHaveText(/^16 \(of \d+\)$/);
  expect((await field.inputValue()).length).toBeLessThanOrEqual(160);
  await expectNoNaN(page);

  // Back to an example.
  await page.getByTestId('ctl-sentence').selectOption('paper');
  await expect(page.getByTestId('ro-tokens')).toHaveText('5');
  await expect(field).toHaveValue('Attention is all you need');
  expect(errors).toEqual([]);
});

test('clicking a token makes it the query: arcs, readout and link follow', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'sentence=cat&query=8');
  await expect(page.getByTestId('ro-query')).toHaveText('“it” (8)');
  await page.getByRole('button', { name: 'Query token 2: cat' }).click();
  await expect(page.getByTestId('ro-query')).toHaveText('“cat” (2)');
  await poll(() => urlParam(page, 'query')).toBe('2');
  await expect(page.getByRole('button', { name: 'Query token 2: cat' })).toHaveAttribute('aria-pressed', 'true');
  // Keyboard works on the tokens too.
  await page.getByRole('button', { name: 'Query token 4: on' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ro-query')).toHaveText('“on” (4)');
  expect(errors).toEqual([]);
});

test('without scaling at d_k = 128 the rows saturate; with it they do not (known numbers)', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'sentence=cat&dk=128&scale=0&heads=2&head=1&seed=1&positions=1');
  await expect(page.getByTestId('ro-entropy')).toHaveText('0.372');
  await expect(page.getByTestId('ro-entropy-other')).toHaveText('1.93');
  await expect(page.getByTestId('ro-score-std')).toHaveText('15.4');
  await page.getByText('Divide scores by √d_k').click();
  await expect(page.getByTestId('ro-entropy')).toHaveText('1.93');
  await poll(() => urlParam(page, 'scale')).toBe('1');
  expect(errors).toEqual([]);
});

test('the causal mask empties the upper triangle: masked weights are exactly 0, rows still sum to 1', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'causal=1&query=1');
  await expect(page.getByTestId('ro-masked')).toHaveText('0');
  await expect(page.getByTestId('ro-top')).toHaveText('“The” (1) · 1');
  const rowSum = Number((await page.getByTestId('ro-rowsum').innerText()).replace('−', '-'));
  expect(rowSum).toBeLessThan(1e-12);
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});

test('trained mode: a link replays to its step, stepping matches the link, play and pause work', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  // Record every text the step readout takes, from the first paint on.
  await page.addInitScript(() => {
    const w = window as unknown as { __steps: string[] };
    w.__steps = [];
    new MutationObserver(() => {
      const step = document.querySelector('[data-testid="ro-step"]')?.textContent;
      if (step && w.__steps[w.__steps.length - 1] !== step) w.__steps.push(step);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await openPanel(page, SLUG, 'mode=trained&step=95');
  await expectStep(page, 95);
  // While it trained up to 95 the readout said so, and never showed an earlier step.
  const seen = await page.evaluate(() => (window as unknown as { __steps: string[] }).__steps);
  expect(seen.filter((t) => /\d/.test(t))).toEqual(['95 of 400']);
  // Each press moves on from the step on screen, so wait for it before the next.
  for (let k = 96; k <= 100; k++) {
    await page.getByTestId('step').click();
    await expectStep(page, k);
  }
  await poll(() => urlParam(page, 'step')).toBe('100');
  await waitReady(page);
  const stepped = await readoutText(page);
  // The default run learns to reverse: ≥ 95 % of digits right by step 100.
  expect(await readoutNumber(page, 'token-acc')).toBeGreaterThanOrEqual(95);
  await expect(page.getByTestId('ro-reached')).toContainText('at step');

  const fresh = await browser.newPage();
  await openPanel(fresh, SLUG, 'mode=trained&step=100');
  expect(await readoutText(fresh)).toBe(stepped);
  await fresh.close();

  // Back one step restores a checkpoint and retrains: the readout says 99.
  await page.getByTestId('step-back').click();
  await waitReady(page);
  await expectStep(page, 99);

  // Play moves on, pause stops.
  await page.getByTestId('play').click();
  await poll(async () => Number(urlParam(page, 'step')), { timeout: 15_000 }).toBeGreaterThan(110);
  await page.getByTestId('play').click();
  await waitReady(page);
  // Where it stopped is what the readout says; the link (written at most every 150 ms) follows.
  const paused = String(await readoutNumber(page, 'step'));
  await poll(() => urlParam(page, 'step')).toBe(paused);
  // Staying put has no signal to await: give a playing loop time to show itself, then look again.
  await page.waitForTimeout(400);
  expect(urlParam(page, 'step')).toBe(paused);
  await expectStep(page, Number(paused));
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});

/** Live tensors in the page's workers alone (the kit counts them into liveTensors too). */
const workerTensors = (page: Page) => page.evaluate(() => (window as unknown as { __mlWorkerTensors?: () => number }).__mlWorkerTensors?.() ?? 0);

test('leaving the trained mode releases its tensors', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'mode=trained&step=20');
  // Trained in the panel's worker, whose script loaded under the production CSP; the badge names
  // the worker's backend, and the page itself never loaded tfjs.
  await expect(page.getByTestId('backend')).toHaveAttribute('data-computed-in', 'worker');
  const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  expect(scripts.some((n) => /compute\.worker[^/]*\.js$/.test(n))).toBe(true);
  expect(scripts.filter((n) => /tfjs|backend-wasm|\.wasm/.test(n))).toEqual([]);
  await page.getByTestId('mode-mechanics').click();
  await waitReady(page);
  // Leaving the trained mode ends its worker, and the worker's tensors with it.
  await poll(() => workerTensors(page)).toBe(0);
  const base = await liveTensors(page);
  await page.getByTestId('mode-trained').click();
  await waitReady(page);
  await expectStep(page, 20);
  const during = (await liveTensors(page))!;
  expect(during).toBeGreaterThan(base!);
  await page.getByTestId('mode-mechanics').click();
  await waitReady(page);
  await poll(() => liveTensors(page)).toBe(base);
  expect(await workerTensors(page)).toBe(0);
  expect(errors).toEqual([]);
});

test('trained mode: a run that crawls says so, with no NaN anywhere', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'mode=trained&lr=0.0003&step=200');
  await expect(page.getByTestId('ro-reached')).toHaveText('not yet');
  await expect(page.getByTestId('panel-message')).toContainText('crawling');
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});
