/**
 * Forests grown before the page asks (issue 8), in the worker, with the run the page will ask for,
 * through the kit's step ahead (lib/worker/stepAhead.ts):
 *
 * - The head start on a link. The router starts the panel's workers as soon as the address is
 *   known (worker.ts, lib/worker/early.ts), but the page asks for the forest only once its chunks
 *   have loaded and its first render is committed; the worker sat loaded and idle meanwhile. Now
 *   each new worker is told the address first (lib/worker/headStart.ts), reads the settings from it as the
 *   page's store does (parseQuery with the panel's schema) and starts growing that forest.
 * - One step ahead. A fresh forest takes 20–100 ms of a worker's time, and a slider step asks for
 *   one. Once the worker has answered and the page has had time to draw the answer, it grows the
 *   forest most likely asked for next: the slider last moved, one more step the same way (back,
 *   at the end of its range).
 *
 * Either grows in slices between looks at the worker's messages, and stops as soon as the page
 * asks for anything, or a slice of the page's own runs starts. When the page asks for that very
 * forest, the kit's run host gets the run under way (compute.worker.ts); any other request gets a
 * fresh run. A run's numbers do not depend on how its work was sliced (headStart.test.ts checks
 * the view to the bit), so a run taken over ends where a fresh one would. No DOM.
 */
import { parseQuery } from '../../lib/params/url';
import { createStepAhead, stepPredictor } from '../../lib/worker/stepAhead';
import { configKey, configOf, type ConfigParams, type ForestConfig } from './config';
import { schema } from './params';

/**
 * Work per slice before the worker looks at its messages: short, so a request for other settings
 * than the ones grown ahead waits little (the page's own runs take 40 ms slices, RandomForestView).
 */
export const AHEAD_SLICE_MS = 16;

/** The sliders whose step needs a fresh forest (the trees and picked-tree sliders only move the run). */
export const AHEAD = ['n', 'noise', 'jitter', 'depth', 'minSplit'] as const;
const FIELDS = ['dataset', 'jitter', 'n', 'noise', 'seed', 'criterion', 'depth', 'minSplit', 'features', 'bootstrap'] as const;
const guess = stepPredictor<ConfigParams>(schema, AHEAD, FIELDS);

/** The config (part included) and target the page's first render asks for at this address. */
export function linkedRun(m: { part: 0 | 1; search: string }) {
  const { params } = parseQuery(schema, m.search);
  const config: ForestConfig = { ...configOf(params), part: m.part };
  return { config, target: { trees: params.trees, pick: params.tree } };
}

function paramsOf(c: ForestConfig): ConfigParams {
  const { data: d, criterion, depth, minSplit, features, bootstrap } = c;
  return { dataset: d.dataset, jitter: d.jitter, n: d.n, noise: d.noise, seed: d.seed, criterion, depth, minSplit, features, bootstrap };
}

/** The config after `cur` when the one asked before was `prev` (same part): the kit's guess, or null. */
export function nextConfig(prev: ForestConfig | null, cur: ForestConfig): ForestConfig | null {
  if (!prev || prev.part !== cur.part) return null;
  const next = guess(paramsOf(prev), paramsOf(cur));
  return next && { ...configOf(next), part: cur.part };
}

/** What the kit's run host needs of a run (model.ts's and permPart.ts's runs). */
export interface AheadRun<T, V> {
  advance(t: T, deadline: number): boolean;
  view(t: T): V;
  progress(): number;
}

/** A request (its target comes later, with the run's first slice) or a forest grown ahead toward `target`. */
interface Ask<T> {
  config: ForestConfig;
  target: T | null;
}

/**
 * For one of the worker's two runs (`make`: the forest's view, or the permutation part).
 * `nextTask` resolves on a fresh task (after messages that arrived meanwhile), `idle` when a step
 * ahead may start (the kit's defaults when left out).
 */
export function createAhead<T, V>(make: (c: ForestConfig) => AheadRun<T, V>, nextTask?: () => Promise<void>, idle?: () => Promise<void>, sliceMs = AHEAD_SLICE_MS) {
  const keyOf = (c: ForestConfig) => `${c.part}#${configKey(c)}`;
  const ahead = createStepAhead<Ask<T>, AheadRun<T, V>>({
    key: (a) => keyOf(a.config),
    // Grown toward the target the page's last answer reached (a link's for the head start).
    predict: (prev, cur) => {
      const next = prev && cur.target !== null ? nextConfig(prev.config, cur.config) : null;
      return next && { config: next, target: cur.target };
    },
    make: (a) => make(a.config),
    grow: (run, a) => run.advance(a.target!, performance.now() + sliceMs),
    idle,
    pause: nextTask,
    // The run host keeps the page's last two runs: at the end of a range the step back is ready.
    backIsFree: true,
  });

  return {
    /** The head start: grows the linked forest; ignored once the page has asked. */
    begin(config: ForestConfig, target: T): void {
      ahead.begin({ config, target });
    },
    /** The run host's factory: the run for `config`, watched so a finished target looks one step ahead. */
    run(config: ForestConfig): AheadRun<T, V> {
      const run = ahead.take({ config, target: null }) ?? make(config);
      return {
        advance(t: T, deadline: number): boolean {
          // Each slice of the page's is a request to the kit: no growing ahead beside it, and a
          // run the host kept (a turn back to the setting before) still counts in the history.
          ahead.take({ config, target: null });
          const done = run.advance(t, deadline);
          if (done) ahead.answered({ config, target: t });
          return done;
        },
        view: (t: T) => run.view(t),
        progress: () => run.progress(),
      };
    },
    /** The settings of the run begun and not yet taken (tests), or null. */
    pending: () => ahead.keys()[0] ?? null,
  };
}
