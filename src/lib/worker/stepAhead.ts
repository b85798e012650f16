/**
 * One step ahead (issue 8), for a panel's worker. A slider step often asks for work that takes a
 * worker longer than the 100 ms a learner should wait for the result (a fresh forest, a half of
 * the ensembles, a study's data sets). But a learner stepping a slider mostly steps it again, the
 * same way. So once the worker has answered and the page has had time to draw the answer
 * (`STEP_AHEAD_IDLE_MS`), the worker prepares the input most likely asked for next: the slider
 * last moved, one step further the same way (back, at the end of its range), rounded as the
 * page's store rounds it, so it is the very value the slider's next step gives (stepPredictor).
 * The work is done in slices between looks at the worker's messages, and any request stops it;
 * when the request is for the input prepared, it is handed over (take), so the page's answer is
 * computed by the same code on the same work, only sooner: what is shown does not change.
 *
 * The same machinery gives the head start on a link (lib/worker/headStart.ts: `begin`). The panel
 * supplies what the work is (`make`, `grow`) and what it depends on (`key`); the kit owns the
 * guessing, the waiting, the stopping and a small cache of prepared work. No DOM.
 */
import { coerce, type IntSpec, type NumberSpec, type Schema } from '../params/schema';
import { sleep } from '../panel/schedule';
import { nextTask } from './scope';

/**
 * How long a step ahead waits after an answer before it starts: the page merges and draws the
 * answer meanwhile (a render and a frame); on two cores a busy worker would slow that drawing.
 */
export const STEP_AHEAD_IDLE_MS = 40;

type SliderSpec = NumberSpec | IntSpec;

/**
 * The guess: `(prev, cur)` → the input after `cur`, when `prev` was asked before it. Null unless
 * exactly one of `fields` moved between them and it is one of `sliders`; then that slider one step
 * further the same way, or one step back where that would pass the end of its range, coerced as
 * the store coerces a slider's value. `fields`: every field of the input that the work depends on
 * or that a control sets (a choice or the seed moving means no guess). Throws at once for a slider
 * that is not a linear number slider of `schema` (a log slider's steps are the range input's own
 * arithmetic in log units, not reproduced here) or that is not among `fields`.
 */
export function stepPredictor<P extends object>(schema: Schema, sliders: readonly (keyof P & string)[], fields: readonly (keyof P & string)[]): (prev: P | null, cur: P) => P | null {
  const specs = new Map<string, SliderSpec>();
  for (const name of sliders) {
    const spec = schema[name];
    if (!spec || (spec.kind !== 'number' && spec.kind !== 'int')) throw new Error(`stepPredictor: "${name}" is not a number slider of the schema`);
    if (spec.kind === 'number' && spec.scale === 'log') throw new Error(`stepPredictor: "${name}" steps in log units, which are not reproduced`);
    if (!fields.includes(name)) throw new Error(`stepPredictor: "${name}" is not among the fields compared`);
    specs.set(name, spec);
  }
  return (prev, cur) => {
    if (!prev) return null;
    const a = prev as Record<string, unknown>, b = cur as Record<string, unknown>;
    let moved: string | null = null;
    for (const f of fields) {
      if (a[f] === b[f]) continue;
      if (moved !== null) return null; // two settings at once: no slider step
      moved = f;
    }
    const spec = moved === null ? undefined : specs.get(moved);
    if (moved === null || !spec) return null;
    const v = b[moved] as number, step = spec.step ?? 1;
    const dir = v > (a[moved] as number) ? 1 : -1;
    // Within the range (a float sum may pass an end by an ulp), the value the store keeps.
    const at = (raw: number) => (raw > spec.max + 1e-9 || raw < spec.min - 1e-9 ? null : (coerce(spec, raw).value as number));
    const next = at(v + dir * step) ?? at(v - dir * step);
    if (next === null || next === v) return null;
    return { ...cur, [moved]: next };
  };
}

/** What a panel tells the kit about its work. `I`: a request's input; `W`: the work prepared. */
export interface StepAheadWork<I, W> {
  /** What the work depends on: a request with the same key is given the work prepared for it. */
  key(input: I): string;
  /** The input most likely asked for after `cur` (usually stepPredictor's), or null. */
  predict(prev: I | null, cur: I): I | null;
  /** Fresh work for `input`, nothing computed yet (cheap: the growing does the work). */
  make(input: I): W;
  /** One slice of `w`'s work toward `input` (the latest one guessed for its key); true once done. */
  grow(w: W, input: I): boolean;
  /** Resolves when a step ahead may start (default: STEP_AHEAD_IDLE_MS after the answer). */
  idle?: () => Promise<void>;
  /** Resolves on a fresh task, after the messages that came meanwhile (default: nextTask). */
  pause?: () => Promise<void>;
  /** Works kept prepared and not yet taken, the oldest dropped first (default 1). */
  size?: number;
  /**
   * The worker keeps the work of the input asked before the current one anyway (the run host
   * keeps two runs per channel), so a guess that turns back to it (the end of a range) would be
   * wasted: the step ahead then prepares the step after it, where the learner goes next.
   */
  backIsFree?: boolean;
}

export interface StepAhead<I, W> {
  /**
   * A request for `input`: stops any growing at once, and returns the work prepared for its key
   * (no longer kept here), or null (the panel then makes its own). Call it for every request, and
   * for every slice of the page's own work in this worker (no growing ahead beside it).
   */
  take(input: I): W | null;
  /** `input` was answered: once idle, if no request came meanwhile, prepares the guessed next input. */
  answered(input: I): void;
  /** The head start on a link: prepares `input` at once; ignored once any request came. */
  begin(input: I): void;
  /** Keeps work the worker already holds for `key` (a setting just left: a turn back is free). */
  keep(key: string, w: W): void;
  /** The keys of the works prepared and not taken, oldest first. */
  keys(): string[];
}

/** A prepared work in the cache (its own object: a growing loop checks it is still the one kept). */
interface Entry<W> {
  w: W;
}

export function createStepAhead<I, W>(o: StepAheadWork<I, W>): StepAhead<I, W> {
  const idle = o.idle ?? (() => sleep(STEP_AHEAD_IDLE_MS));
  const pause = o.pause ?? nextTask;
  const size = Math.max(1, o.size ?? 1);
  /** Prepared works by key, in insertion order (the oldest first). */
  const ready = new Map<string, Entry<W>>();
  /** Bumped by every request: a growing loop stops at its next look. */
  let epoch = 0;
  /** Bumped by every new growing loop: an older one stops. */
  let loops = 0;
  let asked = 0;
  /** The last two requests of different keys (the guess's history). */
  let prev: I | null = null, cur: I | null = null;

  const put = (key: string, e: Entry<W>) => {
    ready.delete(key);
    while (ready.size >= size) ready.delete(ready.keys().next().value as string);
    ready.set(key, e);
  };

  const grow = async (key: string, e: Entry<W>, input: I) => {
    const mine = ++loops, at = epoch;
    try {
      while (mine === loops && at === epoch && ready.get(key) === e && !o.grow(e.w, input)) await pause();
    } catch {
      // Only time not saved: forget the work; the request computes afresh when it comes.
      if (ready.get(key) === e) ready.delete(key);
    }
  };

  const prepare = (input: I) => {
    const key = o.key(input);
    let e = ready.get(key);
    if (!e) {
      // Dropped before the new one is made, so at most `size` works are held at any time.
      while (ready.size >= size) ready.delete(ready.keys().next().value as string);
      try {
        e = { w: o.make(input) };
      } catch {
        return; // only the step ahead lost
      }
    }
    put(key, e); // the newest last, whether made now or resumed
    void grow(key, e, input);
  };

  return {
    take(input) {
      epoch++;
      asked++;
      const key = o.key(input);
      if (cur !== null && o.key(cur) !== key) prev = cur;
      cur = input;
      const e = ready.get(key);
      if (!e) return null;
      ready.delete(key);
      return e.w;
    },
    answered(input) {
      const at = epoch;
      void idle().then(() => {
        // The page asked for more meanwhile: that request's answer looks ahead instead.
        if (at !== epoch || cur === null || o.key(cur) !== o.key(input)) return;
        try {
          let next = o.predict(prev, input);
          if (next !== null && o.backIsFree && prev !== null && o.key(next) === o.key(prev)) {
            next = o.predict(input, next);
            if (next !== null && o.key(next) === o.key(input)) next = null; // a range of two values
          }
          if (next !== null) prepare(next);
        } catch {
          // A guess that fails is only a step ahead not taken.
        }
      });
    },
    begin(input) {
      if (asked === 0) prepare(input);
    },
    keep(key, w) {
      put(key, { w });
    },
    keys: () => [...ready.keys()],
  };
}
