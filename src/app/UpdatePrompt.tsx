/**
 * Registers the service worker that keeps the app working offline (vite.config.ts, offline()),
 * and says when a newer build is waiting: the learner chooses when to reload, so a panel in use
 * (a training run, a typed sentence) is never swapped out under them.
 */
import { useRegisterSW } from 'virtual:pwa-register/react';

export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW();
  if (!needRefresh && !offlineReady) return null;
  return (
    <div className="update-prompt msg msg-info" role="status" data-testid="update-prompt">
      {needRefresh ? (
        <>
          <span>A new version of ML Intuition is available.</span>
          <button type="button" onClick={() => void updateServiceWorker(true)} data-testid="update-reload">
            Reload
          </button>
          <button type="button" onClick={() => setNeedRefresh(false)}>
            Later
          </button>
        </>
      ) : (
        <>
          <span data-testid="offline-ready">Ready to work offline.</span>
          <button type="button" onClick={() => setOfflineReady(false)}>
            OK
          </button>
        </>
      )}
    </div>
  );
}
