/**
 * The embedded case: a network saved in this browser (the overfitting panel's "Save this
 * network") or a model file is loaded, validated, described (as text only), timed for real on the
 * panel's worker, and served in the simulator with that latency. A file that is not a valid model
 * is refused with the reasons and changes nothing. The loaded model is page state, not in the link.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { Readout } from '../../lib/controls/Readout';
import { Message } from '../../lib/controls/Message';
import { PanelLayout } from '../../lib/panel/PanelLayout';
import { useWorkerComputed } from '../../lib/worker/useWorkerComputed';
import { deleteModel, listModels, readModelFile, saveModel, type SavedEntry } from '../../lib/models/storage';
import type { SavedModel } from '../../lib/models/format';
import type { LatencyResult } from './latency';
import { exampleModel, modelRows, servePatch } from './embedded';
import { LatencyPlot } from './LatencyPlot';
import { PartTabs } from './PartTabs';
import { computeWorker } from './worker';
import { store } from './store';

export function ModelView() {
  const live = usePanelParams(store);
  const [saved, setSaved] = useState<SavedEntry[] | null>(null);
  const [storageError, setStorageError] = useState<string | null>(null);
  const [model, setModel] = useState<SavedModel | null>(null);
  const [from, setFrom] = useState<string>('');
  const [refusal, setRefusal] = useState<string[] | null>(null);
  const [status, setStatus] = useState('');

  const refresh = useCallback(() => {
    listModels().then(
      (l) => {
        setSaved(l);
        setStorageError(null);
      },
      (e: unknown) => setStorageError(e instanceof Error ? e.message : String(e)),
    );
  }, []);
  useEffect(refresh, [refresh]);

  const { result: lat, error, pending } = useWorkerComputed<SavedModel | null, LatencyResult | null>(computeWorker, 'latency', model);

  const load = (m: SavedModel, where: string) => {
    setModel(m);
    setFrom(where);
    setRefusal(null);
    setStatus('');
  };
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const v = await readModelFile(file);
    // A refused file changes nothing: the model loaded before stays loaded.
    if (!v.ok) setRefusal(v.problems);
    else load(v.model, 'a file');
  };
  const keep = async () => {
    if (!model) return;
    try {
      await saveModel(model);
      setStatus(`Saved “${model.name}” in this browser.`);
      refresh();
    } catch (e) {
      setStatus(e instanceof Error ? e.message : String(e));
    }
  };

  const plots = useMemo(
    () => (
      <div data-computed-in="worker">
        {lat ? <LatencyPlot lat={lat} /> : <p className="dep-empty">Load a model to time it: from this browser’s storage, from a file, or the example.</p>}
      </div>
    ),
    [lat],
  );

  return (
    <PanelLayout
      summary="A network trained in another panel, loaded here, timed on this page’s worker and served in the simulator with that latency."
      badge={<span className="badge">float64 JS, worker</span>}
      error={error}
      notes={storageError ? [`Saved models are unavailable: ${storageError}. Files still work.`] : []}
      notesKind="warn"
      readout={<Readout busy={pending} title="Readout" rows={modelRows(model, from, lat)} />}
      below={
        refusal && (
          <div data-testid="model-refused">
            <Message kind="error">
              That file is not a model this app can load, so nothing changed: {refusal.join('; ')}.
            </Message>
          </div>
        )
      }
      controls={
        <>
          <div className="ctl">
            <label htmlFor="dep-file">Load a model file (.json)</label>
            <input id="dep-file" type="file" accept=".json,application/json" data-testid="model-file" onChange={(e) => void onFile(e.currentTarget.files?.[0])} />
          </div>
          <div className="ctl">
            <button type="button" data-testid="model-example" onClick={() => load(exampleModel(live.seed), 'the example')}>
              Load the example network
            </button>
          </div>
          <div className="ctl" data-testid="saved-models">
            <span className="ctl-label">Saved in this browser</span>
            {saved === null && !storageError && <p className="ctl-help">Looking…</p>}
            {saved && saved.length === 0 && <p className="ctl-help">None yet: train a network in the overfitting panel and press “Save in this browser” under it.</p>}
            {saved && saved.length > 0 && (
              <ul className="dep-saved">
                {saved.map((s) => (
                  <li key={s.id}>
                    <span className="dep-saved-name">{s.model.name}</span>
                    <button type="button" onClick={() => load(s.model, 'this browser')} data-testid={`load-${s.id}`}>
                      Load
                    </button>
                    <button type="button" onClick={() => void deleteModel(s.id).then(refresh, refresh)} aria-label={`Delete ${s.model.name}`}>
                      Delete
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
          {model && from !== 'this browser' && (
            <div className="ctl">
              <button type="button" onClick={() => void keep()} data-testid="model-keep">
                Save it in this browser
              </button>
            </div>
          )}
          {lat && model && (
            <div className="ctl">
              <button type="button" className="primary" data-testid="model-serve" onClick={() => store.getState().setMany(servePatch(lat, live))}>
                Serve it in the simulator
              </button>
              <p className="ctl-help">Sets the simulator’s batch latency to the measured one and the load to 60 % of what it can serve.</p>
            </div>
          )}
          {status && <p className="ctl-help" role="status">{status}</p>}
        </>
      }
    >
      <PartTabs part="model" />
      {plots}
    </PanelLayout>
  );
}
