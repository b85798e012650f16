/**
 * Link fuzzing in the browser: what only a page can show. The bulk of the fuzzing (1,000 seeded
 * hostile links per panel through the params codec, and the panel's model where it is pure) runs
 * in vitest: src/panels/linkFuzz.test.ts. Here each panel opens FUZZ_CASES links (default 2):
 * first one carrying every script-running payload (on its text params where it has some, see
 * TEXT_SETUP in registry.ts), then seeded hostile ones (FUZZ_SEED to vary). Each must open with
 * no page or console error, show its readout and the link notice, never run injected markup, and
 * never print NaN in the page text or the plots. `npm run test:long` runs 1,000 per panel.
 */
import { expect, test } from '@playwright/test';
import type { Schema } from '../src/lib/params/schema';
import { TEXT_SETUP, UNDER_TEST } from './registry';
import { fuzzRng, hostileQuery, injectionQuery } from './hostile';
import { waitReady, watchErrors } from './helpers';

const CASES = Number(process.env.FUZZ_CASES ?? 2);
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);

for (const entry of UNDER_TEST) {
  test(`fuzzed links: ${entry.slug} (${CASES} cases, seed ${SEED})`, async ({ page }) => {
    test.setTimeout(60_000 + CASES * 4_000);
    const errors = watchErrors(page);
    // The panel's keys from its schema (params.ts is pure TypeScript), which saves a page load.
    const { schema } = (await import(`../src/panels/${entry.slug}/params.ts`)) as { schema: Schema };
    const keys = Object.keys(schema);
    const textKeys = keys.filter((k) => schema[k].kind === 'text');
    const rng = fuzzRng(SEED, entry.slug);
    for (let i = 0; i < CASES; i++) {
      const q = i === 0 ? injectionQuery(keys, textKeys, TEXT_SETUP[entry.slug]) : hostileQuery(rng, keys);
      const label = `case ${i} (seed ${SEED}): ?${q.slice(0, 200)}`;
      await page.goto(`/${entry.slug}/?${q}`);
      await waitReady(page);
      await expect(page.getByTestId('link-notice'), label).toBeVisible();
      const bad = await page.evaluate(() => {
        const w = window as unknown as { __pwned?: unknown };
        const body = document.body.innerText;
        const svgText = [...document.querySelectorAll('.workbench svg text')].map((t) => t.textContent ?? '').join(' ');
        const paths = [...document.querySelectorAll('.workbench svg [d]')].map((p) => p.getAttribute('d') ?? '');
        const attrs = [...document.querySelectorAll('.workbench svg *')].flatMap((el) =>
          ['x', 'y', 'cx', 'cy', 'width', 'height', 'x1', 'x2', 'y1', 'y2', 'transform'].map((a) => el.getAttribute(a) ?? ''),
        );
        return {
          pwned: w.__pwned !== undefined,
          injected: document.querySelectorAll('img[src="x"], .workbench script, .link-notice b, svg[onload]').length,
          // The page text may quote the hostile link (the notice does, as text): only a number
          // that came out as NaN counts, not the link's own letters "NaN" inside quotes.
          nanText: /NaN/.test(body.replace(/“[^”]*”/g, '')),
          nanReadout: /NaN/.test(document.querySelector('[data-testid="readout"]')?.textContent ?? ''),
          nanSvg: /NaN/.test(svgText) || paths.some((d) => /NaN|Infinity/.test(d)) || attrs.some((v) => /NaN|Infinity/.test(v)),
        };
      });
      expect(bad, label).toEqual({ pwned: false, injected: 0, nanText: false, nanReadout: false, nanSvg: false });
      expect(errors, label).toEqual([]);
    }
  });
}
