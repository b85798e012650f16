/**
 * Fits made before the page asks (issue 8), in each of the two workers, with the worker's own half
 * computer (halves.ts), whose caches keep them:
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
 *   (back, at the end of its range). A request that comes meanwhile waits for that half at most.
 *
 * Nothing is sent: every answer is still the page's request's, read from the same caches a cold
 * worker fills, so it is the same bits (headStart.test.ts). No DOM; the worker passes the wait.
 */
import { coerce } from '../../lib/params/schema';
import { parseQuery } from '../../lib/params/url';
import { frameInput, type FrameInput } from './keys';
import type { HalfInput, Part } from './merge';
import type { HeadStartMsg } from '../../lib/worker/headStart';
import { schema } from './params';

/** How long a step ahead waits after an answer: the page merges and draws it meanwhile. */
export const AHEAD_IDLE_MS = 40;

/** The sliders whose step needs new fits (the learning rate's log steps, and the round, do not). */
export const AHEAD = ['noise', 'n', 'depth'] as const;
const FIELDS = ['dataset', 'noise', 'n', 'depth', 'lr', 'bootstrap', 'seed'] as const;

/** The half the page's first render asks this worker for at the address. */
export function linkedHalf(m: { shard: 0 | 1; search: string }): HalfInput {
  return { ...frameInput(parseQuery(schema, m.search).params), shard: m.shard, shards: 2 };
}

/**
 * The half after `cur` when the one asked before was `prev`: if only one of AHEAD moved (the
 * round aside), that one a step further the same way (the other way past the end of its range),
 * rounded as the store rounds it (coerce), so it is the very value the slider's next step gives.
 */
export function nextHalf(prev: HalfInput | null, cur: HalfInput): HalfInput | null {
  if (!prev || prev.shard !== cur.shard) return null;
  const moved = FIELDS.filter((f) => prev[f] !== cur[f]);
  const name = moved.length === 1 ? AHEAD.find((x) => x === moved[0]) : undefined;
  if (!name) return null;
  const spec = schema[name];
  const v = cur[name], step = 'step' in spec ? spec.step : 1;
  const dir = v > prev[name] ? 1 : -1;
  const at = (raw: number) => (raw > spec.max + 1e-9 || raw < spec.min - 1e-9 ? null : (coerce(spec, raw).value as number));
  const next = at(v + dir * step) ?? at(v - dir * step);
  if (next === null || next === v) return null;
  const stepped: FrameInput = { ...cur };
  stepped[name] = next;
  return { ...stepped, shard: cur.shard, shards: 2 };
}

/** The worker's half computer with the head start and the step ahead around it. */
export function createAhead(half: (h: HalfInput) => Part, idle: () => Promise<void>) {
  let asked = 0;
  /** Bumped by every request: a step ahead waiting for the page to draw is then dropped. */
  let epoch = 0;
  let prev: HalfInput | null = null, cur: HalfInput | null = null;
  const sameSetting = (a: HalfInput, b: HalfInput) => FIELDS.every((f) => a[f] === b[f]) && a.shard === b.shard;

  const stepAhead = async (h: HalfInput) => {
    const at = epoch;
    await idle();
    const next = epoch === at ? nextHalf(prev, h) : null;
    if (!next) return;
    try {
      half(next);
    } catch {
      // Only a step ahead lost: the page's request computes that half when it comes.
    }
  };

  return {
    /** The head start: the linked half, now; ignored once the page has asked. */
    begin(m: HeadStartMsg): void {
      if (asked > 0 || (m.shard !== 0 && m.shard !== 1) || typeof m.search !== 'string') return;
      half(linkedHalf({ shard: m.shard, search: m.search }));
    },
    /** The page's request: its half (from the caches where ready), then one step ahead when idle. */
    answer(h: HalfInput): Part {
      epoch++;
      asked++;
      if (!cur || !sameSetting(cur, h)) [prev, cur] = [cur, h];
      const part = half(h);
      void stepAhead(h);
      return part;
    },
  };
}
