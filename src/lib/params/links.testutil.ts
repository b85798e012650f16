/**
 * For the head-start tests of panels whose worker starts on a link before the page asks: the
 * params the page's store holds after opening an address, and the addresses to check it on.
 */
import type { Params, Schema } from './schema';
import { createPanelStore } from './store';
import { queryFor } from './url';

/** The params the page's store holds after opening `search` (useUrlSync's loadQuery). */
export function storeParams<S extends Schema>(schema: S, search: string): Params<S> {
  const store = createPanelStore(schema);
  store.getState().loadQuery(search);
  return store.getState().params;
}

/** The default address, every "Try this" link, then `extra` (hand-written: odd values that clamp). */
export function linkSearches<S extends Schema>(schema: S, experiments: readonly { params: Partial<Params<S>> }[], extra: readonly string[]): string[] {
  return ['', ...experiments.map((e) => `?${queryFor(schema, e.params)}`), ...extra];
}
