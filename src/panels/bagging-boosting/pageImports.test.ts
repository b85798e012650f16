/**
 * The page's modules (the view and what it imports from this folder) reach no model file and no
 * learner: those run in the worker only, and a value import of one (GRID_N from './model' did)
 * makes the page's chunk load the learners too. Type imports are erased and do not count. Reads
 * the sources: follows every value import from BaggingBoostingView.tsx within this folder.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reach as reachFrom, valueImports } from '../../lib/panel/importGraph.testutil';

const here = dirname(fileURLToPath(import.meta.url));
const reach = (entry: string) => reachFrom(here, entry);
const WORKER_ONLY = ['model', 'compute', 'halves', 'setting', 'bagging', 'adaboost', 'regression', 'grids', 'compute.worker', 'headStart'];

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
