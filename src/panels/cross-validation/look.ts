/** Colours and words shared by the cross-validation views (one meaning, one colour). */
import { ACCENT, BORDER, categorical, FG, GRID, TEST, TRAIN } from '../../lib/plot/colors';

export { TRAIN, TEST };
/** A sample in neither part of a split (after a time-series test window, or in its gap). */
export const UNUSED = GRID;
/** Class strip: class 1 dark, class 0 light, so it never reads as train / test. */
export const CLASS1_MARK = FG;
export const CLASS0_MARK = BORDER;
/** Groups take the palette after the train / test colours: c2 … c9. */
export const GROUP_COLORS = 8;
export const groupColor = (g: number) => categorical(2 + (((g % GROUP_COLORS) + GROUP_COLORS) % GROUP_COLORS));
export const SCORE = ACCENT;
export const SINGLE = categorical(6);
export const KFOLD = categorical(4);
export const LEAKY = categorical(2);
export const HONEST = categorical(4);
