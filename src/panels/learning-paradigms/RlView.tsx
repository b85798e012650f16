/**
 * Reinforcement: no labels at all, only rewards. An agent learns by Q-learning on a grid world
 * the learner can edit; the player steps one episode, the "One move" button one move. The worker
 * keeps the learner and moves it forward, and solves the same grid by value iteration to judge
 * the policy learned.
 */
import { useMemo } from 'react';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { ParamControl } from '../../lib/controls/ParamControl';
import { SeedButton } from '../../lib/controls/SeedButton';
import { Select } from '../../lib/controls/Select';
import { Readout } from '../../lib/controls/Readout';
import { PanelLayout } from '../../lib/panel/PanelLayout';
import { PlayerBar } from '../../lib/panel/PlayerBar';
import { usePlayer } from '../../lib/panel/usePlayer';
import { useAfterPaint, useDrawn } from '../../lib/panel/useAfterPaint';
import { changedSettings } from '../../lib/params/describe';
import { useWorkerComputed } from '../../lib/worker/useWorkerComputed';
import { computeWorker } from './worker';
import { cycleCell, parseGrid } from './gridworld';
import { type RlConfig, type RlTarget, type RlView as RlResult } from './model';
import { ModeTabs } from './ModeTabs';
import { GridWorld } from './GridWorld';
import { ReturnsPlot } from './ReturnsPlot';
import { rlRows } from './readout';
import { DEFAULT_GRID, MAX_EPISODES } from './params';
import { store } from './store';

const SPEEDS = [1, 5, 20, 100, Infinity];

export const LAYOUTS = {
  maze: DEFAULT_GRID,
  textbook: '...g-.p..-....-s...',
  cliff: '........-........-........-sppppppg',
  open: '.....-.....-..x..-.....-s...g',
} as const;
type Layout = keyof typeof LAYOUTS | 'custom';
const LAYOUT_WORDS: Record<Layout, string> = { maze: 'Small maze (default)', textbook: 'Textbook 4 × 4', cliff: 'Cliff walk', open: 'Open room', custom: 'Your own (edited)' };

export function RlView() {
  const live = usePanelParams(store);
  const params = useAfterPaint(live);
  const { grid, stepReward, epsilon, lr, discount, slip, seed, episode, move } = params;
  const config = useMemo<RlConfig>(() => ({ grid, stepReward, epsilon, lr, discount, slip, seed }), [grid, stepReward, epsilon, lr, discount, slip, seed]);
  const input = useMemo(() => ({ config, target: { episode, move } }), [config, episode, move]);
  const w = useWorkerComputed<{ config: RlConfig; target: RlTarget }, RlResult>(computeWorker, 'rl', input);
  const drawn = useDrawn(params, !w.pending);
  const v = w.result;
  const busy = w.pending || params !== live;

  const player = usePlayer({
    shown: v?.episode ?? params.episode,
    max: MAX_EPISODES,
    unit: 'episode',
    speeds: SPEEDS,
    speed: 5,
    set: (s) => store.getState().setMany({ episode: s, move: 0 }),
    busy: w.pending,
    maxPerFrame: () => 10,
  });
  const oneMove = () => {
    if (v && !busy && v.ended) store.getState().setMany({ episode: v.episode + 1, move: 0 });
    else store.getState().set('move', live.move + 1);
  };
  const layout: Layout = (Object.keys(LAYOUTS) as (keyof typeof LAYOUTS)[]).find((k) => LAYOUTS[k] === live.grid) ?? 'custom';

  const notes: string[] = [];
  if (v?.problem) notes.push(v.problem);
  if (v && !v.cells.includes('g') && !v.cells.includes('p')) notes.push('No goal and no pit: no episode can end, each is cut off after 100 moves.');
  if (live.epsilon === 0) notes.push('ε = 0: the agent never explores, so it keeps the first way it found to gain reward, optimal or not.');

  const plots = useMemo(
    () =>
      v && (
        <div className="lp-rl">
          <GridWorld v={v} busy={false} onCycle={(i) => store.getState().set('grid', cycleCell(parseGrid(store.getState().params.grid).grid, i))} />
          <ReturnsPlot v={v} slip={drawn.slip} />
        </div>
      ),
    [v, drawn.slip],
  );

  return (
    <PanelLayout
      summary={`Reinforcement: no labels, only a reward after each move. Q-learning (ε-greedy, learning rate ${drawn.lr}, discount ${drawn.discount}) on a ${v ? `${v.rows} × ${v.cols}` : ''} grid world, in a worker.`}
      error={w.error}
      notes={notes}
      notesKind="info"
      player={
        <PlayerBar player={player}>
          <button type="button" data-testid="one-move" onClick={oneMove}>
            One move
          </button>
        </PlayerBar>
      }
      readout={<Readout busy={busy} computing={changedSettings(store.schema, drawn, live, ['episode', 'move'])} title="Readout: reinforcement" rows={rlRows(drawn, v)} />}
      controls={
        <>
          <ParamControl store={store} name="stepReward" />
          <ParamControl store={store} name="epsilon" />
          <ParamControl store={store} name="lr" />
          <ParamControl store={store} name="discount" />
          <ParamControl store={store} name="slip" />
          <Select
            label="Grid layout"
            value={layout}
            options={Object.keys(LAYOUT_WORDS) as Layout[]}
            optionLabels={LAYOUT_WORDS}
            testId="lp-layout"
            help="Or click the cells to edit the grid."
            onChange={(l) => l !== 'custom' && store.getState().set('grid', LAYOUTS[l])}
          />
          <SeedButton seed={live.seed} max={store.schema.seed.max} onChange={(s) => store.getState().set('seed', s)} />
        </>
      }
    >
      <ModeTabs mode="reinforcement" />
      <div data-computed-in="worker">{plots}</div>
    </PanelLayout>
  );
}
