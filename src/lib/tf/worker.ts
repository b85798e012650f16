/**
 * tfjs start-up inside a worker (a panel's compute.worker.ts, via its model files): the same rules
 * as the page (choose.ts). WASM with explicit file URLs and no threads; WebGL only through an
 * OffscreenCanvas with WebGL2 (what tfjs uses in a worker), and only on a real GPU; the page's
 * `?backend=` arrives in the init message, and the WebGL renderer once the page has seen it.
 * Registers the live-tensor count the kit reports to the page after every answer, and announces
 * the backend (and any fallback) to the page.
 * Import this only from worker code: it loads tfjs.
 */
import * as tf from './tf';
import type { BackendInfo } from './events';
import { asBackendName, chooseBackend, rendererOf, trySet, workerRenderer } from './choose';
import { announceBackend, rendererHint, setTensorCounter, workerInit } from '../worker/scope';

let current: Promise<BackendInfo> | null = null;
let generation = 0;

/** The renderer of a WebGL2 context on an OffscreenCanvas, or null where workers have none. */
function offscreenRenderer(): string | null {
  try {
    if (typeof OffscreenCanvas === 'undefined') return null;
    return rendererOf(new OffscreenCanvas(1, 1).getContext('webgl2'));
  } catch {
    return null;
  }
}

/** A lost WebGL context takes every tensor with it: fall back to WASM (or CPU) and say so. */
function watchContextLoss(): void {
  const canvas = (tf.backend() as unknown as { gpgpu?: { gl?: WebGL2RenderingContext } }).gpgpu?.gl?.canvas as OffscreenCanvas | undefined;
  if (!canvas || typeof canvas.addEventListener !== 'function') return;
  canvas.addEventListener(
    'webglcontextlost',
    (e) => {
      e.preventDefault();
      current = (async () => {
        const name = (await trySet('wasm')) ? 'wasm' : 'cpu';
        if (name === 'cpu') await trySet('cpu');
        generation += 1;
        const info: BackendInfo = { name, reason: 'WebGL context was lost', generation };
        announceBackend(info);
        return info;
      })();
    },
    { once: true },
  );
}

/** Starts tfjs once per worker; later calls share the same promise. */
export function ensureWorkerBackend(): Promise<BackendInfo> {
  current ??= workerInit().then(async (init) => {
    // The page's renderer spares the probe where it can (choose.ts); what this worker probed
    // itself goes back to the page for the workers after it.
    let probed: string | null | undefined;
    const renderer = workerRenderer(rendererHint(), () => (probed = offscreenRenderer()));
    const c = await chooseBackend(asBackendName(init.backend), renderer);
    const info: BackendInfo = { ...c, generation };
    if (info.name === 'webgl') watchContextLoss();
    setTensorCounter(() => tf.memory().numTensors);
    announceBackend(probed === undefined ? info : { ...info, renderer: probed });
    return info;
  });
  return current;
}
