/**
 * Play / pause / step back / step / rewind, with keyboard shortcuts that work anywhere on the
 * page except while typing in a field: Space plays or pauses, → and ← step, Home rewinds.
 */
import type { Player } from './usePlayer';
import { useStepperKeys } from '../panel/useStepperKeys';

export interface StepperProps {
  player: Player;
  step: number;
  max: number;
  /** What one step is called, e.g. "iteration", "round". */
  unit?: string;
}

export function Stepper({ player, step, max, unit = 'step' }: StepperProps) {
  useStepperKeys(player);

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
