/**
 * Forests grown before the page asks (issue 8), in the worker, with the run the page will ask for:
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
 * asks for anything. When the page asks for that very forest, the kit's run host gets the run
 * under way (compute.worker.ts); any other request gets a fresh run. A run's numbers do not depend
 * on how its work was sliced (headStart.test.ts checks the view to the bit), so a run taken over
 * ends where a fresh one would. No DOM; the worker passes the waits, the tests their own.
 */
import { coerce } from '../../lib/params/schema';
import { parseQuery } from '../../lib/params/url';
import { configKey, configOf, type ConfigParams, type ForestConfig } from './model';
import { schema } from './params';

/**
 * Work per slice before the worker looks at its messages: short, so a request for other settings
 * than the ones grown ahead waits little (the page's own runs take 40 ms slices, RandomForestView).
 */
export const AHEAD_SLICE_MS = 16;
/** How long a step ahead waits after an answer: the page draws it meanwhile (a render and a frame). */
export const AHEAD_IDLE_MS = 40;

/** The sliders whose step needs a fresh forest (the trees and picked-tree sliders only move the run). */
export const AHEAD = ['n', 'noise', 'jitter', 'depth', 'minSplit'] as const;
const FIELDS = ['dataset', 'jitter', 'n', 'noise', 'seed', 'criterion', 'depth', 'minSplit', 'features', 'bootstrap'] as const;

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

/**
 * The config after `cur` when the one asked before was `prev`: if only one of AHEAD moved, that
 * one a step further the same way (the other way past the end of its range), rounded as the store
 * rounds it (coerce), so it is the very value the slider's next step gives. Else null.
 */
export function nextConfig(prev: ForestConfig | null, cur: ForestConfig): ForestConfig | null {
  if (!prev || prev.part !== cur.part) return null;
  const a = paramsOf(prev), b = paramsOf(cur);
  const moved = FIELDS.filter((f) => a[f] !== b[f]);
  const name = moved.length === 1 ? AHEAD.find((x) => x === moved[0]) : undefined;
  if (!name) return null;
  const spec = schema[name];
  const v = b[name], step = 'step' in spec ? spec.step : 1;
  const dir = v > a[name] ? 1 : -1;
  const at = (raw: number) => (raw > spec.max + 1e-9 || raw < spec.min - 1e-9 ? null : (coerce(spec, raw).value as number));
  const next = at(v + dir * step) ?? at(v - dir * step);
  if (next === null || next === v) return null;
  const stepped: ConfigParams = { ...b };
  stepped[name] = next;
  return { ...configOf(stepped), part: cur.part };
}

/** What the kit's run host needs of a run (model.ts's and permPart.ts's runs). */
export interface AheadRun<T, V> {
  advance(t: T, deadline: number): boolean;
  view(t: T): V;
  progress(): number;
}

interface Begun<T, V> {
  key: string;
  run: AheadRun<T, V>;
  target: T;
  /** A head start (kept through one request for other settings: a first render may ask for those). */
  head: boolean;
  /** The growing loop that may still advance it (a newer loop ends an older one). */
  loop: number;
}

/**
 * For one of the worker's two runs (`make`: the forest's view, or the permutation part).
 * `nextTask` resolves on a fresh task (after messages that arrived meanwhile), `idle` when a step
 * ahead may start.
 */
export function createAhead<T, V>(make: (c: ForestConfig) => AheadRun<T, V>, nextTask: () => Promise<void>, idle: () => Promise<void>, sliceMs = AHEAD_SLICE_MS) {
  let begun: Begun<T, V> | null = null;
  let asked = 0;
  /** Bumped by every request and every slice of the page's own runs: a growing loop stops at once. */
  let epoch = 0;
  let loops = 0;
  let prev: ForestConfig | null = null, cur: ForestConfig | null = null;
  const keyOf = (c: ForestConfig) => `${c.part}#${configKey(c)}`;

  const grow = async (b: Begun<T, V>) => {
    const mine = (b.loop = ++loops), at = epoch;
    try {
      while (begun === b && b.loop === mine && epoch === at && !b.run.advance(b.target, performance.now() + sliceMs)) await nextTask();
    } catch {
      // Only a head start lost: the page's own request makes a fresh run.
      if (begun === b) begun = null;
    }
  };

  /** The page's run for `config`: the one begun for it, else a fresh one. */
  const take = (config: ForestConfig): AheadRun<T, V> => {
    epoch++;
    asked++;
    if (!cur || keyOf(cur) !== keyOf(config)) [prev, cur] = [cur, config];
    const b = begun;
    if (b && b.key === keyOf(config)) {
      begun = null;
      return b.run;
    }
    if (b && !(b.head && asked < 2)) begun = null;
    return make(config);
  };

  /** After the page's run reached `t`: one step ahead, once the page has drawn the answer. */
  const stepAhead = async (config: ForestConfig, t: T) => {
    const at = epoch;
    await idle();
    if (epoch !== at || !cur || keyOf(cur) !== keyOf(config)) return; // the page asked for more meanwhile
    const next = nextConfig(prev, config);
    if (!next) return;
    const key = keyOf(next);
    if (!begun || begun.key !== key) begun = { key, run: make(next), target: t, head: false, loop: 0 };
    else begun.target = t;
    void grow(begun);
  };

  return {
    /** The head start: grows the linked forest; ignored once the page has asked, or once begun. */
    begin(config: ForestConfig, target: T): void {
      if (begun || asked > 0) return;
      const b: Begun<T, V> = (begun = { key: keyOf(config), run: make(config), target, head: true, loop: 0 });
      void grow(b);
    },
    /** The run host's factory: the run for `config`, watched so a finished target looks one step ahead. */
    run(config: ForestConfig): AheadRun<T, V> {
      const run = take(config);
      return {
        advance(t: T, deadline: number): boolean {
          epoch++;
          const done = run.advance(t, deadline);
          if (done) void stepAhead(config, t);
          return done;
        },
        view: (t: T) => run.view(t),
        progress: () => run.progress(),
      };
    },
    /** The settings of the run begun and not yet taken (tests), or null. */
    pending: () => begun?.key ?? null,
  };
}
