/**
 * The generic spec: walks the registry, so every panel is covered the day it is added.
 */
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { ALL, BUILT, UNDER_TEST } from './registry';
import { liveTensors, openPanel, readoutChangedFrom, readoutText, waitReady, watchErrors } from './helpers';

test('home lists all twenty questions; built ones link to their panel', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  for (const q of ALL) {
    const card = page.getByTestId(`question-${q.number}`);
    await expect(card).toContainText(q.title);
    const links = card.locator('a');
    if (q.built) await expect(links).toHaveAttribute('href', `/${q.slug}/`);
    else {
      await expect(links).toHaveCount(0);
      await expect(card).toContainText('coming soon');
    }
  }
  // The home route must not download tfjs.
  const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  expect(scripts.some((s) => /tfjs|backend-wasm|\.wasm/.test(s))).toBe(false);
  expect(errors).toEqual([]);
});

for (const entry of UNDER_TEST) {
  test.describe(`panel ${entry.slug}`, () => {
    test('loads cleanly, has explanation, experiments and a static page with its own title', async ({ page, request }) => {
      const errors = watchErrors(page);
      await openPanel(page, entry.slug);
      await expect(page.locator('h1')).toContainText(entry.title);
      await expect(page.locator('.explain .katex').first()).toBeVisible();
      expect(await page.locator('[data-testid^="experiment-"]').count()).toBeGreaterThanOrEqual(3);
      const html = await (await request.get(`/${entry.slug}/`)).text();
      expect(html).toContain(`<title>${entry.title.replace(/&/g, '&amp;')} · ML Intuition</title>`);
      expect(errors).toEqual([]);
    });

    test('every slider changes the readout and the URL; the copied link reproduces the readout', async ({ page, browser }) => {
      const errors = watchErrors(page);
      await openPanel(page, entry.slug);
      const sliders = page.locator('.workbench input[type="range"]');
      const n = await sliders.count();
      expect(n).toBeGreaterThan(0);
      for (let i = 0; i < n; i++) {
        const s = sliders.nth(i);
        if (!(await s.isEnabled())) continue;
        const before = await readoutText(page);
        const url = page.url();
        const [val, max] = await s.evaluate((el: HTMLInputElement) => [Number(el.value), Number(el.max)]);
        await s.focus();
        const key = val >= max ? 'ArrowLeft' : 'ArrowRight';
        for (let k = 0; k < 4; k++) await s.press(key);
        await readoutChangedFrom(page, before);
        await expect.poll(() => page.url(), { message: `slider ${i} should rewrite the URL` }).not.toBe(url);
      }
      const expected = await readoutText(page);
      await page.getByTestId('copy-link').click();
      const link = await page.getByTestId('copied-link').inputValue();
      const fresh = await browser.newPage();
      await fresh.goto(link);
      await waitReady(fresh);
      expect(await readoutText(fresh)).toBe(expected);
      await fresh.close();
      expect(errors).toEqual([]);
    });

    test('every "Try this" link applies its state', async ({ page }) => {
      const errors = watchErrors(page);
      await openPanel(page, entry.slug);
      const links = page.locator('[data-testid^="experiment-"]');
      const n = await links.count();
      for (let i = 0; i < n; i++) {
        const href = (await links.nth(i).getAttribute('href'))!;
        await links.nth(i).click();
        await expect.poll(() => new URL(page.url()).search).toBe(new URL(href, page.url()).search);
        await waitReady(page);
        // The same state opened directly shows the same readout.
        const viaClick = await readoutText(page);
        const direct = await page.context().newPage();
        await direct.goto(href);
        await waitReady(direct);
        expect(await readoutText(direct)).toBe(viaClick);
        await direct.close();
      }
      expect(errors).toEqual([]);
    });

    test('every control is reachable by keyboard', async ({ page }) => {
      await openPanel(page, entry.slug);
      const controls = page.locator('.workbench input, .workbench select, .workbench button');
      const total = await controls.count();
      const ids = await controls.evaluateAll((els) => els.map((e, i) => ((e as HTMLElement).dataset.kbd = String(i))));
      const seen = new Set<string>();
      await page.locator('body').focus();
      for (let k = 0; k < total * 2 + 60 && seen.size < ids.length; k++) {
        await page.keyboard.press('Tab');
        const id = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.kbd ?? null);
        if (id !== null) seen.add(id);
      }
      const disabled = await controls.evaluateAll((els) => els.filter((e) => (e as HTMLInputElement).disabled).length);
      expect(seen.size).toBeGreaterThanOrEqual(ids.length - disabled);
    });

    for (const theme of ['light', 'dark'] as const) {
      test(`accessibility scan is clean (${theme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: theme });
        await openPanel(page, entry.slug);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        const result = await new AxeBuilder({ page }).analyze();
        const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
      });
    }

    test('no horizontal scrolling at 375 px', async ({ page }) => {
      await page.setViewportSize({ width: 375, height: 800 });
      await openPanel(page, entry.slug);
      const [sw, cw] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      expect(sw).toBeLessThanOrEqual(cw);
    });

    test('live tensor count returns to its baseline after 200 slider steps', async ({ page }) => {
      await openPanel(page, entry.slug);
      const base = await liveTensors(page);
      test.skip(base === null, 'panel does not use tfjs');
      const s = page.locator('.workbench input[type="range"]').first();
      await s.focus();
      for (let k = 0; k < 200; k++) await s.press(k % 2 ? 'ArrowLeft' : 'ArrowRight');
      await waitReady(page);
      await page.waitForTimeout(300);
      await waitReady(page);
      expect(await liveTensors(page)).toBe(base);
    });
  });
}

test('a link with unusable values opens, repaired, with a notice', async ({ page }) => {
  const errors = watchErrors(page);
  const entry = BUILT[0];
  await openPanel(page, entry.slug, 'v=1&zzz=1&seed=NaN&<b>x</b>=%E0%A4%A');
  await expect(page.getByTestId('link-notice')).toBeVisible();
  await expect(page.locator('b', { hasText: 'x' })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('unknown route says so and links home', async ({ page }) => {
  await page.goto('/no-such-panel/');
  await expect(page.locator('h1')).toHaveText('Nothing here');
});

test('back and forward move between panels and states', async ({ page }) => {
  test.skip(BUILT.length < 2, 'needs two panels');
  const [a, b] = BUILT;
  await openPanel(page, a.slug);
  await page.getByTestId('next').click();
  await expect(page).toHaveURL(new RegExp(`/${b.slug}/`));
  await waitReady(page);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/${a.slug}/`));
  await waitReady(page);
  await page.goForward();
  await expect(page).toHaveURL(new RegExp(`/${b.slug}/`));
});
