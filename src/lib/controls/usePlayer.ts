/**
 * Play / pause / step for an iterating algorithm whose current step is a param (so it is in
 * the link). Playing advances the step on animation frames at `perSecond` steps per second and
 * stops by itself at `max`. Nothing keeps running once the panel unmounts.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Params, Schema } from '../params/schema';
import type { PanelStore } from '../params/store';

export interface Player {
  playing: boolean;
  play(): void;
  pause(): void;
  toggle(): void;
  stepBy(delta: number): void;
  /** Back to step 0 (other params unchanged). */
  rewind(): void;
}

export function usePlayer<S extends Schema>(store: PanelStore<S>, key: keyof S & string, max: number, perSecond = 20): Player {
  const [playing, setPlaying] = useState(false);
  const raf = useRef(0);
  const get = () => (store.getState().params as Record<string, number>)[key];
  const put = useCallback(
    (v: number) => store.getState().set(key as keyof Params<S>, Math.max(0, Math.min(max, v)) as Params<S>[keyof Params<S>]),
    [store, key, max],
  );

  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let carry = 0;
    const tick = (now: number) => {
      carry += ((now - last) / 1000) * perSecond;
      last = now;
      const whole = Math.floor(carry);
      if (whole > 0) {
        carry -= whole;
        const cur = (store.getState().params as Record<string, number>)[key];
        const next = Math.min(max, cur + whole);
        put(next);
        if (next >= max) {
          setPlaying(false);
          return;
        }
      }
      raf.current = requestAnimationFrame(tick);
    };
    raf.current = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf.current);
  }, [playing, perSecond, max, key, store, put]);

  return {
    playing,
    play: () => {
      if (get() >= max) put(0);
      setPlaying(true);
    },
    pause: () => setPlaying(false),
    toggle: () => (playing ? setPlaying(false) : (get() >= max && put(0), setPlaying(true))),
    stepBy: (d) => {
      setPlaying(false);
      put(get() + d);
    },
    rewind: () => {
      setPlaying(false);
      put(0);
    },
  };
}
