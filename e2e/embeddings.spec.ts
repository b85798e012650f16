/**
 * The embeddings panel's own behaviours, folded into few page loads: a link replays training to
 * its step in the panel's worker and the built-in analogy comes out right; choosing words asks
 * the trained vectors without retraining; the analogy picture; pasted text stays text, rides in
 * the link, and too little or too much of it gets a message (never NaN); no negatives says why
 * it teaches nothing; and leaving the panel releases the worker's tensors.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoNaN, expectStep, liveTensors, openPanel, poll, readoutNumber, readoutText, readoutValue, urlParam, waitReady, watchErrors } from './helpers';

const SLUG = 'embeddings';
const workerTensors = (page: Page) => page.evaluate(() => (window as unknown as { __mlWorkerTensors?: () => number }).__mlWorkerTensors?.() ?? 0);

test('a link replays to step 60: the analogy finds queen; words and pictures change without retraining; the link reproduces it', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'step=60');
  await expectStep(page, 60);
  // Trained in the panel's worker; the page itself never loaded tfjs: neither the WASM files nor
  // the app's tfjs chunk (tf-<hash>.js, lib/tf/tf.ts) or its page start-up (backend-<hash>.js),
  // which a value import of run.ts from the view once pulled into the page's chunk.
  await expect(page.getByTestId('backend')).toHaveAttribute('data-computed-in', 'worker');
  const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  expect(scripts.filter((n) => /tfjs|backend-wasm|\.wasm|\/(tf|backend)-[\w-]+\.js$/.test(n))).toEqual([]);

  expect(await readoutValue(page, 'analogy')).toMatch(/^queen \(cosine 0\.\d{3}\)$/);
  expect(await readoutNumber(page, 'expected')).toBeLessThanOrEqual(3);
  expect(await readoutValue(page, 'mean-cos')).toContain('(one-hot: 0)');
  expect(await page.getByTestId('neighbours').locator('tbody tr').count()).toBe(5);
  // One-hot cosine of any two distinct words: 0, in every row.
  for (const t of await page.getByTestId('neighbours').locator('tbody tr td:nth-child(3)').allInnerTexts()) expect(t).toBe('0');

  // Another word: the neighbours and the link change, the run does not (no retraining).
  const rate = await page.locator('.replay-progress').innerText();
  await page.getByTestId('pick-word').selectOption('paris');
  await expect(page.getByTestId('ro-nearest')).not.toContainText('king');
  await poll(() => urlParam(page, 'word')).toBe('paris');
  await expectStep(page, 60);
  expect(await page.locator('.replay-progress').innerText()).toBe(rate);

  // Another analogy: paris − france + italy → rome.
  await page.getByTestId('pick-a').selectOption('paris');
  await page.getByTestId('pick-b').selectOption('france');
  await page.getByTestId('pick-c').selectOption('italy');
  await expect(page.getByTestId('ro-analogy')).toContainText('rome');
  await poll(() => urlParam(page, 'c')).toBe('italy');

  // The analogy's words only: fewer points, the arrows still drawn.
  const allWords = await page.locator('.emb-word').count();
  await page.getByTestId('ctl-picture').selectOption('analogy');
  await waitReady(page);
  await poll(() => page.locator('.emb-word').count()).toBeLessThan(allWords);
  await expect(page.getByTestId('analogy-arrows')).toBeVisible();
  await poll(() => urlParam(page, 'picture')).toBe('analogy');
  await expectNoNaN(page);

  const shown = await readoutText(page);
  const fresh = await browser.newPage();
  await openPanel(fresh, SLUG, new URL(page.url()).search.slice(1));
  await expectStep(fresh, 60);
  expect(await readoutText(fresh)).toBe(shown);
  await fresh.close();

  // Leaving the panel ends its worker, and the worker's tensors with it.
  expect(await workerTensors(page)).toBeGreaterThan(0);
  await page.getByTestId('next').click();
  await expect(page).not.toHaveURL(/\/embeddings\//);
  await poll(() => workerTensors(page)).toBe(0);
  expect(errors).toEqual([]);
});

test('pasted text: plain text, in the link; too little and too much get a message; no negatives says why it fails', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'corpus=custom');
  const field = page.getByTestId('corpus-input');
  // Empty: a message, no plot, no NaN.
  await expect(page.getByTestId('panel-message')).toContainText('paste more text');
  await expect(page.locator('[data-testid="plots"] svg')).toHaveCount(0);
  await expectNoNaN(page);

  // Markup is split into words and drawn as text, never parsed.
  const markup = '<img src=x onerror=alert(1)> <b>bold</b> cat dog. <img src=x onerror=alert(1)> <b>bold</b> cat dog.';
  await field.fill(markup);
  await waitReady(page);
  await expect(page.locator('.workbench img')).toHaveCount(0);
  await expect(page.locator('.workbench b', { hasText: 'bold' })).toHaveCount(0);
  await expect(page.locator('.workbench svg text', { hasText: 'onerror' }).first()).toBeVisible();
  await poll(() => urlParam(page, 'text')).toBe(markup);
  const typed = await readoutText(page);
  const fresh = await browser.newPage();
  await fresh.goto(page.url());
  await waitReady(fresh);
  expect(await readoutText(fresh)).toBe(typed);
  await expect(fresh.getByTestId('corpus-input')).toHaveValue(markup);
  await fresh.close();
  // Words the text lacks are said to be missing, not silently replaced.
  await expect(page.getByTestId('pick-word')).toContainText('“king” (not in the corpus)');

  // Past the cap: cut, with a message, and the link holds at most the cap.
  await field.fill('the cat sat on the mat. '.repeat(120));
  await expect(page.getByTestId('corpus-cap')).toContainText('Only the first 2000 characters are used');
  await poll(async () => (urlParam(page, 'text') ?? '').length).toBe(2000);
  await waitReady(page);
  await expectNoNaN(page);

  // No negatives: the loss collapses and the panel says why that teaches nothing.
  await page.goto('/embeddings/?negatives=0&step=60');
  await waitReady(page);
  await expectStep(page, 60);
  await expect(page.getByTestId('panel-message')).toContainText('With no negatives');
  expect(await readoutNumber(page, 'loss')).toBeLessThan(0.1);
  await expectNoNaN(page);
  expect(await liveTensors(page)).not.toBeNull();
  expect(errors).toEqual([]);
});
