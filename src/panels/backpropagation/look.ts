/** How the panel writes parameter names and numbers, the same in the graph, the table and the readout. */
import { fmt } from '../../lib/format/format';
import { PARAM_NAMES } from './params';

const SUB: Record<string, string> = { '1': '₁', '2': '₂', '3': '₃' };
const sub = (s: string) => s.replace(/[123]/g, (d) => SUB[d]);

/** "W1_21" → "W1₂₁", "b1_3" → "b1₃", "b2" → "b2". */
export function paramLabel(k: number): string {
  const [base, idx] = PARAM_NAMES[k].split('_');
  return idx ? base + sub(idx) : base;
}

/** What a parameter connects, in words (accessible names, table titles). */
export function paramRole(k: number): string {
  if (k < 6) return `weight from x${SUB[String((k % 2) + 1)]} to h${SUB[String(Math.floor(k / 2) + 1)]}`;
  if (k < 9) return `bias of h${SUB[String(k - 5)]}`;
  if (k < 12) return `weight from h${SUB[String(k - 8)]} to the output`;
  return 'bias of the output';
}

/** A number with 4 significant digits (readouts) or `d`. */
export const num = (v: number, d = 4) => fmt(v, d);

/** A number for KaTeX: 1.2e−3 as 1.2\times10^{-3}, minus as a real minus. */
export function texNum(v: number, d = 4): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? '\\text{—}' : v > 0 ? '\\infty' : '-\\infty';
  const s = fmt(v, d).replace(/−/g, '-');
  const m = s.match(/^(-?[\d.]+)e([-+]?\d+)$/);
  if (m) return `${m[1]}\\times10^{${Number(m[2])}}`;
  return s;
}
