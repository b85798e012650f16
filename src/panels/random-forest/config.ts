/**
 * What a forest depends on (its config and key) and the few pure helpers the page needs too. Apart
 * from model.ts so the page's chunk does not load the worker's code (model.ts imports the learners,
 * the grids, the permutation and the contour tracer): the view imports this file, the worker the
 * model, which re-exports it (pageImports.test.ts keeps it so). Pure.
 */
import type { DataParams } from './data';
import type { ForestParams, MaxFeatures } from './params';

/** Everything that needs a fresh forest (the trees count and the picked tree do not). */
export interface ForestConfig {
  data: DataParams;
  criterion: 'gini' | 'entropy';
  depth: number;
  minSplit: number;
  features: MaxFeatures;
  bootstrap: boolean;
  /**
   * Which of two workers this run is (absent: one run does everything). Part 0 does all but
   * some columns' permutation importances, which part 1 (createPermRun) scores at the same time
   * (permColumns): on two cores a forest with noise columns comes in far sooner. joinParts puts
   * them together, to the bit the whole run's view.
   */
  part?: 0 | 1;
}

export interface ForestTarget {
  trees: number;
  /** The picked tree, 1-based; clamped to the trees grown. */
  pick: number;
}

/** The params a forest depends on (the trees count and the picked tree aside). */
export type ConfigParams = Pick<ForestParams, 'dataset' | 'jitter' | 'n' | 'noise' | 'seed' | 'criterion' | 'depth' | 'minSplit' | 'features' | 'bootstrap'>;

export function configOf(p: ConfigParams): ForestConfig {
  return {
    data: { dataset: p.dataset, jitter: p.jitter, n: p.n, noise: p.noise, seed: p.seed },
    criterion: p.criterion,
    depth: p.depth,
    minSplit: p.minSplit,
    features: p.features,
    bootstrap: p.bootstrap,
  };
}

export function configKey(c: ForestConfig): string {
  const d = c.data;
  return [d.dataset, d.jitter, d.n, d.noise, d.seed, c.criterion, c.depth, c.minSplit, c.features, c.bootstrap].join('|');
}

/** Features tried per split: scikit-learn's max(1, ⌊√d⌋) for 'sqrt', d for 'all', else min(k, d). */
export function featuresPerSplit(f: MaxFeatures, d: number): number {
  if (f === 'sqrt') return Math.max(1, Math.floor(Math.sqrt(d)));
  if (f === 'all') return d;
  return Math.min(Number(f), d);
}
