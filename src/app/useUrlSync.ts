/**
 * Keeps a panel store and the address bar in step.
 * - URL → store: on arrival, on back/forward and on "Try this" links (all change location.search).
 * - store → URL: history.replaceState when the browser is idle. A change after a still moment is
 *   written FIRST_MS later; the changes of a run that follows (a drag, key presses, a playing
 *   player) once the settings have been still for QUIET_MS, or every MAX_WAIT_MS. Moving between panels pushes entries (done by the router's links).
 */
import { useCallback, useEffect, useRef } from 'react';
import { useSearch } from 'wouter';
import type { Schema } from '../lib/params/schema';
import type { PanelStore } from '../lib/params/store';
import { serialize } from '../lib/params/url';
import { extrasQuery, readExtras, type LinkExtras } from '../lib/params/extras';
import { takeDropped } from './sanitizeAddress';

/**
 * How long the settings must stay as they are before the address is rewritten. replaceState is a
 * synchronous call into the browser that costs 2–12 ms in Chromium on a 2-core machine (measured:
 * a bare page, any URL length); written 150 ms after a change, as before, it often ran just as
 * the next key press or drag event arrived, and that event's frame waited for it (issue 8: the
 * cnn pstride, deployment and overfitting sliders' input→paint p95 sat 1–3 ms over one frame):
 * within a run of presses it now waits for a pause.
 * Nothing reads the address in between: Copy link and the embed code build the link from the
 * store, and a page that is hidden or left writes at once (flush below).
 */
const QUIET_MS = 600;
/** Changes that never pause (a playing player, a long drag) still reach the address this often. */
const MAX_WAIT_MS = 2000;
/** A change after a still moment (a click, the first of a run of presses, play) is written this soon. */
const FIRST_MS = 150;

/**
 * The browser's own replaceState, not the router's wrapper: the router re-renders the frame on
 * every address change, synchronously, and that render's frame landed on the next key press
 * often enough to push input→paint p95 past one frame (issue 8). Our own writes carry no news
 * for the frame: the params are already in the store and the link extras are kept as they are.
 * useSearch still reads the address whenever anything else renders, and back / forward / links
 * still notify.
 */
const writeAddress = (url: string) => History.prototype.replaceState.call(window.history, window.history.state, '', url);

/**
 * Whether an address write is still to come, for the end-to-end tests (e2e/helpers.ts
 * addressSettled): they wait for this instead of watching the address stay unchanged for longer
 * than QUIET_MS. A plain property: no DOM work on the input path.
 */
const markPending = (pending: boolean) => {
  (window as unknown as { __mlAddressPending?: boolean }).__mlAddressPending = pending;
};

/** Runs `fn` when the browser is idle (within 0.5 s), or at once where it cannot say. */
const whenIdle = (fn: () => void) => (typeof requestIdleCallback === 'function' ? void requestIdleCallback(fn, { timeout: 500 }) : fn());

/** Query keys that belong to the session or the link (a forced backend; embed, note, tour), not
 *  the panel state: they survive rewrites, cleaned. `extras` replaces the link's own. */
function keptKeys(extras?: LinkExtras): string {
  const search = window.location.search;
  const forced = new URLSearchParams(search).get('backend');
  const backend = forced && /^(webgl|wasm|cpu)$/.test(forced) ? `&backend=${forced}` : '';
  return `${backend}${extrasQuery(extras ?? readExtras(search, 999))}`;
}

/** Writes new link extras into the address without reloading the panel's params. */
export type ExtrasWriter = (extras: LinkExtras) => void;

export function useUrlSync<S extends Schema>(store: PanelStore<S>): ExtrasWriter {
  const search = useSearch();
  const lastWritten = useRef<string | null>(null);
  // The address the store last agreed with: one it loaded or one it wrote. Anything else in the
  // address bar is news (a link clicked, back / forward) that the store has not loaded yet.
  const synced = useRef<string | null>(null);
  // The link is loaded into the store during the first render, before the panel's view mounts:
  // its first computation is then the linked state, never the previous or default one.
  const loadedFirst = useRef<{ query: string; pending: boolean } | null>(null);
  if (loadedFirst.current === null) {
    loadedFirst.current = { query: window.location.search, pending: true };
    store.getState().loadQuery(loadedFirst.current.query, takeDropped());
    synced.current = loadedFirst.current.query;
  }

  useEffect(() => {
    const current = window.location.search;
    const first = loadedFirst.current!;
    const alreadyLoaded = first.pending && current === first.query; // by the first render
    first.pending = false;
    if (alreadyLoaded || current === lastWritten.current) return;
    synced.current = current;
    store.getState().loadQuery(current, takeDropped());
  }, [search, store]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let firstChangeAt = 0; // of the changes not yet written
    let lastChangeAt = -Infinity;
    let first = false; // the pending write is a still moment's first change (not cancelled by more)
    let alive = true;
    const write = () => {
      timer = null;
      first = false;
      if (!alive) return;
      markPending(false);
      // A link clicked since the store last agreed with the address: its render, and the effect
      // above that loads it, may still be to come when this timer fires, and writing the store's
      // settings now would put the previous state over the link (and that effect would then take
      // the address for our own write and never load it). Loading the link changes the store,
      // and that change brings its own write.
      if (window.location.search !== synced.current) return;
      const q = `?${serialize(store.schema, store.getState().params)}${keptKeys()}`;
      lastWritten.current = q;
      if (q !== window.location.search) writeAddress(`${window.location.pathname}${q}`);
      // As the browser keeps it (it may escape a character q left as it is), or every later
      // write would take the address for news and leave it alone.
      synced.current = window.location.search;
    };
    write(); // repair the address right away (e.g. clamped values, missing keys)
    const unsub = store.subscribe((s, prev) => {
      if (s.params === prev.params) return;
      const now = performance.now();
      const still = now - lastChangeAt >= QUIET_MS;
      lastChangeAt = now;
      if (first) return; // that write, soon, takes the latest settings
      if (still && !timer) {
        // The first change after a still moment: written soon, as one click's change should be.
        first = true;
        markPending(true);
        timer = setTimeout(() => whenIdle(write), FIRST_MS);
        return;
      }
      // Within a run of changes each one restarts the wait: the address is written once the
      // settings are still, or MAX_WAIT_MS after the first change not yet written.
      if (timer) clearTimeout(timer);
      else firstChangeAt = now;
      markPending(true);
      timer = setTimeout(() => whenIdle(write), Math.max(0, Math.min(QUIET_MS, firstChangeAt + MAX_WAIT_MS - now)));
    });
    // A tab switched away or a page being left gets the address at once (session restore and
    // the back/forward cache keep what the address says then).
    const flush = () => {
      if (!timer) return;
      clearTimeout(timer);
      write();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      alive = false;
      unsub();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      // A pending write is dropped: by now the address may already belong to another panel.
      if (timer) clearTimeout(timer);
      markPending(false);
    };
  }, [store]);

  return useCallback(
    (extras: LinkExtras) => {
      const q = `?${serialize(store.schema, store.getState().params)}${keptKeys(extras)}`;
      lastWritten.current = q; // not a new link: the params stay as they are
      if (q !== window.location.search) window.history.replaceState(window.history.state, '', `${window.location.pathname}${q}`);
      synced.current = window.location.search;
    },
    [store],
  );
}
