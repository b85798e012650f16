/**
 * Issue 8: a slider's first frame must come within one frame, so it carries only what is cheap
 * (the slider itself and the readout's "Computing for" row); what is heavy (a computation, the
 * plots) follows once that frame is painted.
 *
 *   const live = usePanelParams(store);        // the controls and the "Computing for" row
 *   const params = useAfterPaint(live);        // everything computed and drawn
 *   const drawn = useDrawn(params, !pending);  // the params of the result on screen
 *   <Readout busy={pending || params !== live} computing={changedSettings(store.schema, drawn, live)} … />
 *
 * The plots must be memoised on what they draw (useMemo on the result and the params they read),
 * so the first frame does not redraw them with the old numbers.
 */
import { startTransition, useEffect, useRef, useState } from 'react';
import { afterNextPaint } from './schedule';

/**
 * `value`, one painted frame later. The update is a transition, so React drops it for a newer
 * input that comes first (a held key), and a run of changes within a frame is rendered once.
 */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(() => ({ value }));
  const latest = useRef(value);
  latest.current = value;
  useEffect(() => {
    if (Object.is(shown.value, value)) return;
    let live = true;
    void afterNextPaint().then(() => {
      if (live) startTransition(() => setShown({ value: latest.current }));
    });
    return () => {
      live = false;
    };
  }, [value, shown]);
  return shown.value;
}

/**
 * The last `asked` for which `settled` was true: the settings whose result is on screen while a
 * newer one is computed. `settled` must already be false in the render where `asked` changes
 * (useComputed and useWorkerComputed say pending at once for an input they have not sent yet).
 */
export function useDrawn<T>(asked: T, settled: boolean): T {
  const drawn = useRef(asked);
  if (settled) drawn.current = asked;
  return drawn.current;
}
