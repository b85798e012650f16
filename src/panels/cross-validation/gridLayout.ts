/* The split grids' vertical layout (SplitGrid.tsx): row height and gaps per number of rows, and the
   height the canvas's bitmap keeps so that a new number of rows is drawn without resizing it. */
import { schema } from './params';

export const STRIP_H_PX = 9;
export const STRIP_GAP_PX = 2;
const HEAD_GAP = 6;
/** Rows share at most this many px, so leave-one-out's n rows stay compact. */
const ROWS_PX = 150;

export interface Layout {
  rowH: number;
  rowGap: number;
  top: number;
  height: number;
}

export function layout(rows: number): Layout {
  const rowH = Math.max(3, Math.min(14, Math.floor(ROWS_PX / Math.max(1, rows))));
  const rowGap = rowH >= 6 ? 2 : 0;
  const top = 3 * (STRIP_H_PX + STRIP_GAP_PX) + HEAD_GAP;
  return { rowH, rowGap, top, height: top + rows * (rowH + rowGap) + 2 };
}

/**
 * The canvas's bitmap is this tall (CSS px) at least: the tallest grid any setting draws (a grid
 * has at most n rows, leave-one-out's; the tallest is 25 rows of 6 + 2 px, 241 px), so a new
 * number of folds draws into the same bitmap. Assigning a canvas's height reallocates it: 1 to
 * 3 ms per grid in Chromium (a micro-benchmark at load 13; the clear and the font set after it
 * were about 0.3 ms slower each on a new bitmap), and a folds press changes five grids' rows.
 */
export const MIN_BITMAP_H = Math.max(...Array.from({ length: schema.n.max }, (_, i) => layout(i + 1).height));

/** CSS height of the canvas (one bitmap pixel per device pixel): the reserve, or the rows where they are taller; the page shows `L.height` of it. */
export const bitmapHeight = (L: Layout) => Math.max(L.height, MIN_BITMAP_H);
