/**
 * Link fuzzing: every panel opened with generated hostile links (FUZZ_CASES per panel, default
 * 50; FUZZ_SEED to vary). Each must open with no page or console error, show its readout, repair
 * the values with a notice, never run injected markup, and never print NaN in readout or plots.
 * `npm run test:long` runs 1,000 per panel.
 */
import { expect, test } from '@playwright/test';
import { UNDER_TEST } from './registry';
import { fuzzRng, hostileQuery } from './hostile';
import { openPanel, waitReady, watchErrors } from './helpers';

const CASES = Number(process.env.FUZZ_CASES ?? 50);
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);

for (const entry of UNDER_TEST) {
  test(`fuzzed links: ${entry.slug} (${CASES} cases, seed ${SEED})`, async ({ page }) => {
    test.setTimeout(60_000 + CASES * 4_000);
    const errors = watchErrors(page);
    await openPanel(page, entry.slug);
    const keys = [...new URL(page.url()).searchParams.keys()].filter((k) => k !== 'v');
    const rng = fuzzRng(SEED, entry.slug);
    for (let i = 0; i < CASES; i++) {
      const q = hostileQuery(rng, keys);
      const label = `case ${i} (seed ${SEED}): ?${q.slice(0, 200)}`;
      await page.goto(`/${entry.slug}/?${q}`);
      await waitReady(page);
      await expect(page.getByTestId('link-notice'), label).toBeVisible();
      const bad = await page.evaluate(() => {
        const w = window as unknown as { __pwned?: unknown };
        const readout = document.querySelector('[data-testid="readout"]')?.textContent ?? '';
        const svgText = [...document.querySelectorAll('.workbench svg text')].map((t) => t.textContent ?? '').join(' ');
        const paths = [...document.querySelectorAll('.workbench svg [d]')].map((p) => p.getAttribute('d') ?? '');
        const attrs = [...document.querySelectorAll('.workbench svg *')].flatMap((el) =>
          ['x', 'y', 'cx', 'cy', 'width', 'height', 'x1', 'x2', 'y1', 'y2', 'transform'].map((a) => el.getAttribute(a) ?? ''),
        );
        return {
          pwned: w.__pwned !== undefined,
          injected: document.querySelectorAll('img[src="x"], .workbench script, .link-notice b').length,
          nanReadout: /NaN/.test(readout),
          nanSvg: /NaN/.test(svgText) || paths.some((d) => /NaN|Infinity/.test(d)) || attrs.some((v) => /NaN|Infinity/.test(v)),
        };
      });
      expect(bad, label).toEqual({ pwned: false, injected: 0, nanReadout: false, nanSvg: false });
      expect(errors, label).toEqual([]);
    }
  });
}
