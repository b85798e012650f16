/**
 * Runs the training session on animation frames: each frame advances the runs for a few
 * milliseconds, so a long replay (a link to step 150) shows progress and never freezes the page.
 * Playing moves the step param forward only once every run has caught up with it, so the picture
 * never runs ahead of the computation. Nothing keeps running after unmount.
 */
import { useEffect, useRef, useState } from 'react';
import { ensureBackend } from '../../lib/tf/backend';
import type { Player } from '../../lib/controls/usePlayer';
import { MAX_STEPS, type VGParams } from './params';
import { Session, sessionKey } from './train';
import { snapshot, type SessionView } from './view';
import { store } from './store';

/** Time spent training per frame (ms); the rest of the frame is left for painting. */
const FRAME_BUDGET = 14;
/** Playing speed cap (training steps per second). */
const PER_SECOND = 30;
/** Recent sessions kept (plain arrays, no tensors), so flipping a control back resumes its run. */
const KEEP_SESSIONS = 4;

export interface Training {
  view: SessionView | null;
  /** The shown step is behind the requested one (replaying or catching up). */
  busy: boolean;
  error: string | null;
  player: Player;
}

const setStep = (s: number) => store.getState().set('step', Math.max(0, Math.min(MAX_STEPS, Math.round(s))));
const getStep = () => store.getState().params.step;

export function useTraining(params: VGParams): Training {
  const [ready, setReady] = useState(false);
  const [playing, setPlaying] = useState(false);
  const [out, setOut] = useState<{ view: SessionView | null; busy: boolean; error: string | null }>({ view: null, busy: true, error: null });
  const sessions = useRef(new Map<string, Session>());
  const clock = useRef({ last: 0, carry: 0 });
  /** When the work for the current params began (for the benchmark's compute time). */
  const started = useRef({ key: '', t0: 0 });

  useEffect(() => {
    let alive = true;
    ensureBackend().then(
      () => alive && setReady(true),
      (e: unknown) => alive && setOut((o) => ({ ...o, busy: false, error: String(e) })),
    );
    return () => {
      alive = false;
    };
  }, []);

  useEffect(() => {
    if (!ready) return;
    let raf = 0;
    let shown = '';
    const tick = (now: number) => {
      try {
        const key = sessionKey(params);
        const cache = sessions.current;
        let s = cache.get(key);
        if (s) cache.delete(key);
        else s = new Session(params);
        cache.set(key, s); // most recent last
        while (cache.size > KEEP_SESSIONS) cache.delete(cache.keys().next().value as string);
        let target = params.step;
        const job = `${key}|${target}`;
        if (started.current.key !== job) started.current = { key: job, t0: performance.now() };
        s.work(target, performance.now() + FRAME_BUDGET);
        let advanced = false;
        if (playing && s.reached(target)) {
          const c = clock.current;
          c.carry += (Math.min(100, now - (c.last || now)) / 1000) * PER_SECOND;
          const whole = Math.floor(c.carry);
          if (whole > 0) {
            c.carry -= whole;
            target = Math.min(MAX_STEPS, target + whole);
            advanced = true;
          }
        }
        clock.current.last = now;
        const reached = s.reached(target);
        // Exposed for `npm run bench`, which reads the compute time per input.
        if (reached && !playing) (globalThis as { __mlComputeMs?: number }).__mlComputeMs = performance.now() - started.current.t0;
        const stamp = `${key}|${target}|${s.available()}`;
        if (stamp !== shown && s.available() >= 0) {
          shown = stamp;
          setOut({ view: snapshot(s, { ...params, step: target }), busy: !reached, error: null });
        }
        if (advanced) {
          setStep(target); // re-runs this effect with the new step
          if (target >= MAX_STEPS) setPlaying(false);
          return;
        }
        if (!reached || playing) raf = requestAnimationFrame(tick);
      } catch (e) {
        setOut((o) => ({ ...o, busy: false, error: e instanceof Error ? e.message : String(e) }));
        setPlaying(false);
      }
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [ready, params, playing]);

  const player: Player = {
    playing,
    play: () => {
      if (getStep() >= MAX_STEPS) setStep(0);
      clock.current = { last: 0, carry: 0 };
      setPlaying(true);
    },
    pause: () => setPlaying(false),
    toggle: () => (playing ? setPlaying(false) : player.play()),
    stepBy: (d) => {
      setPlaying(false);
      setStep(getStep() + d);
    },
    rewind: () => {
      setPlaying(false);
      setStep(0);
    },
  };

  return { ...out, player };
}
