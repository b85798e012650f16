/**
 * The ml-workflow panel's own behaviours in the production build: the default link looks at the
 * real penguins (loaded by the worker), the steps are walked with the buttons and land in the
 * link, the evaluation beats the baseline on the test set, the hand-off downloads a model file and
 * a model card, a shared link reopens the same state; the wrong moves say what they do.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectLinkReopens, expectNoNaN, openPanel, poll, readoutNumber, readoutValue, urlParam, waitReady, watchErrors } from './helpers';

const SLUG = 'ml-workflow';

test('walk the project: look, split, …, evaluate beats the baseline, hand off two files, share the link', async ({ page, browser }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG);
  await expect(page.getByTestId('wf-look')).toBeVisible();
  // The real table: 344 birds, 11 without sex, from the worker.
  await expect(page.getByTestId('wf-missing')).toContainText('11');
  expect(await readoutValue(page, 'rows')).toBe('344 · 275 · 69');
  // Steps 1 and 2 need no fit: the page computes them itself (head.ts); the fits are the workers'.
  await expect(page.locator('[data-computed-in="page"]')).toBeVisible();
  // Two workers, each scoring half of every cross-validation's folds (useWorkflow.ts), one chunk.
  const chunks = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\/assets\/compute\.worker-[\w-]+\.js$/.test(n)));
  expect(chunks).toHaveLength(2);
  expect(chunks[1]).toBe(chunks[0]);

  await page.getByTestId('wf-step-split').click();
  await poll(() => urlParam(page, 'step')).toBe('split');
  await expect(page.getByTestId('wf-decision')).toContainText('Test set read so far: never');
  for (const next of ['baseline', 'prep', 'models', 'tune', 'evaluate']) {
    await page.getByTestId('wf-next').click();
    await poll(() => urlParam(page, 'step')).toBe(next);
  }
  await waitReady(page);
  await expect(page.getByTestId('wf-evaluate')).toBeVisible();
  await expect(page.locator('[data-computed-in="worker"]')).toBeVisible();
  await expect(page.getByRole('img', { name: /Confusion matrix/ })).toBeVisible();
  expect(await readoutNumber(page, 'test')).toBeGreaterThan(2 * (await readoutNumber(page, 'baseline')));
  expect(await readoutValue(page, 'test-reads')).toBe('never');
  await expectNoNaN(page);

  await page.getByTestId('wf-next').click();
  await expect(page.getByTestId('wf-handoff')).toBeVisible();
  const [model] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-model').click()]);
  const json = JSON.parse(readFileSync((await model.path())!, 'utf8')) as { format: string; classes: string[]; model: { kind: string } };
  expect(json.format).toBe('ml-intuition/ml-workflow-model@1');
  expect(json.classes).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
  expect(json.model.kind).toBe('logistic');
  const [card] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-card').click()]);
  expect(readFileSync((await card.path())!, 'utf8')).toMatch(/^# Model card: penguin species classifier/);

  await expectLinkReopens(page, browser);
  expect(errors).toEqual([]);
});

test('wrong moves: tuning on the test set reads it 8 times and reports more than cross-validation; a leaked column fails once unknown', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'step=tune&target=sex&model=tree&tuning=test');
  expect(await readoutValue(page, 'test-reads')).toBe('8 times (tuning on it)');
  await expect(page.getByTestId('panel-layout')).toContainText('Wrong move, tuning on the test set');
  const [reported, fresh] = (await readoutValue(page, 'optimism')).split('vs.').map((s) => parseFloat(s));
  expect(reported).toBeGreaterThan(fresh);

  await page.getByTestId('ctl-tuning').selectOption('cv');
  await poll(() => urlParam(page, 'tuning')).toBe('cv');
  await waitReady(page);
  expect(await readoutValue(page, 'test-reads')).toBe('never');

  await openPanel(page, SLUG, 'step=evaluate&target=sex&model=tree&leak=true');
  expect(await readoutNumber(page, 'cv')).toBeGreaterThanOrEqual(99);
  expect(await readoutNumber(page, 'deployed')).toBeLessThan(await readoutNumber(page, 'test'));
  await expect(page.getByTestId('panel-layout')).toContainText('Wrong move, a leaked target');
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});
