/** Colours and names shared by the regularization plots. */
import { categorical, MUTED } from '../../lib/plot/colors';
import type { Penalty } from './params';

// Tableau10 without its grey (index 9), which would read as "irrelevant".
const ORDER = [0, 1, 2, 4, 6, 8, 5, 3, 7];

/** Colour of feature j: its own colour when it truly matters, grey when its true weight is 0. */
export function featureColor(j: number, matters: boolean): string {
  return matters ? categorical(ORDER[j % ORDER.length]) : MUTED;
}

export const PENALTY_NAME: Record<Penalty, string> = { l1: 'lasso', l2: 'ridge', elasticnet: 'elastic net' };

/** The ball's colour in the two-weight picture and its swatches. */
export const BALL = 'var(--accent)';

const SUB = '₀₁₂₃₄₅₆₇₈₉';
/** "w₁₂" for feature index 11 (features are numbered from 1 for people). */
export function wName(j: number): string {
  return 'w' + String(j + 1).split('').map((c) => SUB[Number(c)]).join('');
}
