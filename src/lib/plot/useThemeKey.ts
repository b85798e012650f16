/* A number that changes whenever the page theme may have changed, so canvas layers (which hold
   resolved colours, not CSS variables) know when to repaint. */
import { useSyncExternalStore } from 'react';

let version = 0;
const listeners = new Set<() => void>();
let teardown: (() => void) | null = null;

function bump() {
  version++;
  listeners.forEach((l) => l());
}

function start() {
  if (typeof document === 'undefined') return () => {};
  const mo =
    typeof MutationObserver === 'undefined'
      ? null
      : new MutationObserver(bump);
  // The app switches theme with an attribute (data-theme / class / style) on <html>.
  mo?.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
  const mq = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  mq?.addEventListener?.('change', bump);
  return () => {
    mo?.disconnect();
    mq?.removeEventListener?.('change', bump);
  };
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!teardown) teardown = start();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && teardown) {
      teardown();
      teardown = null;
    }
  };
}

const getSnapshot = () => version;
const getServerSnapshot = () => 0;

export function useThemeKey(): number {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}
