/**
 * Keeps a panel store and the address bar in step.
 * - URL → store: on arrival, on back/forward and on "Try this" links (all change location.search).
 * - store → URL: history.replaceState, throttled, so a slider drag leaves one history entry,
 *   not one per tick. Moving between panels pushes entries (done by the router's links).
 */
import { useCallback, useEffect, useRef } from 'react';
import { useSearch } from 'wouter';
import type { Schema } from '../lib/params/schema';
import type { PanelStore } from '../lib/params/store';
import { serialize } from '../lib/params/url';
import { extrasQuery, readExtras, type LinkExtras } from '../lib/params/extras';
import { takeDropped } from './sanitizeAddress';

const THROTTLE_MS = 150;

/**
 * The browser's own replaceState, not the router's wrapper: the router re-renders the frame on
 * every address change, synchronously, and that render's frame landed on the next key press
 * often enough to push input→paint p95 past one frame (issue 8). Our own writes carry no news
 * for the frame: the params are already in the store and the link extras are kept as they are.
 * useSearch still reads the address whenever anything else renders, and back / forward / links
 * still notify.
 */
const writeAddress = (url: string) => History.prototype.replaceState.call(window.history, window.history.state, '', url);

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
  // The link is loaded into the store during the first render, before the panel's view mounts:
  // its first computation is then the linked state, never the previous or default one.
  const loadedFirst = useRef<{ query: string; pending: boolean } | null>(null);
  if (loadedFirst.current === null) {
    loadedFirst.current = { query: window.location.search, pending: true };
    store.getState().loadQuery(loadedFirst.current.query, takeDropped());
  }

  useEffect(() => {
    const current = window.location.search;
    const first = loadedFirst.current!;
    const alreadyLoaded = first.pending && current === first.query; // by the first render
    first.pending = false;
    if (alreadyLoaded || current === lastWritten.current) return;
    store.getState().loadQuery(current, takeDropped());
  }, [search, store]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastAt = 0;
    let alive = true;
    const write = () => {
      timer = null;
      if (!alive) return;
      lastAt = performance.now();
      const q = `?${serialize(store.schema, store.getState().params)}${keptKeys()}`;
      if (q === window.location.search) {
        lastWritten.current = q;
        return;
      }
      lastWritten.current = q;
      writeAddress(`${window.location.pathname}${q}`);
    };
    write(); // repair the address right away (e.g. clamped values, missing keys)
    const unsub = store.subscribe((s, prev) => {
      if (s.params === prev.params) return;
      const wait = THROTTLE_MS - (performance.now() - lastAt);
      // A plain timer, then the browser's next idle moment, never "after the next paint": asking
      // for a frame at a moment of its own made one, and the next key press waited for the frame
      // slot after it; replaceState itself costs a few ms in Chromium (issue 8).
      if (!timer) timer = setTimeout(() => whenIdle(write), Math.max(0, wait));
    });
    return () => {
      alive = false;
      unsub();
      // A pending write is dropped: by now the address may already belong to another panel.
      if (timer) clearTimeout(timer);
    };
  }, [store]);

  return useCallback(
    (extras: LinkExtras) => {
      const q = `?${serialize(store.schema, store.getState().params)}${keptKeys(extras)}`;
      lastWritten.current = q; // not a new link: the params stay as they are
      if (q !== window.location.search) window.history.replaceState(window.history.state, '', `${window.location.pathname}${q}`);
    },
    [store],
  );
}
