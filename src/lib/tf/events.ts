/**
 * Backend change notifications, with no tfjs import, so the app shell can react (remount the
 * panel after a lost WebGL context) without loading tfjs on routes that do not need it.
 */
export type BackendName = 'webgl' | 'wasm' | 'cpu';

export interface BackendInfo {
  name: BackendName;
  /** Why this one: e.g. "software WebGL (SwiftShader)", "forced by the link". */
  reason: string;
  /** Increments on every switch after the first choice (0 = the initial backend). */
  generation: number;
}

const listeners = new Set<(b: BackendInfo) => void>();
let last: BackendInfo | null = null;

export function emitBackend(info: BackendInfo): void {
  last = info;
  listeners.forEach((l) => l(info));
}

/** Calls `l` now with the current backend (if chosen) and on every change. */
export function onBackendChange(l: (b: BackendInfo) => void): () => void {
  listeners.add(l);
  if (last) l(last);
  return () => listeners.delete(l);
}

export function currentBackend(): BackendInfo | null {
  return last;
}
