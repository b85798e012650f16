/**
 * One step ahead (issue 8): at 400 rows a worker's half of the study takes about 80 ms of CPU, so
 * a step of the rate, ρ or n slider (each changes every data set) cannot show its result within
 * 100 ms if the work starts only when it is asked for. So, once a worker has answered and the page
 * is idle, it analyses its data sets at the setting most likely asked for next: the slider last
 * moved, one more step the same way (back, at the end of its range), through the kit's step ahead
 * (lib/worker/stepAhead.ts: the guess, the waits, the stopping). When that setting is asked for,
 * the look-ahead's cache becomes the study's, so the data sets it has analysed are not analysed
 * again, and the cache left is kept for a turn back; any request stops the look-ahead before its
 * next data set. The numbers are the study's own (studyPartJob on a cache of its own), so what is
 * shown is the same, only sooner. No React, no DOM; the worker passes the waits or takes the kit's
 * (compute.worker.ts), the tests pass their own.
 */
import { parseQuery } from '../../lib/params/url';
import type { Stepwise } from '../../lib/panel/schedule';
import { createStepAhead, stepPredictor } from '../../lib/worker/stepAhead';
import { StudyCache, studyKey, studyPartJob, type StudyInput, type StudyPart } from './model';
import { schema } from './params';

/** The sliders whose step changes every data set, so a step ahead is worth a study's work. */
export const AHEAD = ['rate', 'rho', 'n'] as const;
const FIELDS = ['mechanism', 'rate', 'rho', 'n', 'draws', 'k', 'indicator', 'seed'] as const;

/**
 * The setting after `cur` when the one asked before was `prev` (the kit's guess): if only one of
 * AHEAD moved, that one a step further the same way (the other way past the end of its range),
 * rounded as the store rounds it, so it is the very number the slider's next step gives. Else null.
 */
export const nextSetting: (prev: StudyInput | null, cur: StudyInput) => StudyInput | null = stepPredictor<StudyInput>(schema, AHEAD, FIELDS);

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

/** A cache being filled ahead, with the job filling it (remade when the guess for its key changes). */
interface Ahead {
  cache: StudyCache;
  job: Stepwise<StudyPart> | null;
  for: StudyInput | null;
  part: string;
}

/**
 * `idle`: resolves when the look-ahead may start (the page draws the answer first); `pause`:
 * resolves on a fresh task, so a request waiting in the queue is taken before the next data set.
 * Both default to the kit's.
 */
export function createLookahead(idle?: () => Promise<void>, pause?: () => Promise<void>): Lookahead {
  let now = new StudyCache();
  // One store of random numbers for all: a step ahead keeps the seed (its key is checked anyway).
  const numbers = now.numbers;
  // A worker always gets the same shard; kept with the job all the same.
  let shard = 0, shards = 1;
  const ahead = createStepAhead<StudyInput, Ahead>({
    key: studyKey,
    predict: nextSetting,
    make: () => ({ cache: new StudyCache(numbers), job: null, for: null, part: '' }),
    grow: (w, input) => {
      const part = `${shard}/${shards}`;
      if (w.for !== input || w.part !== part) {
        w.job = studyPartJob(input, w.cache, shard, shards);
        w.for = input;
        w.part = part;
      }
      return w.job!.step();
    },
    idle,
    pause,
  });
  return {
    take(input) {
      const w = ahead.take(input);
      if (w) {
        // The setting left: a turn back (the end of a range) then finds its data sets analysed.
        if (now.key) ahead.keep(now.key, { cache: now, job: null, for: null, part: '' });
        now = w.cache;
      }
      return now;
    },
    after(input, s, n) {
      [shard, shards] = [s, n];
      ahead.answered(input);
    },
    begin(input, s, n) {
      [shard, shards] = [s, n];
      ahead.begin(input);
    },
  };
}
