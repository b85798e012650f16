/**
 * The embeddings panel: skip-gram with negative sampling trained live in the panel's worker;
 * the PCA picture of the vectors at the current step, nearest neighbours and an analogy asked
 * of them on the page, the player (the step is in the link, and a link replays to it), the
 * loss curve and the readout.
 */
import { useMemo, useRef } from 'react';
import { ParamControl } from '../../lib/controls/ParamControl';
import { SeedButton } from '../../lib/controls/SeedButton';
import { Readout } from '../../lib/controls/Readout';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { PanelLayout } from '../../lib/panel/PanelLayout';
import { useAfterPaint, useDrawn } from '../../lib/panel/useAfterPaint';
import { changedSettings } from '../../lib/params/describe';
import { PlayerBar } from '../../lib/panel/PlayerBar';
import { usePlayer } from '../../lib/panel/usePlayer';
import { ReplayProgress } from '../../lib/panel/ReplayProgress';
import { replayFrom, replayingTo } from '../../lib/panel/replay';
import { analyse } from './analysis';
import { CorpusField } from './CorpusField';
import { LossCurve } from './LossCurve';
import { MAX_STEPS } from './params';
import { ProjectionPlot } from './ProjectionPlot';
import { QueryTables } from './QueryTables';
import { readoutRows, trainingNote } from './readout';
import { corpusOf, corpusProblem, runConfig, type RunView } from './config';
import { store } from './store';
import { useTrainingRun } from './useTrainingRun';
import './embeddings.css';

const SPEEDS = [5, 15, 30, 60] as const;
const PLAY_RATE = 30;

/**
 * Whether the view on screen is a later step of the run of the view before it (the words then
 * glide to their places: ProjectionPlot); a new run's picture is drawn at once. Decided once
 * per view, so a key press's render (same view) does not redraw the plot.
 */
function useGlide(v: RunView | null, runKey: string): boolean {
  const last = useRef<{ v: RunView | null; key: string; glide: boolean }>({ v: null, key: '', glide: false });
  const prev = last.current;
  if (prev.v !== v) last.current = { v, key: runKey, glide: v !== null && prev.v !== null && prev.key === runKey };
  return last.current.glide;
}

export function EmbeddingsView() {
  const live = usePanelParams(store);
  const params = useAfterPaint(live);
  const t = useTrainingRun(params);
  const v = t.view;
  const set = store.getState();
  const player = usePlayer({
    shown: v?.step ?? params.step,
    set: (s) => set.set('step', s),
    max: MAX_STEPS,
    unit: 'step',
    speeds: SPEEDS,
    speed: PLAY_RATE,
    busy: !t.current,
  });
  const drawn = useDrawn(params, t.current);
  const builtin = drawn.corpus === 'builtin';
  const corpus = useMemo(() => corpusOf(params), [params.corpus, params.text, params.seed]); // eslint-disable-line react-hooks/exhaustive-deps
  const problem = corpusProblem(corpus, params.window);
  const sample = useMemo(() => corpus.sentences.slice(0, 3).map((s) => Array.from(s, (i) => corpus.vocab[i]).join(' ')), [corpus]);
  const { word, a, b, c, picture } = params;
  const an = useMemo(() => (v ? analyse(v.vocab, v.embeddings, v.dim, { word, a, b, c, show: picture }, builtin) : null), [v, word, a, b, c, picture, builtin]);
  const note = v && an && !problem ? trainingNote(v, drawn) : null;
  const glide = useGlide(v, JSON.stringify(runConfig(drawn)));
  // Memoised: a slider's own frame (issue 8) does not redraw the plots with old numbers.
  const plots = useMemo(
    () =>
      v && an && (
        <>
          <ProjectionPlot vocab={v.vocab} an={an} builtin={builtin} glide={glide} step={v.step} />
          <QueryTables vocab={v.vocab} an={an} q={{ word, a, b, c }} />
        </>
      ),
    [v, an, builtin, glide, word, a, b, c],
  );
  // Memoised too: the readout's mean cosine is a pass over every pair of words, and the loss
  // curve a full redraw; neither changes with a key press's own frame.
  const rows = useMemo(() => readoutRows(problem ? null : v, problem ? null : an, drawn, params.step, t.error), [problem, v, an, drawn, params.step, t.error]);
  const lossCurve = useMemo(() => v && !problem && <LossCurve v={v} />, [v, problem]);
  // A replay to a far step says so (from a link's first render on); one step while playing does not.
  const replaying = replayingTo(replayFrom(t.catchingUp, t.current, !!t.error, v?.step ?? null), params.step, player.playing);
  const custom = live.corpus === 'custom';

  return (
    <PanelLayout
      summary={
        <span>
          Skip-gram with negative sampling learns a vector for every word, trained in your browser. Press play to watch the words
          find their places.
        </span>
      }
      error={t.error}
      notes={[problem, note].filter(Boolean)}
      player={
        <>
          <PlayerBar player={player} label={replaying ? 'training…' : undefined} />
          <ReplayProgress replaying={replaying} catchingUp={t.catchingUp} target={params.step} rate={t.rate} />
        </>
      }
      readout={
        <Readout
          busy={!t.current || player.playing || params !== live}
          computing={changedSettings(store.schema, drawn, live, ['step'])}
          title={v ? `Readout at step ${v.step}` : 'Readout'}
          rows={rows}
        />
      }
      controls={
        <>
          <ParamControl store={store} name="dim" />
          <ParamControl store={store} name="window" />
          <ParamControl store={store} name="negatives" />
          <ParamControl store={store} name="lr" />
          <ParamControl store={store} name="picture" />
          <ParamControl store={store} name="corpus" />
          <SeedButton seed={params.seed} max={store.schema.seed.max} onChange={(s) => set.set('seed', s)} />
        </>
      }
      below={
        <>
          {lossCurve}
          {!custom && <CorpusField custom={false} text="" sample={sample} />}
        </>
      }
    >
      {custom && <CorpusField custom text={live.text} sample={sample} />}
      {problem ? null : plots || (!t.error && (
        <p className="emb-waiting" role="status">
          Training to step {params.step}; the word map appears when it gets there.
        </p>
      ))}
    </PanelLayout>
  );
}
