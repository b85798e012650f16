/**
 * The page's modules (the view and what it imports from this folder) reach no tfjs: the skip-gram
 * model trains in the worker only, and one value import of run.ts or trainer.tf.ts from the page
 * (corpusOf, EVAL_PAIRS did) makes the page's chunk load the 0.7 MB tfjs chunk on every link.
 * Type imports are erased and do not count. Reads the sources: follows every value import from
 * EmbeddingsView.tsx within this folder.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reach as reachFrom, valueImports } from '../../lib/panel/importGraph.testutil';

const here = dirname(fileURLToPath(import.meta.url));
const reach = (entry: string) => reachFrom(here, entry);
const WORKER_ONLY = ['run', 'trainer.tf', 'batches', 'compute.worker', 'bench'];

describe("the page's import graph", () => {
  it('valueImports tells value imports from type-only ones', () => {
    const src = [
      "import { corpusOf } from './run';",
      "import type { RunView } from './run';",
      "import { type Corpus } from './corpus';",
      "import { EVAL_PAIRS, type TrainConfig } from './trainer.tf';",
      "import './embeddings.css';",
      "export { runConfig } from './config';",
    ].join('\n');
    expect(valueImports(src)).toEqual(['./run', './trainer.tf', './embeddings.css', './config']);
  });

  it('the view reaches no worker-only module of this folder and no tfjs', () => {
    const { seen, outside } = reach('EmbeddingsView.tsx');
    // The walk did find the view's own modules (a broken walk would pass the checks below).
    for (const f of ['LossCurve.tsx', 'useTrainingRun.ts', 'config.ts', 'corpus.ts', 'worker.ts', 'params.ts']) expect(seen.has(f), f).toBe(true);
    const reached = [...seen].map((f) => f.replace(/\.tsx?$/, ''));
    expect(reached.filter((f) => WORKER_ONLY.includes(f))).toEqual([]);
    expect([...outside].filter((s) => s.includes('/lib/tf/') || s.startsWith('@tensorflow/'))).toEqual([]);
  });

  it('the panel module reaches the view the same way (nothing else of panel.ts pulls tfjs in)', () => {
    const { seen, outside } = reach('panel.ts');
    expect(seen.has('EmbeddingsView.tsx')).toBe(true);
    expect([...seen].map((f) => f.replace(/\.tsx?$/, '')).filter((f) => WORKER_ONLY.includes(f))).toEqual([]);
    expect([...outside].filter((s) => s.includes('/lib/tf/') || s.startsWith('@tensorflow/'))).toEqual([]);
  });
});
