/**
 * "Replaying to epoch N" (issue 8): a link, or a jump of the scrub, that trains toward a far step
 * says so while the run catches up, with its progress, and dims the plots, so that a step on the
 * way is never taken for the one asked for. Over the plots, so nothing on the page moves when it
 * comes and goes. Wrap the plots in <ReplayFrame>; the note shows while `replaying`.
 */
import type { ReactNode } from 'react';

interface Props {
  replaying: boolean;
  /** What a step is called ("epoch", "step"). */
  unit: string;
  /** The step asked for, and the step the plots show so far. */
  target: number;
  reached: number;
  children: ReactNode;
}

export function ReplayFrame({ replaying, unit, target, reached, children }: Props) {
  return (
    <div className={replaying ? 'replay-frame replaying' : 'replay-frame'}>
      {replaying && (
        <p className="replay-note" role="status" data-testid="replaying">
          <span>
            Replaying to {unit} {target}: the plots show {unit} {reached} so far.
          </span>
          <progress max={Math.max(1, target)} value={Math.min(reached, target)} aria-label={`Replay progress, ${unit} ${reached} of ${target}`} />
        </p>
      )}
      {children}
    </div>
  );
}
