/**
 * The store factory: one zustand store per panel, created from its schema. It holds the params
 * (the only part written to the URL) and the notices about a link's repaired values. Run state
 * (iteration, training progress) and UI state (hover) live in the panel's own hooks/stores.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { coerce, defaults, type Params, type Schema } from './schema';
import { parseQuery, serialize, type Migration } from './url';

export interface PanelState<S extends Schema> {
  params: Params<S>;
  /** Repairs made while reading the last link (shown as the link notice). */
  notices: string[];
  set<K extends keyof Params<S>>(key: K, value: Params<S>[K]): void;
  setMany(partial: Partial<Params<S>>): void;
  reset(): void;
  /** Replaces params from a query string; returns true if anything changed. `extra` are repairs
   *  made to the address before it got here (shown with the parser's own). */
  loadQuery(search: string, extra?: string[]): boolean;
  dismissNotices(): void;
}

export interface PanelStore<S extends Schema> extends StoreApi<PanelState<S>> {
  schema: S;
  migrations: Record<number, Migration>;
}

function sameParams<S extends Schema>(schema: S, a: Params<S>, b: Params<S>): boolean {
  return serialize(schema, a) === serialize(schema, b);
}

export function createPanelStore<S extends Schema>(
  schema: S,
  migrations: Record<number, Migration> = {},
): PanelStore<S> {
  // Values are coerced on every write, so the store never holds an out-of-range value,
  // whichever control or experiment wrote it.
  const clean = (partial: Partial<Params<S>>): Partial<Params<S>> => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(partial)) {
      if (!Object.hasOwn(schema, k)) continue;
      out[k] = coerce(schema[k], v).value;
    }
    return out as Partial<Params<S>>;
  };

  const api = createStore<PanelState<S>>()((setState, get) => ({
    params: defaults(schema),
    notices: [],
    set: (key, value) => get().setMany({ [key]: value } as unknown as Partial<Params<S>>),
    setMany: (partial) => {
      const next = { ...get().params, ...clean(partial) } as Params<S>;
      if (!sameParams(schema, next, get().params)) setState({ params: next });
    },
    reset: () => setState({ params: defaults(schema), notices: [] }),
    loadQuery: (search, extra = []) => {
      const { params, problems } = parseQuery(schema, search, migrations);
      const changed = !sameParams(schema, params, get().params);
      setState({ params: changed ? params : get().params, notices: [...extra, ...problems] });
      return changed;
    },
    dismissNotices: () => setState({ notices: [] }),
  }));
  return Object.assign(api, { schema, migrations });
}
