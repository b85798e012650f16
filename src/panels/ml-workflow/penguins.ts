/**
 * Loads the penguins on demand (a dynamic import: the JSON is its own chunk, fetched the first
 * time the panel's worker needs it) and keeps the parsed table. vega-datasets exports only its
 * index module, so the file is reached by its path in node_modules. A failed load is not kept,
 * so the next computation retries.
 */
import { toTable, type Table } from './data';

let loading: Promise<Table> | null = null;

export function loadPenguins(): Promise<Table> {
  loading ??= import('../../../node_modules/vega-datasets/data/penguins.json')
    .then((m: { default: unknown }) => toTable(m.default as Record<string, unknown>[]))
    .catch((e: unknown) => {
      loading = null;
      throw new Error(`the penguins data could not be loaded (${e instanceof Error ? e.message : String(e)})`);
    });
  return loading;
}
