/**
 * The penguins on the page (the same chunk the workers load, see penguins.ts), for the head of
 * the project (head.ts) that the page computes itself. Null until loaded, and for good if the
 * load fails: the page then waits for the workers' whole project at every step, as before.
 */
import { useEffect, useState } from 'react';
import type { Table } from './data';
import { loadPenguins } from './penguins';

export function usePenguins(): Table | null {
  const [table, setTable] = useState<Table | null>(null);
  useEffect(() => {
    let live = true;
    loadPenguins().then(
      (t) => live && setTable(t),
      () => {}, // the workers load it too and report their own failure
    );
    return () => {
      live = false;
    };
  }, []);
  return table;
}
