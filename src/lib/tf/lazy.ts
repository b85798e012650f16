/**
 * Starts the tfjs backend through a dynamic import, for panels that run tfjs only for some
 * params (e.g. bias-variance's float32 solver): their chunk then holds no tfjs, and the route
 * downloads it only when such params are chosen.
 */
import type { BackendInfo } from './events';

export function ensureBackendLazy(): Promise<BackendInfo> {
  return import('./backend').then((m) => m.ensureBackend());
}
