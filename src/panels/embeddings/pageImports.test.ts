/**
 * The page's modules (the view and what it imports from this folder) reach no tfjs: the skip-gram
 * model trains in the worker only, and one value import of run.ts or trainer.tf.ts from the page
 * (corpusOf, EVAL_PAIRS did) makes the page's chunk load the 0.7 MB tfjs chunk on every link.
 * Type imports are erased and do not count. Reads the sources: follows every value import from
 * EmbeddingsView.tsx within this folder.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const WORKER_ONLY = ['run', 'trainer.tf', 'batches', 'compute.worker', 'bench'];

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
