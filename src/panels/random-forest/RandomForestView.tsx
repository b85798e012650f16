/**
 * Random-forest view: the forest's mean probability map beside a few single trees' maps, the
 * picked tree (its boundary with its out-of-bag points, and drawn as a tree), error against
 * the number of trees, and two kinds of importance. The forest grows in the panel's worker
 * (model.ts) and arrives tree by tree; this file wires the params to it and lays the plots out.
 */
import { useMemo, useRef, useState } from 'react';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { ParamControl } from '../../lib/controls/ParamControl';
import { SeedButton } from '../../lib/controls/SeedButton';
import { Readout } from '../../lib/controls/Readout';
import { PanelLayout } from '../../lib/panel/PanelLayout';
import { createCache } from '../../lib/panel/cache';
import { useWorkerRun } from '../../lib/worker/useWorkerRun';
import { useAfterPaint, useDrawn } from '../../lib/panel/useAfterPaint';
import { changedSettings } from '../../lib/params/describe';
import { makeData, type ForestData } from './data';
import { configKey, configOf, featuresPerSplit, type ForestConfig, type ForestTarget } from './config';
import type { ForestView } from './model';
import { ForestMap, Multiples } from './ForestMap';
import { PickedMap } from './PickedMap';
import { TreeDiagram } from './TreeDiagram';
import { ErrorCurves } from './ErrorCurves';
import { Importances } from './Importances';
import { readoutRows } from './readout';
import { firstShown, nextShown, QUIET_MS, type Shown } from './quietProgress';
import { joinParts, type PermView } from './join';
import { DATASET_WORDS, depthText, featuresText, scoresKey } from './look';
import { DEPTH_NONE } from './params';
import { store } from './store';
import './random-forest.css';
import { computeWorker, permWorker } from './worker';

/** The worker's slice: see useWorkerRun below. */
const SLICE_MS = 40;

// Vite's static worker pattern: the worker is bundled as its own chunk (see lib/worker/client.ts).

/** QUIET_MS, or 0 while the e2e suite sets window.__rfQuietMs = 0: the growing forest's views are
 *  then all drawn on any machine (a fast one grows even the slowest forest within QUIET_MS, and
 *  showing none is then right; quietProgress.test.ts covers the threshold itself). */
function quietMsFor(): number {
  const v = (window as unknown as { __rfQuietMs?: unknown }).__rfQuietMs;
  return typeof v === 'number' && v >= 0 ? v : QUIET_MS;
}

const depthShown = (v: number) => (v >= DEPTH_NONE ? 'none' : String(v));
const setSeed = (s: number) => store.getState().set('seed', s);

export function RandomForestView() {
  const live = usePanelParams(store);
  // The slider's frame shows only the setting; the forest and the plots follow after it is painted.
  const p = useAfterPaint(live);
  const { dataset, jitter, n, noise, seed, criterion, depth, minSplit, features, bootstrap, trees, tree } = p;
  const config = useMemo<ForestConfig>(
    () => configOf({ dataset, jitter, n, noise, seed, criterion, depth, minSplit, features, bootstrap }),
    [dataset, jitter, n, noise, seed, criterion, depth, minSplit, features, bootstrap],
  );
  const key = configKey(config);
  const target = useMemo<ForestTarget>(() => ({ trees, pick: tree }), [trees, tree]);
  // Slices of 40 ms: most settings' forests are grown and scored in one (a single view to draw, not
  // a map per 16 ms slice redrawn on the page while the worker still works); the largest ones
  // still show their trees arriving.
  const parts = useMemo(() => [{ ...config, part: 0 as const }, { ...config, part: 1 as const }] as const, [config]);
  const w = useWorkerRun<ForestConfig, ForestTarget, ForestView>(computeWorker, 'forest', { key, config: parts[0], target, targetKey: `${trees}:${tree}` }, { showProgress: true, budgetMs: SLICE_MS, paintedFirst: true });
  const permTarget = useMemo(() => ({ trees }), [trees]);
  const wp = useWorkerRun<ForestConfig, { trees: number }, PermView>(permWorker, 'forest-perm', { key, config: parts[1], target: permTarget, targetKey: `${trees}` }, { budgetMs: SLICE_MS, paintedFirst: true });
  // The whole forest's view once both parts have it; part 0's map meanwhile, its scores held back.
  const joined = useMemo(() => joinParts(w.view, wp.view), [w.view, wp.view]);
  const reached = w.reached && wp.reached;

  // The points drawn with a view are the ones it was grown on (an older view stays on screen,
  // marked busy, until the new forest's first trees arrive).
  const [datas] = useState(() => createCache<ForestData>(4));
  datas.get(key, () => makeData(config.data));
  // A forest finished within QUIET_MS is drawn once, not after every slice (quietProgress.ts).
  const at = `${key}|${trees}:${tree}`;
  // The first forest's quiet time runs from this first render, not from the page's time origin.
  const shown = useRef<Shown<ForestView> | null>(null);
  const now = performance.now();
  shown.current = nextShown(shown.current ?? firstShown(at, now), joined, reached, at, now, quietMsFor());
  const view = shown.current.view;
  const shownData = view ? (datas.peek(view.key) ?? null) : null;
  const current = view && view.key === key && view.trees === trees && view.grown === trees ? view : null;
  const grown = reached && !!current;
  const busy = !grown || p !== live;
  const drawn = useDrawn(p, grown);

  const d = 2 + noise;
  const notes: string[] = [];
  if (features !== 'sqrt' && features !== 'all' && Number(features) > d)
    notes.push(`Max features ${features} is more than the ${d} features there are: each split chooses from all ${d}.`);
  if (tree > trees) notes.push(`There is no tree ${tree} in a forest of ${trees}: tree ${trees} is shown.`);
  if (!bootstrap && featuresPerSplit(features, d) === d)
    notes.push('Without bootstrap and with every feature tried at every split, all trees are the same tree: the forest is one tree.');

  // Memoised: the slider's own frame (issue 8) does not redraw the plots with the old numbers; the
  // pending look is the wrapper's class (the map dims), so going busy re-renders no plot either.
  const plots = useMemo(
    () => (
      <>
        {view && shownData && (
          <div className="rf-plots" data-computed-in="worker">
            <div className="rf-top">
              <ForestMap view={view} data={shownData} />
              <Multiples view={view} data={shownData} />
            </div>
            {view.picked && (
              <div className="plot-grid">
                <PickedMap picked={view.picked} data={shownData} forestKey={view.key} />
                {view.scores ? <ErrorCurves s={view.scores} scoresKey={scoresKey(view)} /> : <p className="rf-wait">Error curves: growing the forest…</p>}
              </div>
            )}
            {view.picked && <TreeDiagram tree={view.picked.tree} index={view.picked.index} criterion={criterion} forestKey={view.key} />}
            {view.scores && <Importances s={view.scores} scoresKey={scoresKey(view)} criterion={criterion} />}
          </div>
        )}
        {!view && <p className="rf-wait" data-testid="rf-growing">Growing the first trees…</p>}
      </>
    ),
     
    [view, shownData, criterion],
  );

  // The same elements while the seed stays: the page renders this view several times per
  // setting (the press, its painted frame, each worker answer), and the controls re-render by
  // themselves when their own value changes (ParamControl reads the store).
  const controls = useMemo(
    () => (
      <>
        <ParamControl store={store} name="trees" />
        <ParamControl store={store} name="dataset" />
        <ParamControl store={store} name="jitter" />
        <ParamControl store={store} name="n" />
        <ParamControl store={store} name="noise" />
        <ParamControl store={store} name="depth" display={depthShown} />
        <ParamControl store={store} name="features" />
        <ParamControl store={store} name="minSplit" />
        <ParamControl store={store} name="criterion" />
        <ParamControl store={store} name="bootstrap" />
        <ParamControl store={store} name="tree" />
        <SeedButton seed={live.seed} max={store.schema.seed.max} onChange={setSeed} />
      </>
    ),
    [live.seed],
  );

  return (
    <PanelLayout
      summary={
        <>
          A random forest of {trees} CART tree{trees === 1 ? '' : 's'} ({depthText(depth)}, {featuresText(p)}) on {n} points of{' '}
          {DATASET_WORDS[dataset]}
          {noise > 0 ? ` plus ${noise} noise feature${noise === 1 ? '' : 's'}` : ''}, grown tree by tree in a worker.
        </>
      }
      error={w.error ?? wp.error}
      notes={notes}
      readout={<Readout
          busy={busy}
          computing={changedSettings(store.schema, drawn, live)}
          title={`Readout: forest of ${trees}`}
          rows={readoutRows(p, reached ? current : null)}
        />}
      controls={controls}
    >
      <div className={busy ? 'rf-pending' : undefined}>{plots}</div>
    </PanelLayout>
  );
}
