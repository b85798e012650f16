/**
 * Fits made before the page asks (issue 8), in each of the two workers, with the worker's own half
 * computer (halves.ts), whose caches keep them, through the kit's step ahead
 * (lib/worker/stepAhead.ts):
 *
 * - The head start on a link. The router starts the workers as soon as the address is known
 *   (worker.ts, lib/worker/early.ts), but the page asks for its halves only once its chunks have
 *   loaded and its first render is committed; the workers sat loaded and idle meanwhile. Now each
 *   new worker is told the address and its half first (lib/worker/headStart.ts), reads the settings from
 *   the address as the page's store does (parseQuery with the panel's schema) and computes that
 *   half at once.
 * - One step ahead. A new setting's half takes 15–70 ms of a worker's time, and a slider step asks
 *   for one. Once the worker has answered and the page has had time to draw the answer, it
 *   computes the half most likely asked for next: the slider last moved, one more step the same way
 *   (at the end of its range the step back is still cached, so the one after it). A request that
 *   comes meanwhile waits for that half at most.
 *
 * Nothing is sent: every answer is still the page's request's, read from the same caches a cold
 * worker fills, so it is the same bits (headStart.test.ts). No DOM.
 */
import { parseQuery } from '../../lib/params/url';
import { createStepAhead, stepPredictor } from '../../lib/worker/stepAhead';
import { frameInput } from './keys';
import type { HalfInput, Part } from './merge';
import type { HeadStartMsg } from '../../lib/worker/headStart';
import { schema } from './params';

/** The sliders whose step needs new fits (the learning rate's log steps, and the round, do not). */
export const AHEAD = ['noise', 'n', 'depth'] as const;
const FIELDS = ['dataset', 'noise', 'n', 'depth', 'lr', 'bootstrap', 'seed'] as const;
const guess = stepPredictor<HalfInput>(schema, AHEAD, FIELDS);

/** The half the page's first render asks this worker for at the address. */
export function linkedHalf(m: { shard: 0 | 1; search: string }): HalfInput {
  return { ...frameInput(parseQuery(schema, m.search).params), shard: m.shard, shards: 2 };
}

/**
 * The half after `cur` when the one asked before was `prev` (same half): the kit's guess, the
 * round kept.
 */
export function nextHalf(prev: HalfInput | null, cur: HalfInput): HalfInput | null {
  if (!prev || prev.shard !== cur.shard) return null;
  const next = guess(prev, cur);
  return next && { ...next, shard: cur.shard, shards: 2 };
}

/** The worker's half computer with the head start and the step ahead around it (`idle`: the kit's wait when left out). */
export function createAhead(half: (h: HalfInput) => Part, idle?: () => Promise<void>) {
  const ahead = createStepAhead<HalfInput, null>({
    // The fits depend on the setting, not the round: the history of settings ignores the player.
    key: (h) => `${h.shard}|${FIELDS.map((f) => h[f]).join('|')}`,
    predict: nextHalf,
    make: () => null,
    // One slice, the whole half: its fits stay in the half computer's caches.
    grow: (_, h) => {
      half(h);
      return true;
    },
    idle,
    // The half computer keeps three settings' fits: at the end of a range the step back is ready.
    backIsFree: true,
  });

  return {
    /** The head start: the linked half, now; ignored once the page has asked. */
    begin(m: HeadStartMsg): void {
      if ((m.shard !== 0 && m.shard !== 1) || typeof m.search !== 'string') return;
      ahead.begin(linkedHalf({ shard: m.shard, search: m.search }));
    },
    /** The page's request: its half (from the caches where ready), then one step ahead when idle. */
    answer(h: HalfInput): Part {
      ahead.take(h);
      const part = half(h);
      ahead.answered(h);
      return part;
    },
  };
}
