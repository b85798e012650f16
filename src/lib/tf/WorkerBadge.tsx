/**
 * The tfjs backend badge for a panel whose tfjs runs only in its worker (the panel declares usesTf: 'worker'; PanelLayout shows it by itself): the
 * backend the worker announced (lib/worker/registry.ts), with the markup and test id of
 * lib/tf/BackendBadge, which would start a second tfjs on the page just to show a badge.
 */
import { useEffect, useState } from 'react';
import { onWorkerBackend } from '../worker/registry';
import type { WorkerBackend } from '../worker/scope';

export function WorkerBadge() {
  const [info, setInfo] = useState<WorkerBackend | null>(null);
  useEffect(() => onWorkerBackend(setInfo), []);
  return (
    <span className="badge" data-testid="backend" data-backend={info?.name ?? ''} data-computed-in="worker" title={info?.reason}>
      tfjs in a worker: {info ? info.name.toUpperCase() : 'starting…'}
      {info && <span className="badge-reason"> ({info.reason})</span>}
    </span>
  );
}
