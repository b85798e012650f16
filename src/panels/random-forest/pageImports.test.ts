/**
 * The page's modules (panel.ts, the view and what they import from this folder) reach no module
 * that grows or scores a forest, and no learner: those run in the worker only, and a value import
 * of one (configKey from './model' did) makes the page's chunk load and evaluate them at every
 * link open. Type imports are erased and do not count. Reads the sources: follows every value
 * import from panel.ts within this folder.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reach } from '../../lib/panel/importGraph.testutil';

const here = dirname(fileURLToPath(import.meta.url));
const WORKER_ONLY = ['model', 'permPart', 'tally', 'planePermutation', 'grid', 'compute.worker', 'headStart', 'bench', 'worker.timing'];

describe("the page's import graph", () => {
  it('the panel reaches no worker-only module of this folder, no learner and no contour tracer', () => {
    const { seen, outside } = reach(here, 'panel.ts');
    // The walk did find the view's own modules (a broken walk would pass the checks below).
    for (const f of ['RandomForestView.tsx', 'ForestMap.tsx', 'TreeDiagram.tsx', 'config.ts', 'join.ts', 'data.ts', 'look.ts', 'readout.tsx', 'worker.ts'])
      expect(seen.has(f), f).toBe(true);
    const reached = [...seen].map((f) => f.replace(/\.tsx?$/, ''));
    expect(reached.filter((f) => WORKER_ONLY.includes(f))).toEqual([]);
    expect([...outside].filter((s) => s.includes('/lib/learn/') || s.includes('/lib/contour/'))).toEqual([]);
  });
});
