/* Pure layout for MatrixPlot (no DOM): cell size and label bands from the available width, so
   a 10 × 10 confusion matrix or a 12-token attention map fits a 375 px phone. */
import { FONT_PX } from './theme';
import { estimateTextWidth } from './ticks';

export interface MatrixLayout {
  cell: number;
  /** Inner matrix origin (px from the svg's top-left). */
  left: number;
  top: number;
  width: number;
  height: number;
  /** Column labels are rotated −45° when they are wider than a cell. */
  rotateCols: boolean;
  /** Font size (px) for numbers printed inside cells; 0 = too small to print. */
  valueFont: number;
}

export interface MatrixLayoutInput {
  width: number;
  rows: number;
  cols: number;
  rowLabels: readonly string[];
  colLabels: readonly string[];
  hasXLabel: boolean;
  hasYLabel: boolean;
  colLabelsOnTop: boolean;
  maxCell?: number;
  minCell?: number;
}

const PAD = 6;
const AXIS_BAND = 18;

export function matrixLayout(inp: MatrixLayoutInput): MatrixLayout {
  const { rows, cols, maxCell = 56, minCell = 6 } = inp;
  const fs = FONT_PX.xs;
  const rowW = Math.max(0, ...inp.rowLabels.map((s) => estimateTextWidth(s, fs)));
  const colW = Math.max(0, ...inp.colLabels.map((s) => estimateTextWidth(s, fs)));
  let left = (inp.hasYLabel ? AXIS_BAND : 0) + (rowW > 0 ? rowW + PAD : 0) + 2;
  let right = 8;
  const cellFor = () =>
    Math.max(minCell, Math.min(maxCell, Math.floor((inp.width - left - right) / Math.max(1, cols))));
  let cell = cellFor();
  const rotateCols = colW + 4 > cell;
  if (rotateCols) {
    // A −45° label reaches about w·cos45° sideways from its column centre: towards the left
    // under the matrix, towards the right above it. Make room, then size the cells again.
    const reach = Math.ceil(colW * 0.71 - cell / 2 + 2);
    if (inp.colLabelsOnTop) right = Math.max(right, reach);
    else left = Math.max(left, reach);
    cell = cellFor();
  }
  // …and about w·sin45° of height plus one line.
  const colBand = inp.colLabels.length === 0 ? 0 : rotateCols ? Math.ceil(colW * 0.71 + fs) : fs + PAD;
  const xBand = inp.hasXLabel ? AXIS_BAND : 0;
  const top = 4 + (inp.colLabelsOnTop ? colBand + xBand : 0);
  const bottom = 4 + (inp.colLabelsOnTop ? 0 : colBand + xBand);
  const valueFont = cell >= 20 ? Math.min(fs, Math.floor(cell * 0.38)) : 0;
  return {
    cell,
    left,
    top,
    // The natural size; MatrixPlot scales the svg down (viewBox) if even minCell does not fit.
    width: left + cols * cell + right,
    height: top + rows * cell + bottom,
    rotateCols,
    valueFont,
  };
}
