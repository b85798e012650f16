/** The A/B rollout: visitors split between the old model A and the new B, tested as they arrive. */
import { useMemo } from 'react';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { ParamControl } from '../../lib/controls/ParamControl';
import { SeedButton } from '../../lib/controls/SeedButton';
import { Readout } from '../../lib/controls/Readout';
import { PanelLayout } from '../../lib/panel/PanelLayout';
import { useAfterPaint, useDrawn } from '../../lib/panel/useAfterPaint';
import { changedSettings } from '../../lib/params/describe';
import { useWorkerComputed } from '../../lib/worker/useWorkerComputed';
import { abInput, type AbInput, type AbResult } from './model';
import { abRows } from './readout';
import { PValuePlot, RatePlot } from './AbPlots';
import { PartTabs } from './PartTabs';
import { computeWorker } from './worker';
import { count, percent } from './look';
import { store } from './store';
import { Dimmable } from '../../lib/controls/Dimmable';

const BADGE = <span className="badge">float64 JS, worker</span>;

export function AbView() {
  const live = usePanelParams(store);
  const p = useAfterPaint(live);
  const { split, pA, pB, visitors, alpha, power, seed } = p;
  const input = useMemo<AbInput>(
    () => abInput(p),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the rollout reads only these
    [split, pA, pB, visitors, alpha, power, seed],
  );
  const { result: r, error, pending } = useWorkerComputed<AbInput, AbResult>(computeWorker, 'ab', input);
  const drawn = useDrawn(p, !pending);
  // The plots are memoised without `pending`, which only sets the wrappers' class: the dimming
  // then re-renders no plot (React skips a child whose element is the same object).
  const content = useMemo(
    () =>
      r && (
        <>
          <RatePlot r={r} />
          <PValuePlot r={r} />
        </>
      ),
    [r],
  );
  const plots = r && (
    <Dimmable pending={pending} className="dep-pair" dimClass="dep-stale" data-computed-in="worker">
      {content}
    </Dimmable>
  );
  // The rows of the result on screen: a key press (only `live` changes) does not rebuild them.
  const rows = useMemo(() => abRows(drawn, r), [drawn, r]);
  const notes: string[] = [];
  if (r && Number.isFinite(r.nTotal) && r.nTotal > r.input.visitors)
    notes.push(`Underpowered: detecting ${percent(r.input.pA)} → ${percent(r.input.pB)} with power ${r.input.power} needs about ${count(Math.ceil(r.nTotal))} visitors at this split; the test has ${count(r.input.visitors)}.`);
  if (r && r.input.pA === r.input.pB) notes.push('A and B convert alike: every significant result here is a false positive, which happens at rate α.');

  return (
    <PanelLayout
      summary={`${count(drawn.visitors)} visitors, ${percent(drawn.split, 0)} of them to the new model B; the pooled two-proportion z-test compares the arms.`}
      badge={BADGE}
      error={error}
      notes={notes}
      notesKind="info"
      readout={<Readout busy={pending || p !== live} computing={changedSettings(store.schema, drawn, live)} title="Readout" rows={rows} />}
      controls={
        <>
          <ParamControl store={store} name="split" display={(v) => percent(v, 0)} />
          <ParamControl store={store} name="pA" display={(v) => percent(v)} />
          <ParamControl store={store} name="pB" display={(v) => percent(v)} />
          <ParamControl store={store} name="visitors" display={count} />
          <ParamControl store={store} name="alpha" />
          <ParamControl store={store} name="power" />
          <SeedButton seed={live.seed} onChange={(s) => store.getState().set('seed', s)} />
        </>
      }
    >
      <PartTabs part="ab" />
      {plots}
    </PanelLayout>
  );
}
