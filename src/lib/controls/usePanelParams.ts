import { useStore } from 'zustand';
import type { Params, Schema } from '../params/schema';
import type { PanelState, PanelStore } from '../params/store';

/** The panel's current params (re-renders on change). */
export function usePanelParams<S extends Schema>(store: PanelStore<S>): Params<S> {
  return useStore(store, (s: PanelState<S>) => s.params);
}
