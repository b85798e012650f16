/**
 * Starts the opened panel's chunk and its early workers while the page script runs, before React's
 * first render (issue 8, link opens). From PanelPage's effect they started only after the first
 * commit; a worker's thread also starts only in a gap of the main thread, and once the panel's
 * modules evaluate and its view renders there is none for a few hundred milliseconds. PanelPage
 * still asks for both: the module loader hands back the same chunk, and `warm` keeps the worker
 * it already started (lib/worker/client.ts).
 */
import { findEntry } from '../panels/registry';
import { sanitizeAddress } from './sanitizeAddress';

/** The panel slug an address opens, as App's router reads it ("" for the home page). */
export function slugOf(pathname: string, base: string): string {
  const b = base.replace(/\/+$/, '');
  const path = b && (pathname === b || pathname.startsWith(`${b}/`)) ? pathname.slice(b.length) : pathname;
  return path.replace(/^\/+|\/+$/g, '').replace(/(^|\/)index\.html$/, '');
}

export function startRoute(pathname: string = window.location.pathname): void {
  const entry = findEntry(slugOf(pathname, import.meta.env.BASE_URL));
  if (!entry?.load) return;
  // Before anything reads the query (what early workers a link needs): as PanelPage does.
  sanitizeAddress();
  // Failures are PanelPage's to report, when it asks again.
  entry.startWorkers?.().catch(() => undefined);
  entry.load().catch(() => undefined);
}
