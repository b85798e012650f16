/**
 * What the app's panel frame tells the panel layout about the panel it hosts: whether the
 * current params run tfjs (the layout then shows the backend badge, and the e2e suite expects
 * live-tensor checks to apply). Kept free of tfjs so plain-JS panels never download it.
 */
import { createContext, useContext } from 'react';

export interface PanelEnv {
  /** false, true (tfjs on the page) or 'worker' (tfjs only in the panel's worker). */
  usesTf: boolean | 'worker';
}

export const PanelEnvContext = createContext<PanelEnv>({ usesTf: false });

export function usePanelEnv(): PanelEnv {
  return useContext(PanelEnvContext);
}
