/**
 * Play / pause / step back / step / rewind, with keyboard shortcuts that work anywhere on the
 * page except while typing in a field: Space plays or pauses, → and ← step, Home rewinds.
 */
import { useEffect } from 'react';
import type { Player } from './usePlayer';

export interface StepperProps {
  player: Player;
  step: number;
  max: number;
  /** What one step is called, e.g. "iteration", "round". */
  unit?: string;
}

function typingIn(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || el.isContentEditable;
}

export function Stepper({ player, step, max, unit = 'step' }: StepperProps) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || typingIn(e.target)) return;
      const onButton = e.target instanceof HTMLButtonElement;
      if (e.key === ' ' && !onButton) {
        e.preventDefault();
        player.toggle();
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        player.stepBy(1);
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        player.stepBy(-1);
      } else if (e.key === 'Home') {
        e.preventDefault();
        player.rewind();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [player]);

  return (
    <div className="stepper" role="group" aria-label={`Step through ${unit}s`} data-testid="stepper">
      <button type="button" onClick={player.rewind} aria-label="Rewind to the start (Home)" title="Rewind (Home)" data-testid="rewind">|◀◀</button>
      <button type="button" onClick={() => player.stepBy(-1)} aria-label="Step back (←)" title="Step back (←)" disabled={step <= 0} data-testid="step-back">◀</button>
      <button type="button" onClick={player.toggle} aria-label={player.playing ? 'Pause (Space)' : 'Play (Space)'} title="Play / pause (Space)" data-testid="play" className="primary">
        {player.playing ? '❚❚' : '▶'}
      </button>
      <button type="button" onClick={() => player.stepBy(1)} aria-label="Step forward (→)" title="Step forward (→)" disabled={step >= max} data-testid="step">▶|</button>
      <span className="stepper-count" aria-live="off">
        {unit} <strong data-testid="step-count">{step}</strong> / {max}
      </span>
    </div>
  );
}
