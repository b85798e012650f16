/**
 * Bagging versus boosting, round by round: the same weak learner bagged and boosted (AdaBoost)
 * side by side on 2-D data, AdaBoost's α with its formula filled in, gradient boosting on 1-D
 * data with the residuals each tree fits, and the error of all three against rounds. Everything
 * is computed in the panel's worker (compute.worker.ts: all 200 rounds once per setting, then the
 * shown round's grids); this file only wires the result to the layout, player and controls.
 */
import { useMemo, useRef } from 'react';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { ParamControl } from '../../lib/controls/ParamControl';
import { SeedButton } from '../../lib/controls/SeedButton';
import { Readout } from '../../lib/controls/Readout';
import { PanelLayout } from '../../lib/panel/PanelLayout';
import { PlayerBar } from '../../lib/panel/PlayerBar';
import { usePlayer } from '../../lib/panel/usePlayer';
import { useHalvesComputed } from '../../lib/worker/useHalvesComputed';
import { useAfterPaint, useDrawn } from '../../lib/panel/useAfterPaint';
import { changedSettings } from '../../lib/params/describe';
import { fmt } from '../../lib/format/format';
import type { Frame } from './compute';
import { frameInput, sameInput, settingKey, type FrameInput } from './keys';
import { mergeHalves, type Part } from './merge';
import { BoundaryPlot, classKeys, ENSEMBLE_KEY } from './BoundaryPlot';
import { AlphaFormula } from './AlphaFormula';
import { RegressionPlots } from './RegressionPlots';
import { ErrorPlots } from './ErrorPlots';
import { readoutRows } from './readout';
import { ADA, BAG, dataPhrase, depthText, drawRadius, weightRadius } from './look';
import { MAX_ROUNDS } from './params';
import { store } from './store';
import './bagging-boosting.css';
import { halves } from './worker';
import { Dimmable } from '../../lib/controls/Dimmable';

/** Rounds per second: slow enough to follow one learner, fast enough to reach 200. */
const SPEEDS = [1, 2, 5, 10, 20, 50];

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const FLOAT64_BADGE = <span className="badge">float64 JS, in a worker</span>;

const lrShown = (v: number) => fmt(v, 2);
const setSeed = (s: number) => store.getState().set('seed', s);

export function BaggingBoostingView() {
  const live = usePanelParams(store);
  // The slider's frame shows only the setting; the worker's frame and the plots follow after it is painted.
  const p = useAfterPaint(live);
  const { dataset, noise, n, depth, lr, bootstrap, seed, round } = p;
  const input = useMemo<FrameInput>(
    () => frameInput({ dataset, noise, n, depth, lr, bootstrap, seed, round }),
    [dataset, noise, n, depth, lr, bootstrap, seed, round],
  );
  const { result: f, error, pending } = useHalvesComputed<FrameInput, Part, Frame>(halves, 'half', input, mergeHalves);
  // A result for other params is stale: the readout says busy and the plots dim until it arrives.
  const stale = pending || !f || !sameInput(f.input, input);
  const busy = stale || p !== live;
  const drawn = useDrawn(p, !stale);

  const stable = useSettingParts(f);

  const player = usePlayer({
    shown: f?.round ?? round,
    min: 1,
    max: MAX_ROUNDS,
    unit: 'round',
    speeds: SPEEDS,
    speed: 5,
    set: (s) => store.getState().set('round', s),
    busy,
  });

  // Memoised: the slider's own frame (issue 8) does not redraw the plots with the old numbers,
  // and going stale only changes the wrapper's class (below): the plots are not re-rendered to dim.
  const plots = useMemo(() => f && <Plots f={f} stable={stable!} />, [f, stable]);

  // The same elements while the seed stays: the view renders several times per setting (the
  // press, its painted frame, each half's answer), and each control re-renders by itself when
  // its own value changes (ParamControl reads the store).
  const controls = useMemo(
    () => (
      <>
        <ParamControl store={store} name="dataset" />
        <ParamControl store={store} name="noise" />
        <ParamControl store={store} name="n" />
        <ParamControl store={store} name="depth" />
        <ParamControl store={store} name="lr" display={lrShown} />
        <ParamControl store={store} name="bootstrap" />
        <SeedButton seed={live.seed} max={store.schema.seed.max} onChange={setSeed} />
      </>
    ),
    [live.seed],
  );

  const notes: string[] = [];
  if (f?.cls.adaStop && f.round > f.cls.adaStop.after)
    notes.push(
      `AdaBoost stopped after round ${f.cls.adaStop.after} (${f.cls.adaStop.reason === 'perfect' ? 'that learner made no training error' : 'no learner beat chance on the weighted data'}), as scikit-learn does: its plot shows that last round.`,
    );

  return (
    <PanelLayout
      summary={`${capitalised(depthText(drawn.depth))} bagged and boosted side by side on ${dataPhrase(drawn)}; gradient boosting of the same trees (ν = ${fmt(drawn.lr, 2)}) on 1-D data.`}
      badge={FLOAT64_BADGE}
      error={error}
      notes={notes}
      notesKind="info"
      player={<PlayerBar player={player} label={f ? `ensembles of ${f.round} learner${f.round === 1 ? '' : 's'}` : undefined} />}
      readout={
        f && <Readout busy={busy} computing={changedSettings(store.schema, drawn, live, ['round'])} title={`Readout at round ${f.round}`} rows={readoutRows(f, drawn)} />
      }
      controls={controls}
    >
      {plots && <Dimmable pending={stale}>{plots}</Dimmable>}
    </PanelLayout>
  );
}

type SettingParts = Pick<Frame, 'cls' | 'reg'>;

/**
 * The parts of a frame that depend on the setting only (data, error curves), kept as the first
 * frame of that setting brought them: the worker sends fresh copies every round, and plots fed
 * the same objects can skip redrawing while the player moves.
 */
function useSettingParts(f: Frame | null): SettingParts | null {
  const ref = useRef<{ key: string; parts: SettingParts } | null>(null);
  if (!f) return null;
  const key = settingKey(f.input);
  if (ref.current?.key !== key) ref.current = { key, parts: { cls: f.cls, reg: f.reg } };
  return ref.current.parts;
}

function Plots({ f, stable }: { f: Frame; stable: SettingParts }) {
  const b = f.shown.bag;
  const a = f.shown.ada;
  const n = f.cls.y.length;
  const m = f.round;
  const bagR = useMemo(() => Float64Array.from(b.inBag, (c) => (c > 0 ? drawRadius(c) : 2.2)), [b.inBag]);
  const oob = useMemo(() => Uint8Array.from(b.inBag, (c) => (c === 0 ? 1 : 0)), [b.inBag]);
  const adaR = useMemo(() => (a ? Float64Array.from(a.weights, (w) => weightRadius(w, n)) : null), [a, n]);
  return (
    <div className="bb-plots">
      <div className="plot-grid">
        <BoundaryPlot
          title={`Bagging: average of ${m} tree${m === 1 ? '' : 's'}`}
          ariaLabel={`Bagging after ${m} rounds: the averaged vote over the plane, tree ${m}'s boundary and its bootstrap sample`}
          extent={stable.cls.extent}
          grid={b.grid}
          learnerGrid={b.treeGrid}
          line={b.line}
          learnerLine={b.treeLine}
          learnerColor={BAG}
          x={stable.cls.x}
          y={stable.cls.y}
          r={bagR}
          faint={oob}
          legend={[...classKeys(), ENSEMBLE_KEY, { label: `tree ${m} alone`, color: BAG, kind: 'dashed' }]}
          note={
            f.input.bootstrap
              ? `Point size: times drawn into tree ${m}’s bootstrap sample; faint: not drawn (out of bag). Shading: mean P(class 1) of the trees.`
              : `No bootstrap: tree ${m} sees every point once, like every other tree. Shading: mean P(class 1) of the trees.`
          }
        />
        {a ? (
          <BoundaryPlot
            title={`AdaBoost: weighted vote of ${a.learner} learner${a.learner === 1 ? '' : 's'}`}
            ariaLabel={`AdaBoost after ${a.learner} rounds: the weighted vote over the plane, learner ${a.learner}'s boundary and the sample weights it was fitted on`}
            extent={stable.cls.extent}
            grid={a.grid}
            learnerGrid={a.learnerGrid}
            line={a.line}
            learnerLine={a.learnerLine}
            learnerColor={ADA}
            x={stable.cls.x}
            y={stable.cls.y}
            r={adaR!}
            marked={a.miss}
            legend={[...classKeys(), ENSEMBLE_KEY, { label: `learner ${a.learner} alone`, color: ADA, kind: 'dashed' }]}
            note={`Point size: the weight learner ${a.learner} was fitted on; outlined: points it gets wrong. Shading: α-weighted share of votes for class 1.`}
          />
        ) : (
          <p className="bb-alpha">AdaBoost found no learner better than chance on these data (weighted error ≥ 0.5), so, as scikit-learn, it has no ensemble to show.</p>
        )}
      </div>
      {a && <AlphaFormula a={a} n={n} />}
      <RegressionPlots reg={stable.reg} g={f.regShown} noise={f.input.noise} lr={f.input.lr} />
      <ErrorPlots cls={stable.cls} reg={stable.reg} round={m} />
    </div>
  );
}
