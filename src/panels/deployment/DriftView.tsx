/**
 * The drift monitor: the stream of windows is computed in the worker at once; the player walks
 * through it (the window shown is in the link) so the alert can be watched firing.
 */
import { useMemo } from 'react';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { ParamControl } from '../../lib/controls/ParamControl';
import { SeedButton } from '../../lib/controls/SeedButton';
import { Readout } from '../../lib/controls/Readout';
import { PanelLayout } from '../../lib/panel/PanelLayout';
import { PlayerBar } from '../../lib/panel/PlayerBar';
import { usePlayer } from '../../lib/panel/usePlayer';
import { useAfterPaint, useDrawn } from '../../lib/panel/useAfterPaint';
import { changedSettings } from '../../lib/params/describe';
import { useWorkerComputed } from '../../lib/worker/useWorkerComputed';
import { driftInput, type DriftInput, type DriftResult } from './model';
import { DRIFT_WINDOWS } from './params';
import { driftRows } from './readout';
import { AccuracyPlot, BinsPlot, DriftStatPlot } from './DriftPlots';
import { PartTabs } from './PartTabs';
import { computeWorker } from './worker';
import { count } from './look';
import { store } from './store';
import { Dimmable } from '../../lib/controls/Dimmable';

const setW = (w: number) => store.getState().set('w', w);
const BADGE = <span className="badge">float64 JS, worker</span>;

export function DriftView() {
  const live = usePanelParams(store);
  const p = useAfterPaint(live);
  const { drift, shift, start, window: rows, threshold, seed } = p;
  const input = useMemo<DriftInput>(
    () => driftInput(p),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the stream reads only these
    [drift, shift, start, rows, threshold, seed],
  );
  const { result: r, error, pending } = useWorkerComputed<DriftInput, DriftResult>(computeWorker, 'drift', input);
  const drawn = useDrawn(p, !pending);
  const w = p.w;
  const player = usePlayer({ shown: w, set: setW, min: 1, max: DRIFT_WINDOWS, unit: 'window', speeds: [2, 5, 10, 20], speed: 5, busy: pending || p !== live });

  // The plots are memoised without `pending`, which only sets the wrappers' class: the dimming
  // then re-renders no plot (React skips a child whose element is the same object).
  const content = useMemo(
    () =>
      r && (
        <>
          <div className="dep-pair">
            <DriftStatPlot r={r} w={w} />
            <AccuracyPlot r={r} w={w} />
          </div>
          <div className="dep-pair">
            <BinsPlot r={r} w={w} />
          </div>
        </>
      ),
    [r, w],
  );
  const plots = r && (
    <Dimmable pending={pending} className="dep-plots" dimClass="dep-stale" data-computed-in="worker">
      {content}
    </Dimmable>
  );
  // The rows of the result on screen: a key press (only `live` changes) does not rebuild them.
  const readoutRows = useMemo(() => driftRows(drawn, r, w), [drawn, r, w]);
  const notes: string[] = [];
  if (r && r.falseAlarms > 0) notes.push(`${r.falseAlarms} window${r.falseAlarms > 1 ? 's' : ''} passed the threshold before any drift: with ${count(r.input.window)} rows per window PSI is noisy (its expected value without drift is about 9 (1/n + 1/m)).`);

  return (
    <PanelLayout
      summary={`A logistic regression trained on ${count(r?.nRef ?? 5000)} reference rows of (x, z) meets ${DRIFT_WINDOWS} windows of ${count(drawn.window)} new rows; from window ${drawn.start} the mean of x moves ${drawn.drift === 'sudden' ? 'at once' : 'step by step'} by ${drawn.shift} SD.`}
      badge={BADGE}
      error={error}
      notes={notes}
      notesKind="warn"
      player={<PlayerBar player={player} />}
      readout={<Readout busy={pending || p !== live} computing={changedSettings(store.schema, drawn, live, ['w'])} title="Readout" rows={readoutRows} />}
      controls={
        <>
          <ParamControl store={store} name="drift" />
          <ParamControl store={store} name="shift" />
          <ParamControl store={store} name="start" />
          <ParamControl store={store} name="threshold" />
          <ParamControl store={store} name="window" display={count} />
          <SeedButton seed={live.seed} onChange={(s) => store.getState().set('seed', s)} />
        </>
      }
    >
      <PartTabs part="drift" />
      {plots}
    </PanelLayout>
  );
}
