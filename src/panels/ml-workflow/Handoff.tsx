/**
 * Step 8: the fitted pipeline and its model card as files the learner downloads, with the card
 * shown as it will read.
 */
import { memo, useMemo } from 'react';
import { sleep } from '../../lib/panel/schedule';
import type { WfResult } from './model';
import { exportModel, modelCard } from './handoff';

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Released a little later: revoking at once can cancel the download before it has read the blob.
  void sleep(5000).then(() => URL.revokeObjectURL(url));
}

export const Handoff = memo(function Handoff({ r }: { r: WfResult }) {
  const json = useMemo(() => exportModel(r), [r]);
  const card = useMemo(() => modelCard(r), [r]);
  const base = `penguin-${r.input.target}-${r.final.kind}`;
  return (
    <div data-testid="wf-handoff">
      <div className="wf-buttons">
        <button type="button" data-testid="export-model" onClick={() => download(`${base}.json`, json, 'application/json')}>
          Download the model (JSON, {Math.ceil(json.length / 1024)} kB)
        </button>
        <button type="button" data-testid="export-card" onClick={() => download(`${base}-card.md`, card, 'text/markdown')}>
          Download the model card (Markdown)
        </button>
      </div>
      <figure className="wf-figure">
        <figcaption className="wf-caption">The model card</figcaption>
        <pre className="wf-card" data-testid="wf-card" tabIndex={0}>
          {card}
        </pre>
      </figure>
    </div>
  );
});
