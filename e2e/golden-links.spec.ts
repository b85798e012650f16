/**
 * Golden links: links made today must show the same thing after later releases. Each entry pins a
 * full versioned link and numbers its readout showed when it was made. If one of these fails,
 * either a change altered what an old link shows (bump LINK_VERSION and add a migration in
 * src/lib/params/url.ts), or the numbers were wrong and the fix must be stated in the commit.
 */
import { expect, test } from '@playwright/test';
import { openPanel, watchErrors } from './helpers';

const GOLDEN: { path: string; query: string; expect: Record<string, string> }[] = [
  {
    path: 'bias-variance',
    query: 'v=1&fn=cubic&noise=0.2&n=30&degree=5&sets=50&useRidge=0&lambda=0.001&design=stratified&engine=js&seed=7',
    expect: { 'ro-degree': '5', 'ro-bias2': '1.324e−4', 'ro-variance': '0.00878', 'ro-expected': '0.04891', 'ro-testMse': '0.05009', 'ro-trainMse': '0.02948' },
  },
  {
    path: 'bias-variance',
    query: 'v=1&fn=sine&noise=0.3&n=20&degree=12&sets=100&useRidge=1&lambda=0.01&design=uniform&engine=js&seed=1',
    expect: { 'ro-degree': '12', 'ro-bias2': '0.01812', 'ro-variance': '1.724', 'ro-expected': '1.832', 'ro-testMse': '1.827', 'ro-trainMse': '0.0349' },
  },
];

for (const g of GOLDEN) {
  test(`golden link ${g.path}?${g.query.slice(0, 60)}…`, async ({ page }) => {
    const errors = watchErrors(page);
    await openPanel(page, g.path, g.query);
    for (const [id, text] of Object.entries(g.expect)) await expect(page.getByTestId(id), id).toHaveText(text);
    await expect(page.getByTestId('link-notice')).toHaveCount(0);
    expect(errors).toEqual([]);
  });
}
