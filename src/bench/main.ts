/**
 * Entry of bench.html, built only by `npm run bench` (BENCH=1). Exposes each panel's own
 * benchmark (src/panels/<slug>/bench.ts, `export async function bench(): Promise<BenchRow[]>`)
 * to the bench script, after tfjs has picked its backend exactly as in the app.
 */
import { ensureBackend } from '../lib/tf/backend';
import type { BenchRow } from '../lib/bench/measure';

const modules = import.meta.glob('../panels/*/bench.ts') as Record<string, () => Promise<{ bench: () => Promise<BenchRow[]> }>>;

const slugs = Object.keys(modules).map((k) => k.split('/')[2]);

Object.assign(window, {
  __benchSlugs: slugs,
  __runBench: async (slug: string) => {
    const info = await ensureBackend();
    const mod = await modules[`../panels/${slug}/bench.ts`]();
    return { backend: info.name, rows: await mod.bench() };
  },
});
document.body.dataset.ready = 'true';
