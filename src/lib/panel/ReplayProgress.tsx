/**
 * The progress line of a panel that trains toward a step in its worker (attention, embeddings):
 * under the player, "Step 120 of 400" with a bar while a link or a jump replays (or "Starting the
 * run to step 400…" before the worker's first progress), and the measured training speed. Two
 * lines are always reserved, so nothing below moves while a replay starts or ends. The panel
 * decides `replaying` and `from` with replay.ts (replayFrom, replayingTo).
 */
interface Props {
  replaying: boolean;
  /** The worker's progress while catching up (null before its first). */
  catchingUp: number | null;
  target: number;
  /** Measured steps per second, null before any. */
  rate: number | null;
}

export function ReplayProgress({ replaying, catchingUp, target, rate }: Props) {
  return (
    <div className="replay-progress" aria-live="off">
      <span>
        {replaying && <span data-testid="progress">{catchingUp === null ? `Starting the run to step ${target}…` : `Step ${catchingUp} of ${target}`}</span>}
        {replaying && rate !== null && ' · '}
        {rate !== null && (
          <span>
            {replaying ? '' : 'training speed '}
            {Math.round(rate)} steps/s
          </span>
        )}
      </span>
      {replaying && <progress max={Math.max(1, target)} value={catchingUp ?? 0} aria-label={`Training to step ${target}`} />}
    </div>
  );
}
