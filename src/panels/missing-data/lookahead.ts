/**
 * One step ahead (issue 8): at 400 rows a worker's half of the study takes about 80 ms of CPU, so
 * a step of the rate, ρ or n slider (each changes every data set) cannot show its result within
 * 100 ms if the work starts only when it is asked for. So, once a worker has answered and the page
 * is idle, it analyses its data sets at the setting most likely asked for next: the slider last
 * moved, one more step the same way (back, at the end of its range). When that setting is asked
 * for, the look-ahead's cache becomes the study's, so the data sets it has analysed are not
 * analysed again; any request stops the look-ahead before its next data set. The numbers are the
 * study's own (studyPartJob on a cache of its own), so what is shown is the same, only sooner.
 * No React, no DOM; the worker passes the waits (compute.worker.ts), the tests pass their own.
 */
import { coerce } from '../../lib/params/schema';
import { parseQuery } from '../../lib/params/url';
import { StudyCache, studyKey, studyPartJob, type StudyInput } from './model';
import { schema } from './params';

/** The sliders whose step changes every data set, so a step ahead is worth a study's work. */
export const AHEAD = ['rate', 'rho', 'n'] as const;
const FIELDS = ['mechanism', 'rate', 'rho', 'n', 'draws', 'k', 'indicator', 'seed'] as const;

/**
 * The setting after `cur` when the last answered one was `prev`: if only one of AHEAD moved, that
 * one a step further the same way (the other way past the end of its range), rounded as the
 * store rounds it (coerce), so it is the very number the slider's next step gives. Else null.
 */
export function nextSetting(prev: StudyInput | null, cur: StudyInput): StudyInput | null {
  if (!prev) return null;
  const moved = FIELDS.filter((f) => prev[f] !== cur[f]);
  const name = moved.length === 1 ? AHEAD.find((a) => a === moved[0]) : undefined;
  if (!name) return null;
  const spec = schema[name], v = cur[name], step: number = spec.step;
  const dir = v > prev[name] ? 1 : -1;
  const at = (raw: number) => (raw > spec.max + 1e-9 || raw < spec.min - 1e-9 ? null : (coerce(spec, raw).value as number));
  const next = at(v + dir * step) ?? at(v - dir * step);
  return next === null || next === v ? null : { ...cur, [name]: next };
}

/** The study a link asks for: its settings as the page's store reads the address (parseQuery). */
export function linkedStudy(search: string): StudyInput {
  const { mechanism, rate, rho, n, draws, k, indicator, seed } = parseQuery(schema, search).params;
  return { mechanism, rate, rho, n, draws, k, indicator, seed };
}

export interface Lookahead {
  /** The cache a request runs on (the look-ahead's, when it was for this setting); stops the look-ahead. */
  take(input: StudyInput): StudyCache;
  /** After an answer to `input`: looks one step ahead, a data set per task, once `idle` resolves. */
  after(input: StudyInput, shard: number, shards: number): void;
  /** The head start on a link: `input`'s data sets at once, a data set per task, until a request comes. */
  begin(input: StudyInput, shard: number, shards: number): void;
}

/**
 * `idle`: resolves when the look-ahead may start (the page draws the answer first); `pause`:
 * resolves on a fresh task, so a request waiting in the queue is taken before the next data set.
 */
export function createLookahead(idle: () => Promise<void>, pause: () => Promise<void>): Lookahead {
  let now = new StudyCache();
  // One store of random numbers for both: a step ahead keeps the seed (its key is checked anyway).
  let ahead = new StudyCache(now.numbers);
  let last: StudyInput | null = null;
  let generation = 0;
  /** Steps `input`'s study on the look-ahead's cache until a request (take) or a newer look-ahead. */
  const run = async (input: StudyInput, shard: number, shards: number, wait?: () => Promise<void>) => {
    const mine = ++generation;
    try {
      if (wait) await wait();
      if (mine !== generation) return;
      const job = studyPartJob(input, ahead, shard, shards);
      while (mine === generation && !job.step()) await pause();
    } catch {
      // A look-ahead that fails is only time not saved: forget its cache, the request computes afresh.
      ahead = new StudyCache(now.numbers);
    }
  };
  return {
    take(input) {
      generation++;
      if (ahead.key === studyKey(input)) [now, ahead] = [ahead, now];
      return now;
    },
    after(input, shard, shards) {
      const guess = nextSetting(last, input);
      last = input;
      if (guess) void run(guess, shard, shards, idle);
    },
    begin(input, shard, shards) {
      void run(input, shard, shards);
    },
  };
}
