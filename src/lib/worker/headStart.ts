/**
 * A worker's head start (issue 8, link opens). A panel's worker factory (its worker.ts) can send a
 * new worker the address the panel is being opened at, before the kit's init, so the worker starts
 * on the linked state while the page still loads and renders; the page's first request then finds
 * it computed or under way. `shard` says which of the panel's workers this is, where it runs
 * several (halves of one result). The kit's worker host ignores message types it does not know;
 * the worker reads this one with onHeadStart. No imports: a panel's worker.ts chunk, which the
 * router loads before the view, stays small.
 */
export const HEAD_START = 'head-start';

export interface HeadStartMsg {
  t: typeof HEAD_START;
  /** Which of the panel's workers (0 when it has one). */
  shard: number;
  /** The address's query (location.search) when the worker was made: untrusted, parse it with the
   *  panel's schema like any link. */
  search: string;
}

/** Sends `w` the head start, where there is an address to read (not in Node); returns `w`. */
export function sendHeadStart<W extends { postMessage(m: unknown): void }>(w: W, shard = 0): W {
  if (typeof location !== 'undefined') w.postMessage({ t: HEAD_START, shard, search: location.search } satisfies HeadStartMsg);
  return w;
}

/** The head start in a message's data, or null for any other message. */
export function readHeadStart(data: unknown): HeadStartMsg | null {
  const m = data as Partial<HeadStartMsg> | null;
  if (m?.t !== HEAD_START || !Number.isInteger(m.shard) || typeof m.search !== 'string') return null;
  return { t: HEAD_START, shard: m.shard!, search: m.search };
}

/** In a worker: calls `start` with the page's head start when it comes. A failure loses only the
 *  head start (the page's first request computes as it always did), so it is not reported. */
export function onHeadStart(start: (m: HeadStartMsg) => void, scope: Pick<typeof globalThis, 'addEventListener'> = globalThis): void {
  scope.addEventListener('message', (e: Event) => {
    const m = readHeadStart((e as MessageEvent).data);
    if (!m) return;
    try {
      start(m);
    } catch {
      // see above
    }
  });
}
