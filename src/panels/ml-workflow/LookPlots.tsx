/**
 * Step 1: the class balance, each measurement's histogram stacked by class, the categories'
 * counts by class, and the missing values per column.
 */
import { memo } from 'react';
import { Frame } from '../../lib/plot/Frame';
import { Bars } from '../../lib/plot/Bars';
import { Legend } from '../../lib/plot/Legend';
import { categoryAxis } from '../../lib/plot/scales';
import type { Look } from './explore';
import { classColour } from './look';

export const LookPlots = memo(function LookPlots({ look, classes, target }: { look: Look; classes: string[]; target: string }) {
  const colours = classes.map((_, k) => classColour(k));
  const legend = <Legend items={classes.map((c, k) => ({ label: c, color: colours[k] }))} />;
  const balanceLabels = look.unlabelled > 0 ? [...classes, 'unknown'] : classes;
  const balance = look.unlabelled > 0 ? [...look.balance, look.unlabelled] : look.balance;
  const bAxis = categoryAxis(balanceLabels);
  return (
    <div data-testid="wf-look">
      <div className="plot-grid">
        <Frame
          title={`Class balance: ${target}`}
          xLabel={target}
          yLabel="birds"
          xDomain={bAxis.domain}
          yDomain={[0, Math.max(1, ...balance) * 1.15]}
          xTicks={bAxis.ticks}
          xTickFormat={bAxis.format}
          grid="y"
          aspect={1.6}
          note={look.unlabelled > 0 ? `${look.unlabelled} birds have no ${target}: they can be neither trained on nor scored.` : 'Every bird has a label.'}
        >
          {/* One series per group, so each bar takes its class's colour. */}
          <Bars values={balance.map((v, i) => balance.map((_, j) => (j === i ? v : 0)))} colors={balanceLabels.map((_, i) => (i < classes.length ? colours[i] : 'var(--muted)'))} mode="stacked" labels format={String} />
        </Frame>
        <MissingTable look={look} />
      </div>
      <div className="wf-legend">{legend}</div>
      <div className="plot-grid">
        {look.histograms.map((h) => {
          const w = h.edges[1] - h.edges[0];
          const top = Math.max(1, ...h.counts.map((c) => c.reduce((a, b) => a + b, 0)));
          return (
            <Frame
              key={h.column}
              title={`Distribution of ${h.column}`}
              xLabel={h.column}
              yLabel="birds"
              xDomain={[h.edges[0], h.edges[h.edges.length - 1]]}
              yDomain={[0, top * 1.1]}
              grid="y"
              aspect={1.8}
              note={h.missing ? `${h.missing} missing` : 'none missing'}
            >
              <Bars values={h.counts} x={h.edges.slice(0, -1).map((e) => e + w / 2)} bandwidth={w * 0.95} mode="stacked" colors={colours} />
            </Frame>
          );
        })}
        {look.categories.map((c) => {
          const axis = categoryAxis(c.categories);
          return (
            <Frame
              key={c.column}
              title={`Counts of ${c.column}`}
              xLabel={c.column}
              yLabel="birds"
              xDomain={axis.domain}
              yDomain={[0, Math.max(1, ...c.counts.map((r) => r.reduce((a, b) => a + b, 0))) * 1.1]}
              xTicks={axis.ticks}
              xTickFormat={axis.format}
              grid="y"
              aspect={1.8}
              note={c.missing ? `${c.missing} missing` : 'none missing'}
            >
              <Bars values={c.counts} mode="stacked" colors={colours} />
            </Frame>
          );
        })}
      </div>
    </div>
  );
});

function MissingTable({ look }: { look: Look }) {
  return (
    <figure className="wf-figure">
      <figcaption className="wf-caption">Missing values per column (all {look.balance.reduce((a, b) => a + b, 0) + look.unlabelled} birds)</figcaption>
      <table className="num-table" data-testid="wf-missing">
        <thead>
          <tr>
            <th scope="col">column</th>
            <th scope="col">missing</th>
          </tr>
        </thead>
        <tbody>
          {look.missing.map((m) => (
            <tr key={m.column}>
              <th scope="row">{m.column}</th>
              <td>{m.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
