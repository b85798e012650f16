/** How the optimizers look: one fixed colour and label per optimizer, the same in every plot. */
import { categorical } from '../../lib/plot/colors';
import type { OptimizerName } from './optimizers';
import { schema, type SurfaceName } from './params';

// Tableau10 slots; 5 (yellow) is skipped because it is too faint on the light background.
const SLOT: Record<OptimizerName, number> = { sgd: 0, momentum: 1, nesterov: 2, adagrad: 3, rmsprop: 4, adam: 6 };

export function optimizerColor(o: OptimizerName): string {
  return categorical(SLOT[o]);
}

export function optimizerLabel(o: OptimizerName): string {
  return schema.optimizers.optionLabels[o];
}

export function surfaceLabel(s: SurfaceName): string {
  return schema.surface.optionLabels[s];
}

/** The surface as it reads inside a sentence ("… on the stretched bowl"). */
export const SURFACE_PHRASE: Record<SurfaceName, string> = {
  bowl: 'the stretched bowl',
  rosenbrock: 'Rosenbrock’s banana valley',
  multimodal: 'a surface with several valleys',
  saddle: 'the saddle',
  logistic: 'the logistic-regression loss',
};
