/**
 * "Replaying to epoch N" (issue 8): a link, or a jump of the scrub, that trains toward a far step
 * says so while the run catches up, with its progress, and dims the plots, so that a step on the
 * way is never taken for the one asked for. Over the plots, so nothing on the page moves when it
 * comes and goes. Wrap the plots in <ReplayFrame>; the note shows while `replaying`.
 *
 * A link says so from its first render, before the run's first steps are on screen (`reached`
 * null): the worker may still be starting, and a note that waits for it can come after the
 * second the issue allows. With no plots yet the frame keeps room for them, so the note sits where
 * they will appear instead of over what follows.
 */
import type { ReactNode } from 'react';

interface Props {
  replaying: boolean;
  /** What a step is called ("epoch", "step"). */
  unit: string;
  /** The step asked for, and the step the plots show so far (null: no step on screen yet). */
  target: number;
  reached: number | null;
  children: ReactNode;
}

export function ReplayFrame({ replaying, unit, target, reached, children }: Props) {
  return (
    <div className={`replay-frame${replaying ? ' replaying' : ''}${replaying && reached === null ? ' starting' : ''}`}>
      {replaying && (
        <p className="replay-note" role="status" data-testid="replaying">
          <span>{reached === null ? `Replaying to ${unit} ${target}: starting…` : `Replaying to ${unit} ${target}: the plots show ${unit} ${reached} so far.`}</span>
          <progress max={Math.max(1, target)} value={Math.min(reached ?? 0, target)} aria-label={`Replay progress, ${unit} ${reached ?? 0} of ${target}`} />
        </p>
      )}
      {children}
    </div>
  );
}
