/**
 * Which of the worker's views the page draws while a forest grows. The worker sends a view after
 * every slice (the trees grown so far); drawing each one costs the page a full render of the maps
 * and plots (tens of milliseconds on a two-core machine, competing with the worker for the CPU),
 * only to draw the finished forest again a slice later. So a run that finishes quickly shows no
 * intermediate forest: the old one stays, marked busy, and the finished one replaces it (issue 8:
 * the slider's result comes sooner). A run that takes longer than QUIET_MS still shows its trees
 * arriving. The page's first forest waits the same way, from the page's first render (firstShown):
 * on a link open the readout waits for the finished forest anyway, and every progress view drawn
 * before it is a full render of the plots on the main thread (40–160 ms on a two-core machine,
 * while both workers still grow and score the forest), so a forest the workers finish within
 * QUIET_MS is drawn once, and a slower one still shows its trees arriving after QUIET_MS; until
 * then the page says it is growing the first trees. Pure: the page passes the clock.
 */

/** How long a run's progress views wait before they are drawn (throttledProgress's default too). */
export const QUIET_MS = 150;

export interface Shown<V> {
  /** The target (settings and trees) the page is waiting for, and since when (ms). */
  at: string;
  since: number;
  /** The view on screen. */
  view: V | null;
}

/** The state before the page's first view: the target first asked for, at `now` (the page's first
 *  render), so the first forest's progress views wait QUIET_MS from then like any target's. */
export function firstShown<V>(at: string, now: number): Shown<V> {
  return { at, since: now, view: null };
}

/**
 * The next state: `view` is the worker's latest view, `reached` whether it is the target's final
 * view, `at` the target now asked for, `now` the clock. Returns `shown` itself when nothing
 * changes, so a caller can tell.
 */
export function nextShown<V>(shown: Shown<V>, view: V | null, reached: boolean, at: string, now: number, quietMs = QUIET_MS): Shown<V> {
  const s = shown.at === at ? shown : { at, since: now, view: shown.view };
  if (view === null || view === s.view) return s;
  if (reached || now - s.since >= quietMs) return { ...s, view };
  return s;
}
