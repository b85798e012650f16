import { useEffect, useState } from 'react';
import { ensureBackend } from './backend';
import { onBackendChange, type BackendInfo } from './events';

/** Shows which tfjs backend is computing, and why (data-testid="backend"). */
export function BackendBadge() {
  const [info, setInfo] = useState<BackendInfo | null>(null);
  useEffect(() => {
    void ensureBackend();
    return onBackendChange(setInfo);
  }, []);
  return (
    <span className="badge" data-testid="backend" data-backend={info?.name ?? ''} title={info?.reason}>
      tfjs: {info ? `${info.name.toUpperCase()}` : 'starting…'}
      {info && <span className="badge-reason"> ({info.reason})</span>}
    </span>
  );
}
