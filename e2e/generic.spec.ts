/**
 * The generic spec: walks the registry, so every panel is covered the day it is added. Two page
 * loads per panel (plus the pages the link checks open): one for everything that only reads the
 * page, one for everything that changes state. Stepping is in stepper.spec.ts, links in
 * fuzz.spec.ts and src/panels/linkFuzz.test.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { ALL, BUILT, TF_QUERY, UNDER_TEST } from './registry';
import { addressSettled, expectNoNaN, liveTensors, openPanel, poll, readoutChangedFrom, readoutText, waitReady, watchErrors } from './helpers';

/** The workers' part of window.__mlTensors (null until a worker has reported a count). */
const workerTensors = (page: Page) =>
  page.evaluate(() => {
    const f = (window as unknown as { __mlWorkerTensors?: () => number }).__mlWorkerTensors;
    return f ? f() : null;
  });

test('home lists all twenty questions; built ones link to their panel; CSP holds', async ({ page }) => {
  const errors = watchErrors(page);
  await page.addInitScript(CSP_LISTENER);
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
  await expectCsp(page);
  expect(errors).toEqual([]);
});

/** Records Content-Security-Policy violations from the first script on (see cspViolations). */
const CSP_LISTENER = () => {
  document.addEventListener('securitypolicyviolation', (e) => {
    const w = window as unknown as { __csp?: string[] };
    (w.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
  });
};

/** The page sends a strict Content-Security-Policy (no eval, no inline script; WebAssembly may
 *  compile) and nothing on it has violated the policy so far. */
async function expectCsp(page: Page): Promise<void> {
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("script-src 'self' 'wasm-unsafe-eval'");
  const scriptSrc = meta!.split(';').find((d) => d.trim().startsWith('script-src'))!;
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []), 'CSP violations').toEqual([]);
}

// The plot and the controls that move it must be on a laptop screen together.
const LAPTOP = { width: 1366, height: 768 };

/** Two animation frames: a theme or size change has been rendered (plots re-theme and re-size in
 *  React effects, one frame after the media change). */
async function rendered(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

/** Serious and critical axe violations; `rules` narrows the scan (the dark theme changes only
 *  colours, so its scan runs the colour rules: the full one runs once, in light). */
async function axeSerious(page: Page, rules?: string[]): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const result = await (rules ? builder.withRules(rules) : builder).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  return bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

for (const entry of UNDER_TEST) {
  test.describe(`panel ${entry.slug}`, () => {
    // Everything that only reads the page shares one load: the checks used to be six tests, six
    // page loads per panel (seven with the CSP test's).
    test('one load: page, explanation, experiments, title; plot and slider on a laptop screen; every plot has a Save menu; keyboard; accessibility light and dark; 375 px; no NaN; CSP holds', async ({ page, request }) => {
      test.setTimeout(150_000); // what six tests did, each with 90 s
      const errors = watchErrors(page);
      await page.addInitScript(CSP_LISTENER);
      await page.emulateMedia({ colorScheme: 'light' });
      await page.setViewportSize(LAPTOP);
      await openPanel(page, entry.slug);
      await expect(page.locator('h1')).toContainText(entry.title);
      await expect(page.locator('.explain .katex').first()).toBeVisible();
      expect(await page.locator('[data-testid^="experiment-"]').count()).toBeGreaterThanOrEqual(3);
      const html = await (await request.get(`/${entry.slug}/`)).text();
      expect(html).toContain(`<title>${entry.title.replace(/&/g, '&amp;')} · ML Intuition</title>`);
      await expectNoNaN(page);

      // At 1366×768, on load: the first slider of the controls and the main plot both intersect
      // the viewport.
      const onScreen = await page.evaluate(({ width, height }) => {
        const hit = (el: Element | null) => {
          if (!el) return 'missing';
          const r = el.getBoundingClientRect();
          return r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < width && r.top < height ? 'on screen' : `off screen (${Math.round(r.left)},${Math.round(r.top)})`;
        };
        const slider = document.querySelector('[data-testid="controls"] input[type="range"]') ?? document.querySelector('.workbench input[type="range"]');
        return { plot: hit(document.querySelector('[data-testid="plots"] :is(svg, canvas)')), slider: hit(slider) };
      }, LAPTOP);
      expect(onScreen, 'main plot and first slider at 1366×768').toEqual({ plot: 'on screen', slider: 'on screen' });

      // Every plot can be saved (issue 14): a figure that draws (SVG or canvas) has a Save menu.
      const unsaved = await page.evaluate(() =>
        Array.from(document.querySelectorAll('.workbench figure'))
          .filter((f) => f.querySelector('svg, canvas') && !f.querySelector('.fig-menu'))
          .map((f) => (f.querySelector('figcaption')?.textContent ?? '(no caption)').slice(0, 60)),
      );
      expect(unsaved, 'plots without a Save menu (lib/export/FigureMenu)').toEqual([]);

      // A panel that shows the shared player must be listed as iterating, so the stepper spec
      // steps it.
      if (await page.getByTestId('stepper').count()) expect(entry.iterates, 'shows a player: e2e/registry.ts should detect it').toBe(true);

      // Every control is reachable by keyboard (Tab only moves focus: nothing changes).
      const controls = page.locator('.workbench input, .workbench select, .workbench button');
      const total = await controls.count();
      // What a closed menu holds (a plot's Save menu) is reached by opening it, not by Tab.
      const ids = await controls.evaluateAll((els) => els.filter((e) => !e.closest('details:not([open])')).map((e, i) => ((e as HTMLElement).dataset.kbd = String(i))));
      // Focus moves are recorded in the page, so the walk costs one round trip per Tab, not two;
      // the walk stops as soon as every control has been reached.
      await page.evaluate(() => {
        const w = window as unknown as { __kbd: Set<string> };
        w.__kbd = new Set();
        document.addEventListener('focusin', (e) => {
          const id = (e.target as HTMLElement | null)?.dataset?.kbd;
          if (id !== undefined) w.__kbd.add(id);
        });
      });
      const reached = () => page.evaluate(() => (window as unknown as { __kbd: Set<string> }).__kbd.size);
      await page.locator('body').focus();
      for (let k = 0; k < total * 2 + 60; k += 10) {
        for (let j = 0; j < 10; j++) await page.keyboard.press('Tab');
        if ((await reached()) >= ids.length) break;
      }
      const disabled = await controls.evaluateAll((els) => els.filter((e) => (e as HTMLInputElement).disabled && !e.closest('details:not([open])')).length);
      expect(await reached(), 'controls reached by Tab').toBeGreaterThanOrEqual(ids.length - disabled);

      // Accessibility, light then dark (the app follows the system theme live).
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
      expect(await axeSerious(page), 'accessibility (light)').toEqual([]);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await rendered(page);
      expect(await axeSerious(page, ['color-contrast', 'link-in-text-block']), 'accessibility (dark): colours').toEqual([]);

      // A phone: no horizontal scrolling at 375 px, and nothing reads NaN after the re-layout.
      await page.setViewportSize({ width: 375, height: 800 });
      await rendered(page);
      await poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), { message: 'horizontal overflow at 375 px' })
        .toBeLessThanOrEqual(0);
      await expectNoNaN(page);
      await expectCsp(page);
      expect(errors).toEqual([]);
    });

    // Everything that changes state shares the second load: tensors after many slider steps,
    // every slider, the copied link, then every experiment.
    test('tensors return to baseline after 200 slider steps; every slider changes readout and URL; the copied link (with a note, and embedded) reproduces the readout; every "Try this" link applies its state; the tour walks them', async ({ page, browser }) => {
      test.setTimeout(180_000); // what three tests did, each with 90 s
      const errors = watchErrors(page);
      await openPanel(page, entry.slug);
      const sliders = page.locator('.workbench input[type="range"]');

      // Steps, so the report shows where the time goes.
      await test.step('live tensors (page and workers): 200 steps right and left on the first slider, then back at the count before them', async () => {
        // On the link that turns the panel's tfjs path on, when its default link computes without.
        const tfQuery = TF_QUERY[entry.slug];
        if (entry.tfDependsOnParams) expect(tfQuery, 'usesTf depends on the params: e2e/registry.ts TF_QUERY should name the link that turns it on').toBeDefined();
        if (tfQuery) await openPanel(page, entry.slug, tfQuery);
        const usesTf = await page.locator('main').getAttribute('data-uses-tf');
        if (tfQuery) expect(usesTf, `${tfQuery} should turn tfjs on`).not.toBe('false');
        if (usesTf === 'false') {
          // No tfjs anywhere: not on the page, and no worker reported a tensor count.
          expect(await liveTensors(page), 'a panel that says it uses no tfjs loaded it').toBeNull();
          return;
        }
        // The count must exist (page tensors, plus what each worker reports): a panel whose tfjs
        // runs only in a worker is counted through the worker kit's reports.
        await poll(() => liveTensors(page), { message: 'window.__mlTensors should count this panel’s tensors' }).not.toBeNull();
        if (usesTf === 'worker') expect(await workerTensors(page), 'the worker should report its tensors').not.toBeNull();
        const s = sliders.first();
        await s.focus();
        // One step there and back first, so the caches of computed states (the page's and the
        // workers') hold both values before the count is taken; a leak then grows with the steps.
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowLeft');
        await waitReady(page);
        const base = await liveTensors(page);
        // Straight to the keyboard (the slider keeps the focus; checked after): a locator press
        // re-checks the element every time, which made this step slow.
        for (let k = 0; k < 200; k++) await page.keyboard.press(k % 2 ? 'ArrowLeft' : 'ArrowRight');
        await expect(s).toBeFocused();
        await waitReady(page);
        await poll(() => liveTensors(page), { message: 'live tensors after 200 slider steps' }).toBe(base);
        if (tfQuery) await openPanel(page, entry.slug); // the steps below start from the default link
      });

      await test.step('every slider changes the readout and the URL', async () => {
        const n = await sliders.count();
        expect(n).toBeGreaterThan(0);
        await addressSettled(page);
        const params = () => new URL(page.url()).searchParams;
        const start = params();
        let moved = 0;
        for (let i = 0; i < n; i++) {
          const s = sliders.nth(i);
          if (!(await s.isEnabled())) continue;
          const before = await readoutText(page);
          const [val, max] = await s.evaluate((el: HTMLInputElement) => [Number(el.value), Number(el.max)]);
          await s.focus();
          const key = val >= max ? 'ArrowLeft' : 'ArrowRight';
          for (let k = 0; k < 4; k++) await page.keyboard.press(key);
          await expect(s).toBeFocused();
          await readoutChangedFrom(page, before);
          moved++;
        }
        // The address follows once the settings are still (useUrlSync): read it once at the end
        // instead of waiting for it after every slider. Each slider is its own setting, so as
        // many settings differ from the start as sliders moved.
        await addressSettled(page);
        const end = params();
        const changed = [...new Set([...start.keys(), ...end.keys()])].filter((k) => start.get(k) !== end.get(k));
        expect(changed.length, `settings the address changed after ${moved} sliders: ${changed.join(', ')}`).toBeGreaterThanOrEqual(moved);
      });

      await test.step('the copied link, with a note and as an embed, reproduces the readout', async () => {
        const expected = await readoutText(page);
        // A note typed by the sender rides in the link; hostile characters are flattened to text.
        const note = `Look at this <b>state</b> & ${entry.slug}`;
        await page.getByTestId('note-toggle').click();
        await page.getByTestId('note-input').fill(note);
        await expect(page.getByTestId('link-note')).toContainText(note);
        await page.getByTestId('copy-link').click();
        const link = await page.getByTestId('copied-link').inputValue();
        expect(new URL(link).searchParams.get('note')).toBe(note);
        expect(new URL(link).searchParams.get('embed')).toBeNull();
        // The same state embedded: the copied link plus embed=1, nothing else changed. One fresh
        // load of it checks both: the state's readout and the note, and the embed's frame (no
        // site header, footer or explanation, a way back to the full panel).
        const snippet = await (async () => {
          await page.getByTestId('embed-toggle').click();
          return page.getByTestId('embed-snippet').inputValue();
        })();
        const src = /src="([^"]+)"/.exec(snippet)![1].replace(/&amp;/g, '&');
        const embedded = new URL(src);
        expect(embedded.searchParams.get('embed')).toBe('1');
        embedded.searchParams.delete('embed');
        expect([...embedded.searchParams].sort().join('&'), 'the embed link names the copied link’s state').toBe([...new URL(link).searchParams].sort().join('&'));
        const fresh = await browser.newPage();
        await fresh.goto(src);
        await waitReady(fresh);
        expect(await readoutText(fresh)).toBe(expected);
        await expect(fresh.getByTestId('link-note')).toContainText(note);
        await expect(fresh.locator('.link-note b')).toHaveCount(0);
        await expect(fresh.locator('html')).toHaveAttribute('data-embed', '1');
        await expect(fresh.locator('.site-head')).toBeHidden();
        await expect(fresh.locator('aside.explain')).toHaveCount(0);
        expect(await readoutText(fresh)).toBe(expected);
        const full = await fresh.getByTestId('open-full').getAttribute('href');
        expect(new URL(full!).searchParams.get('embed')).toBeNull();
        expect(new URL(full!).searchParams.get('note')).toBe(note);
        await fresh.close();
      });

      const tourReadouts: string[] = [];
      await test.step('every "Try this" link applies its state; the first and the last, opened directly, show the same', async () => {
        const links = page.locator('[data-testid^="experiment-"]');
        const m = await links.count();
        for (let i = 0; i < m; i++) {
          const href = (await links.nth(i).getAttribute('href'))!;
          await links.nth(i).click();
          await poll(() => new URL(page.url()).search).toBe(new URL(href, page.url()).search);
          await waitReady(page);
          const viaClick = await readoutText(page);
          if (i < 2) tourReadouts.push(viaClick);
          // Opened directly (a fresh document on the same page, which also stops whatever the
          // clicked state still runs in the background): the same readout, so a clicked state
          // does not depend on the one before it. Two per panel: that every linked state reads
          // back exactly from its link is checked for all of them in
          // src/panels/experimentLinks.test.ts.
          if (i !== 0 && i !== m - 1) continue;
          await page.goto(href);
          await waitReady(page);
          expect(await readoutText(page), `experiment ${i}: ${href}`).toBe(viaClick);
        }
      });

      await test.step('the tour walks the experiments, the current one in the link', async () => {
        const m = await page.locator('[data-testid^="experiment-"]').count();
        if (m === 0) return;
        const titles = await page.locator('[data-testid^="experiment-"]').allInnerTexts();
        await page.getByTestId('tour-start').click();
        await expect(page.getByTestId('tour-title')).toContainText(titles[0]);
        await poll(() => new URL(page.url()).searchParams.get('tour')).toBe('1');
        await waitReady(page);
        expect(await readoutText(page)).toBe(tourReadouts[0]);
        if (m > 1) {
          await page.getByTestId('tour-next').focus();
          await page.keyboard.press('Enter');
          await expect(page.getByTestId('tour-title')).toContainText(titles[1]);
          await poll(() => new URL(page.url()).searchParams.get('tour')).toBe('2');
          await waitReady(page);
          expect(await readoutText(page)).toBe(tourReadouts[1]);
        }
        await page.getByTestId('tour-end').click();
        await expect(page.getByTestId('tour')).toHaveCount(0);
        await poll(() => new URL(page.url()).searchParams.get('tour')).toBeNull();
      });
      expect(errors).toEqual([]);
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
