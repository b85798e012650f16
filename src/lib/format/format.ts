/** Number formatting for labels and readouts: short, exact enough, never "NaN". */
export function fmt(v: number, digits = 3): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(Math.max(0, digits - 1)).replace(/-/g, '−');
  const s = Number(v.toPrecision(digits)).toString();
  return s.replace(/-/g, '−');
}
