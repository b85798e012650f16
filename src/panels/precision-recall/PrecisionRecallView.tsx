/**
 * Precision-recall view: score distributions with the threshold; PR and ROC curves; the
 * confusion matrix; metrics against the threshold; accuracy beside the always-negative rule.
 * Synthetic scores are computed at once; the spam data is loaded only when chosen and its
 * classifier trained in the panel's worker (spamData.ts), while the last result stays on screen
 * marked as computing. The header, messages, readout and controls come from PanelLayout.
 */
import { useCallback, useMemo } from 'react';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { ParamControl } from '../../lib/controls/ParamControl';
import { SeedButton } from '../../lib/controls/SeedButton';
import { Readout } from '../../lib/controls/Readout';
import { fmt } from '../../lib/format/format';
import { useComputed } from '../../lib/panel/useComputed';
import { useAfterPaint, useDrawn } from '../../lib/panel/useAfterPaint';
import { changedSettings } from '../../lib/params/describe';
import { PanelLayout } from '../../lib/panel/PanelLayout';
import { MatrixPlot } from '../../lib/plot/MatrixPlot';
import { analyse, subsampleToPrevalence, syntheticSet, type PrResult } from './model';
import type { PrParams } from './params';
import { store } from './store';
import { useSpamPool } from './spamData';
import type { SpamPool } from './spam';
import { ScorePlot } from './ScorePlot';
import { PrPlot, RocPlot } from './CurvePlots';
import { SweepPlot } from './SweepPlot';
import { AccuracyTable } from './AccuracyTable';
import { readoutRows } from './readout';
import { percent, showThreshold } from './look';
import { OWN_KEY, OWN_REQUEST, ownScores } from './own';
import { CsvInput } from '../../lib/data/CsvInput';
import { forgetOwnData, ownDataParam, resolveOwnData } from '../../lib/data/ownData';
import { computeWorker } from './worker';
import { Dimmable } from '../../lib/controls/Dimmable';

type Computed = PrResult & { spam: Pick<SpamPool, 'nTrain' | 'nTrainSpam' | 'vocabSize'> & { nTest: number } | null };

/** One analysis: the settings, and for the spam data the pool the worker trained for their seed. */
interface Job {
  p: PrParams;
  pool: SpamPool | null;
}

/** The thresholding and curves: a few milliseconds, on the page (the own CSV data lives here). */
function run({ p, pool }: Job): Computed | null {
  if (p.data === 'spam') {
    if (!pool) return null; // only a spam link's first render: the filter is still training
    const r = analyse(subsampleToPrevalence(pool.test, p.prevalence, p.seed), p);
    return { ...r, spam: { nTrain: pool.nTrain, nTrainSpam: pool.nTrainSpam, vocabSize: pool.vocabSize, nTest: pool.test.y.length } };
  }
  if (p.data === 'csv') {
    // Own scores as they are (the class balance is the file's); none usable: synthetic, with a message.
    const own = ownScores(p);
    const r = own.set ? analyse(own.set, p) : analyse(syntheticSet(p), { ...p, data: 'synthetic' });
    return { ...r, source: own.set ? 'csv' : 'synthetic', messages: [...own.messages, ...r.messages], spam: null };
  }
  return { ...analyse(syntheticSet(p), p), spam: null };
}

const countFormat = (v: number) => String(Math.round(v));
const FLOAT64_BADGE = <span className="badge">float64 JS</span>;
const LOADING_SPAM = 'Loading about 6,000 emails and training the spam filter on half of them…';

function Confusion({ r }: { r: PrResult }) {
  const c = r.current.counts;
  const pos = r.source === 'spam' ? 'spam' : 'positive';
  const neg = r.source === 'spam' ? 'ham' : 'negative';
  return (
    <MatrixPlot
      title={`Confusion matrix at threshold ${showThreshold(r.current.threshold)}`}
      values={[
        [c.tp, c.fn],
        [c.fp, c.tn],
      ]}
      rowLabels={[`actual ${pos}`, `actual ${neg}`]}
      colLabels={[`predicted ${pos}`, `predicted ${neg}`]}
      xLabel="prediction"
      yLabel="truth"
      scheme="cividis"
      showValues
      format={countFormat}
      maxCell={110}
      ariaLabel={`Confusion matrix: ${c.tp} true positives, ${c.fn} false negatives, ${c.fp} false positives, ${c.tn} true negatives`}
      note={`TP ${c.tp} · FN ${c.fn} · FP ${c.fp} · TN ${c.tn}`}
    />
  );
}

/** The readout's "computing for" text; while the filter trains, how far it is. */
function computing(changed: string, training: boolean, progress: number | null): string {
  if (!training) return changed;
  const what = changed || 'the spam filter';
  return progress === null ? what : `${what} (training ${Math.round(100 * progress)} %)`;
}

function summary(params: PrParams, shown: Computed | null): string {
  if (params.data === 'csv' && shown?.source === 'csv') return `${shown.n} scores from your CSV data, ${percent(shown.prevalence)} positive.`;
  if (params.data !== 'spam')
    return `${Math.round(params.n)} scores from two normal classes d′ = ${fmt(params.separation, 3)} apart, ${percent(params.prevalence)} positive.`;
  if (!shown?.spam) return 'SpamAssassin emails';
  const s = shown.spam;
  return `Held-out SpamAssassin emails scored by a logistic regression on ${s.vocabSize} words, trained here on ${s.nTrain} others (${s.nTrainSpam} spam); ${shown.n} of ${s.nTest} held out, ${percent(shown.prevalence)} spam.`;
}

export function PrecisionRecallView() {
  const live = usePanelParams(store);
  // The slider's frame shows only the setting; the analysis and the plots follow after it is painted.
  const params = useAfterPaint(live);
  const spam = useSpamPool(computeWorker, params.data === 'spam' ? params.seed : null);
  // The spam data is analysed only with its own seed's trained pool: until the worker answers,
  // the last analysis stays (its settings are `drawn`, so nothing claims to be the new one).
  const ready = params.data !== 'spam' || spam.pool !== null;
  const asked = useMemo<Job>(() => ({ p: params, pool: params.data === 'spam' ? spam.pool : null }), [params, spam.pool]);
  const job = useDrawn(asked, ready);
  const { result: shown, error: analysisError, pending: analysing } = useComputed(job, run);
  const error = analysisError ?? spam.error;
  // A failed load or training is said as an error, not left "computing" for ever.
  const pending = analysing || (!ready && !error);
  const drawn = useDrawn(params, !pending);
  const setThreshold = useCallback((t: number) => store.getState().set('threshold', Math.round(t * 20) / 20), []);
  const loadingSpam = !ready && !error;
  const density = drawn.hist === 'density';
  const liveOwn = useMemo(() => (live.data === 'csv' ? resolveOwnData(OWN_KEY, live.csv, 2).data : null), [live.data, live.csv]);
  const plots = useMemo(
    () =>
      shown && (
        // The last result stays while the spam filter trains, dimmed: it is not the spam data's.
        <Dimmable pending={loadingSpam}>
          <div className="plot-grid">
            <div className="plot-wide">
              <ScorePlot r={shown} density={density} onThreshold={setThreshold} />
            </div>
            <PrPlot r={shown} />
            <RocPlot r={shown} />
            <Confusion r={shown} />
            <SweepPlot r={shown} />
          </div>
          <AccuracyTable r={shown} />
        </Dimmable>
      ),
    [shown, density, setThreshold, loadingSpam],
  );

  return (
    <PanelLayout
      summary={summary(drawn, shown)}
      badge={FLOAT64_BADGE}
      error={error}
      notes={loadingSpam ? [LOADING_SPAM] : (shown?.messages ?? [])}
      notesKind={loadingSpam ? 'info' : 'warn'}
      readout={<Readout busy={pending || params !== live} computing={computing(changedSettings(store.schema, drawn, live), loadingSpam, spam.progress)} title="Readout at the threshold" rows={shown ? readoutRows(shown) : []} />}
      controls={
        <>
          <ParamControl store={store} name="threshold" />
          {live.data !== 'csv' && <ParamControl store={store} name="prevalence" display={(v) => percent(v)} />}
          <ParamControl store={store} name="data" />
          {live.data === 'synthetic' && <ParamControl store={store} name="separation" />}
          {live.data === 'synthetic' && <ParamControl store={store} name="n" display={(v) => String(Math.round(v))} />}
          <ParamControl store={store} name="beta" />
          <ParamControl store={store} name="costRatio" display={(v) => `${fmt(v, 3)} : 1`} />
          <ParamControl store={store} name="hist" />
          <SeedButton seed={live.seed} onChange={(s) => store.getState().set('seed', s)} />
          {live.data === 'csv' && (
            <CsvInput
              request={OWN_REQUEST}
              help="Each row is one example: its classifier score (higher means more likely positive) and its true label, 0 or 1."
              current={liveOwn}
              onLoad={(d) => store.getState().setMany({ data: 'csv', csv: ownDataParam(OWN_KEY, d.columns) })}
              onBack={() => {
                forgetOwnData(OWN_KEY);
                store.getState().setMany({ data: 'synthetic', csv: '' });
              }}
            />
          )}
        </>
      }
    >
      {plots}
    </PanelLayout>
  );
}
