/** Timing helpers for panel benchmarks (src/panels/<slug>/bench.ts), run in the browser. */

export interface BenchRow {
  /** What was measured, e.g. "k-means step, 10k points, tfjs". */
  name: string;
  value: number;
  unit: string;
  note?: string;
}

export interface Timing {
  median: number;
  p95: number;
  runs: number;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

/** Runs fn `warmup` times untimed, then `runs` times timed (ms). Awaits async work. */
export async function timeIt(fn: () => unknown, runs = 20, warmup = 3): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  return { median: quantile(t, 0.5), p95: quantile(t, 0.95), runs };
}

/** Two rows (median and p95) for one timing. */
export function timingRows(name: string, t: Timing, note?: string): BenchRow[] {
  return [
    { name: `${name} (median)`, value: t.median, unit: 'ms', note },
    { name: `${name} (p95)`, value: t.p95, unit: 'ms', note },
  ];
}
