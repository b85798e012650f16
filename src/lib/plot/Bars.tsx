/* Vertical bars in data coordinates, grouped or stacked, with optional value labels. Pair with
   categoryAxis(labels) on the Frame so group g sits at x = g under its label. */
import { format as d3format } from 'd3';
import { layoutBars, type BarMode } from './barLayout';
import { categorical } from './colors';
import { usePlotScales } from './context';
import { haloLabelStyle } from './labelStyle';

export interface BarsProps {
  /** values[group] (one series) or values[group][series]. */
  values: ReadonlyArray<number | readonly number[]>;
  /** Group centres in data units (default 0, 1, 2, …). */
  x?: readonly number[];
  /** Band width in data units (default 0.8 of the group spacing). */
  bandwidth?: number;
  mode?: BarMode;
  /** Colour per series (default Tableau10 in order), or one colour for all. */
  colors?: string | readonly string[];
  /** Print each value on its bar. */
  labels?: boolean;
  format?: (v: number) => string;
  /** Where bars start (default 0; use the domain's lower end on a log y axis). */
  base?: number;
  opacity?: number;
}

const defaultFormat = d3format('.3~g');
const LABEL_STYLE = haloLabelStyle();

export function Bars({
  values, x: xs, bandwidth, mode = 'grouped', colors, labels = false, format = defaultFormat, base = 0, opacity = 1,
}: BarsProps) {
  const { x, y, innerHeight: ih } = usePlotScales();
  const rects = layoutBars(values, { xs, bandwidth, mode, base });
  const colorOf = (s: number) =>
    typeof colors === 'string' ? colors : colors?.[s] ?? categorical(s);
  const bars = [];
  const texts = [];
  for (const b of rects) {
    const left = Math.min(x(b.x0), x(b.x1));
    const w = Math.abs(x(b.x1) - x(b.x0));
    const top = Math.min(y(b.y0), y(b.y1));
    const h = Math.abs(y(b.y1) - y(b.y0));
    if (![left, w, top, h].every(Number.isFinite)) continue;
    const key = `${b.group}:${b.series}`;
    bars.push(
      <rect key={key} x={left} y={top} width={w} height={h} style={{ fill: colorOf(b.series), fillOpacity: opacity }} />,
    );
    if (!labels) continue;
    const cx = left + w / 2;
    if (mode === 'stacked') {
      // Only segments tall enough to hold a line of text get a label, centred inside.
      if (h >= 14) {
        texts.push(
          <text key={key} x={cx} y={top + h / 2} dy="0.32em" textAnchor="middle" style={LABEL_STYLE}>
            {format(b.value)}
          </text>,
        );
      }
    } else {
      // Above a positive bar, below a negative one; kept inside the (clipped) plot area.
      const ly = b.value >= 0 ? Math.max(10, top - 3) : Math.min(ih - 2, top + h + 11);
      texts.push(
        <text key={key} x={cx} y={ly} textAnchor="middle" style={LABEL_STYLE}>
          {format(b.value)}
        </text>,
      );
    }
  }
  // Labels after all bars, so a neighbouring bar never covers a label.
  return (
    <g>
      {bars}
      {texts}
    </g>
  );
}
