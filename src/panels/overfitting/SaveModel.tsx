/**
 * "Save this network": the network on screen (A; the restored best one after an early stop) in
 * the shared saved-model format (lib/models), kept in this browser's storage or exported as a
 * JSON file, so the deployment panel can load it, time it and serve it.
 */
import { useState } from 'react';
import { MODEL_FORMAT, MODEL_VERSION, type Feature, type SavedModel } from '../../lib/models/format';
import { exportModel, saveModel } from '../../lib/models/storage';
import type { RunView } from './compute';

/** This panel's inputs under the format's feature names (data.ts FEATURE_NAMES, in the same order). */
const FEATURES: Record<'xy' | 'poly', Feature[]> = {
  xy: ['x1', 'x2'],
  poly: ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin(x1)', 'sin(x2)'],
};

function toSaved(run: RunView): SavedModel | null {
  const weights = run.weights;
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    name: `Overfitting network ${run.arch.sizes.join(' → ')}, epoch ${run.shown}`,
    kind: 'mlp',
    architecture: { sizes: [...run.arch.sizes], activation: run.arch.activation, output: 'sigmoid' },
    features: FEATURES[run.spec.cfg.features],
    weights: Array.from(weights),
    source: { panel: 'overfitting', link: `${window.location.pathname}${window.location.search}` },
    savedAt: new Date().toISOString(),
    metrics: { validationAccuracy: run.now.valAcc, validationLoss: run.now.valLoss, epoch: run.shown },
  };
}

export function SaveModel({ run }: { run: RunView | undefined }) {
  const [status, setStatus] = useState<{ text: string; saved: boolean } | null>(null);
  // Made at the click (it reads the address and the clock), not while rendering.
  const save = async () => {
    const model = run ? toSaved(run) : null;
    if (!model) return;
    try {
      await saveModel(model);
      setStatus({ text: `Saved “${model.name}” in this browser.`, saved: true });
    } catch (e) {
      setStatus({ text: `Not saved: ${e instanceof Error ? e.message : String(e)}.`, saved: false });
    }
  };
  return (
    <section style={{ marginTop: 'var(--s4)' }} aria-label="Save this network" data-testid="save-model">
      <h3 className="controls-title">Save this network</h3>
      <p className="ctl-help">Keep network A as shown (architecture, weights, features and this link) to load it in the deployment panel.</p>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--s2)' }}>
        <button type="button" disabled={!run} onClick={() => void save()} data-testid="save-model-store">
          Save in this browser
        </button>
        <button
          type="button"
          disabled={!run}
          onClick={() => {
            const model = run ? toSaved(run) : null;
            if (model) exportModel(model);
          }}
          data-testid="save-model-export"
        >
          Export as a file
        </button>
      </div>
      {status && (
        <p className="ctl-help" role="status" data-testid="save-model-status">
          {status.text}
          {status.saved && (
            <>
              {' '}
              <a href="/deployment/?part=model">Open it in “Deploying a model”</a>.
            </>
          )}
        </p>
      )}
    </section>
  );
}
