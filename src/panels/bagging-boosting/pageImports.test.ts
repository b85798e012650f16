/**
 * The page's modules (the view and what it imports from this folder) reach no model file and no
 * learner: those run in the worker only, and a value import of one (GRID_N from './model' did)
 * makes the page's chunk load the learners too. Type imports are erased and do not count. Reads
 * the sources: follows every value import from BaggingBoostingView.tsx within this folder.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const WORKER_ONLY = ['model', 'compute', 'halves', 'setting', 'bagging', 'adaboost', 'regression', 'grids', 'compute.worker', 'headStart'];

/** The value imports of a source text (not `import type`, and not `type X` only lists). */
function valueImports(src: string): string[] {
  const out: string[] = [];
  for (const m of src.matchAll(/^import\s+(type\s+)?([^;]*?)\s+from\s+'([^']+)';/gms)) {
    if (m[1]) continue;
    const names = m[2].replace(/[{}]/g, '').split(',').map((s) => s.trim()).filter(Boolean);
    if (names.length > 0 && names.every((s) => s.startsWith('type '))) continue;
    out.push(m[3]);
  }
  for (const m of src.matchAll(/^import\s+'([^']+)';/gm)) out.push(m[1]);
  for (const m of src.matchAll(/^export\s+(?!type)[^;]*?\s+from\s+'([^']+)';/gm)) out.push(m[1]);
  return out;
}

/** Every module of this folder the view reaches through value imports, and every outside import. */
function reach(entry: string) {
  const seen = new Set<string>(), outside = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const src = readFileSync(join(here, file), 'utf8');
    for (const spec of valueImports(src)) {
      if (!spec.startsWith('./')) {
        outside.add(spec);
        continue;
      }
      if (spec.endsWith('.css')) continue;
      const base = spec.slice(2);
      const name = ['.ts', '.tsx'].map((e) => base + e).find((f) => {
        try {
          readFileSync(join(here, f));
          return true;
        } catch {
          return false;
        }
      });
      if (!name) throw new Error(`${file}: cannot find ${spec}`);
      stack.push(name);
    }
  }
  return { seen, outside };
}

describe("the page's import graph", () => {
  it('valueImports tells value imports from type-only ones', () => {
    const src = [
      "import { GRID_N } from './model';",
      "import type { Frame } from './compute';",
      "import { type Part } from './merge';",
      "import { mergeHalves, type Part } from './halves';",
      "import './bagging-boosting.css';",
      "export { frameInput } from './keys';",
    ].join('\n');
    expect(valueImports(src)).toEqual(['./model', './halves', './bagging-boosting.css', './keys']);
  });

  it('the view reaches no worker-only module of this folder and no learner', () => {
    const { seen, outside } = reach('BaggingBoostingView.tsx');
    // The walk did find the view's own modules (a broken walk would pass the checks below).
    for (const f of ['BoundaryPlot.tsx', 'RegressionPlots.tsx', 'keys.ts', 'merge.ts', 'params.ts', 'worker.ts']) expect(seen.has(f), f).toBe(true);
    const reached = [...seen].map((f) => f.replace(/\.tsx?$/, ''));
    expect(reached.filter((f) => WORKER_ONLY.includes(f))).toEqual([]);
    expect([...outside].filter((s) => s.includes('/lib/learn/'))).toEqual([]);
  });
});
