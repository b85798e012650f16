/**
 * The head start on a link (issue 8, link opens). The router starts both workers as soon as the
 * address is known (worker.ts), but the page asks for the halves of the folds only after its
 * chunks have loaded and its first render is committed: meanwhile each worker sat loaded and
 * idle, and the penguins were not even fetched. Now each new worker is told the address and its
 * shard first (lib/worker/headStart.ts), reads the setting from it as the page's store does
 * (parseQuery with the panel's schema), loads the penguins and scores its half of the folds at
 * once, into the same cache the page's request reads (keyed by the setting and the shard), so the
 * request finds it done or is answered right after it. Nothing is sent unasked; the half is the
 * same function of the same input either way.
 */
import { createCache } from '../../lib/panel/cache';
import { parseQuery } from '../../lib/params/url';
import type { Table } from './data';
import { foldPart, inputOf, type FoldPart, type WfInput } from './model';
import { schema } from './params';
import { settingKey } from './settingKey';

/** The two halves the page asks for (useWorkflow.ts). */
const SHARDS = 2;

/** The input the page's first render asks the workers for at this address. */
export function linkedInput(search: string): WfInput {
  return inputOf(parseQuery(schema, search).params);
}

export interface FoldHalves {
  /** A half of the folds for a setting: from the cache, else computed (and kept). */
  half(input: WfInput, t: Table, shard: number, shards: number): FoldPart;
  /** The head start: this worker's half of the linked setting, once the table is in. */
  begin(search: string, shard: number, load: () => Promise<Table>): Promise<void>;
}

/** `capacity` halves kept (a half is a few hundred numbers). */
export function createFoldHalves(capacity: number, compute = foldPart): FoldHalves {
  const parts = createCache<FoldPart>(capacity);
  const half = (input: WfInput, t: Table, shard: number, shards: number) =>
    parts.get(`${settingKey(input)} ${shard}/${shards}`, () => compute(input, t, shard, shards));
  return {
    half,
    async begin(search, shard, load) {
      if (!(shard >= 0 && shard < SHARDS)) return;
      const input = linkedInput(search);
      // A failure loses only the head start: the request loads and computes again, and reports it.
      try {
        half(input, await load(), shard, SHARDS);
      } catch {
        // see above
      }
    },
  };
}
