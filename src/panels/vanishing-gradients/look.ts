/** How the runs look: one fixed colour per network, the same in every plot and the readout. */
import { categorical } from '../../lib/plot/colors';
import { PRESETS } from './params';
import type { RunId } from './train';

/** Tableau10 slots: the learner's network is blue (0); presets take 1, 2, 3, 4, 6, 8 (5 is too faint). */
const SLOTS = [1, 2, 3, 4, 6, 8, 7];

export function runColor(id: RunId): string {
  if (id === 'main') return categorical(0);
  return categorical(SLOTS[PRESETS.indexOf(id)] ?? 9);
}
