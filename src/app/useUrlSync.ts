/**
 * Keeps a panel store and the address bar in step.
 * - URL → store: on arrival, on back/forward and on "Try this" links (all change location.search).
 * - store → URL: history.replaceState once the settings have been still for QUIET_MS (and the
 *   browser is idle), so a slider drag or a run of key presses writes the address once, after
 *   it. Moving between panels pushes entries (done by the router's links).
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
 * cnn pstride, deployment and overfitting sliders' input→paint p95 sat 1–3 ms over one frame).
 * Nothing reads the address in between: Copy link and the embed code build the link from the
 * store, and a page that is hidden or left writes at once (flush below).
 */
const QUIET_MS = 600;

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
    let alive = true;
    const write = () => {
      timer = null;
      if (!alive) return;
      const q = `?${serialize(store.schema, store.getState().params)}${keptKeys()}`;
      lastWritten.current = q;
      if (q !== window.location.search) writeAddress(`${window.location.pathname}${q}`);
    };
    write(); // repair the address right away (e.g. clamped values, missing keys)
    const unsub = store.subscribe((s, prev) => {
      if (s.params === prev.params) return;
      // A new change restarts the wait: the address is written once the settings are still.
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => whenIdle(write), QUIET_MS);
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
