/**
 * Steps per second of a run catching up in a worker (useWorkerRun's progress), measured from the
 * first progress seen to the latest, so one slow frame does not make the number jump; kept after
 * the catch-up ends. A step backwards (a checkpoint restored) starts a new measurement. Under a
 * fifth of a second says more about one frame than about the speed, so nothing is reported yet.
 */
import { useEffect, useRef, useState } from 'react';

export function useProgressRate(progress: number | null): number | null {
  const [rate, setRate] = useState<number | null>(null);
  const start = useRef<{ p: number; t: number } | null>(null);
  useEffect(() => {
    if (progress === null) {
      start.current = null;
      return;
    }
    const t = performance.now();
    const s = start.current;
    if (!s || progress < s.p) start.current = { p: progress, t };
    else if (t - s.t > 200 && progress > s.p) setRate((1000 * (progress - s.p)) / (t - s.t));
  }, [progress]);
  return rate;
}
