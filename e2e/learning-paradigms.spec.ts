/**
 * The learning-paradigms panel in the production build: one data set seen four ways. Label
 * propagation (in the panel's worker, under the CSP) beats the nearest labelled point and steps
 * in the link; switching the mode keeps the data and shows DBSCAN following the moons where
 * k-means cuts them; the grid world is edited by clicking, moves one move at a time, and a shared
 * link reopens the same state; Q-learning reaches the optimal policy on the textbook grid.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoNaN, expectStep, openPanel, poll, readoutNumber, readoutValue, urlParam, waitReady, watchErrors } from './helpers';

const SLUG = 'learning-paradigms';

const workerScripts = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((name) => /\.worker-[\w-]+\.js$/.test(name)));

test('semi-supervised beats the few labels alone, steps in the link; the mode switch keeps the data', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG);
  await expectStep(page, 40);
  expect(await readoutNumber(page, 'acc')).toBeGreaterThan(await readoutNumber(page, 'baseline'));
  expect(await readoutValue(page, 'final')).toMatch(/^1\.000 after \d+ iterations$/);
  await expect(page.locator('[data-computed-in="worker"]')).toHaveCount(1);
  expect(await workerScripts(page)).toEqual([expect.stringMatching(/\/assets\/compute\.worker-[\w-]+\.js$/)]);
  await page.getByTestId('step').click();
  await poll(() => urlParam(page, 'iter')).toBe('41');
  await expectStep(page, 41);
  const data = await readoutValue(page, 'data');

  await page.getByTestId('mode-unsupervised').click();
  await poll(() => urlParam(page, 'mode')).toBe('unsupervised');
  await waitReady(page);
  expect(await readoutValue(page, 'data')).toBe(data);
  const db = await readoutNumber(page, 'dbscan-ari'), km = await readoutNumber(page, 'kmeans-ari');
  expect(db).toBeGreaterThan(0.95);
  expect(km).toBeLessThan(0.5);

  await page.getByTestId('mode-supervised').click();
  await waitReady(page);
  expect(await readoutValue(page, 'data')).toBe(data);
  expect(await readoutNumber(page, 'test')).toBeGreaterThan(0.95);
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});

test('grid world: one move, a click edits a cell, the link reopens it; Q-learning finds the optimal policy', async ({ page, browser }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'mode=reinforcement&episode=0');
  await expectStep(page, 0);
  await expect(page.getByTestId('ro-move')).toHaveText('at the start');
  await page.getByTestId('one-move').click();
  await poll(() => urlParam(page, 'move')).toBe('1');
  await expect(page.getByTestId('ro-move')).toHaveText('1 move into episode 1');
  // The player's step is one whole episode: the rest of this one.
  await page.getByTestId('step').click();
  await poll(() => urlParam(page, 'episode')).toBe('1');
  expect(urlParam(page, 'move')).toBe('0');
  await expectStep(page, 1);
  await expect(page.getByTestId('ro-move')).toHaveText('at the start');

  // Cell 1 of the default grid is free: one click makes it a wall, in the link and on the grid.
  await expect(page.getByTestId('cell-1')).toHaveAttribute('data-cell', '.');
  await page.getByTestId('cell-1').click();
  await poll(() => urlParam(page, 'grid')).toBe('.x.x.g-.x...p-.x.x..-s..x..');
  await expect(page.getByTestId('cell-1')).toHaveAttribute('data-cell', 'x');
  await waitReady(page);
  const shared = await page.locator('[data-testid="readout"] dl').innerText();
  const other = await browser.newPage();
  await other.goto(page.url());
  await waitReady(other);
  expect(await other.locator('[data-testid="readout"] dl').innerText()).toBe(shared);
  await other.close();

  await openPanel(page, SLUG, 'mode=reinforcement&grid=...g-.p..-....-s...&episode=300');
  expect(await readoutValue(page, 'policy')).toBe('optimal in 14 of 14 cells');
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});
